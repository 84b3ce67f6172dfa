import {
  ACCOUNT_TYPES,
  isCurrencyCode,
  type Account,
  type AccountDraft,
  type AccountType,
  type AmountParseError,
  type IsoDate,
  type Language,
} from '@tirelire/shared';
import { amountToInput, dateOrNull, parseTypedAmount } from '../operations/form-values.ts';

/** Offered first in the currency select; any other ISO 4217 code can be typed. */
export const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'CAD'] as const;
export const OTHER_CURRENCY = 'other';
export const MAX_NAME_LENGTH = 120;

export interface AccountFields {
  readonly name: string;
  readonly institution: string;
  readonly type: AccountType;
  /** One of COMMON_CURRENCIES, or OTHER_CURRENCY to use `currencyCode`. */
  readonly currencyChoice: string;
  readonly currencyCode: string;
  readonly openingBalance: string;
  readonly openingDate: string;
}

export type AccountFieldError =
  'required' | 'too_long' | 'invalid_date' | 'invalid_currency' | AmountParseError;
export type AccountFieldErrors = Partial<
  Record<'name' | 'institution' | 'currency' | 'openingBalance' | 'openingDate', AccountFieldError>
>;

export type AccountFormResult =
  | { readonly ok: true; readonly draft: AccountDraft }
  | { readonly ok: false; readonly errors: AccountFieldErrors };

function isCommon(code: string): boolean {
  return COMMON_CURRENCIES.some((common) => common === code);
}

export function isAccountType(value: string): value is AccountType {
  return ACCOUNT_TYPES.some((type) => type === value);
}

export function accountFields(
  account: Account | null,
  today: IsoDate,
  language: Language,
  defaultCurrency: string,
): AccountFields {
  if (!account) {
    return {
      name: '',
      institution: '',
      type: 'checking',
      currencyChoice: isCommon(defaultCurrency) ? defaultCurrency : OTHER_CURRENCY,
      currencyCode: isCommon(defaultCurrency) ? '' : defaultCurrency,
      openingBalance: '',
      openingDate: today,
    };
  }
  return {
    name: account.name,
    institution: account.institution,
    type: account.type,
    currencyChoice: isCommon(account.currency) ? account.currency : OTHER_CURRENCY,
    currencyCode: isCommon(account.currency) ? '' : account.currency,
    openingBalance: amountToInput(account.openingBalanceMinor, account.currency, language),
    openingDate: account.openingDate,
  };
}

/** The currency the fields designate, if it is a real ISO 4217 code. */
export function chosenCurrency(fields: AccountFields): string {
  return fields.currencyChoice === OTHER_CURRENCY
    ? fields.currencyCode.trim().toUpperCase()
    : fields.currencyChoice;
}

export function accountDraftOf(fields: AccountFields, language: Language): AccountFormResult {
  const errors: AccountFieldErrors = {};
  const name = fields.name.trim();
  if (name === '') errors.name = 'required';
  else if (name.length > MAX_NAME_LENGTH) errors.name = 'too_long';
  const institution = fields.institution.trim();
  if (institution.length > MAX_NAME_LENGTH) errors.institution = 'too_long';
  const code = chosenCurrency(fields);
  const currency = isCurrencyCode(code) ? code : null;
  if (!currency) errors.currency = code === '' ? 'required' : 'invalid_currency';
  const openingDate = dateOrNull(fields.openingDate);
  if (!openingDate) errors.openingDate = fields.openingDate === '' ? 'required' : 'invalid_date';
  // An empty opening balance is a zero one: most accounts are followed from "now".
  const balance = currency
    ? parseTypedAmount(
        fields.openingBalance.trim() === '' ? '0' : fields.openingBalance,
        currency,
        language,
      )
    : null;
  if (balance && !balance.ok) errors.openingBalance = balance.code;

  if (!currency || !openingDate || !balance?.ok || Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    draft: {
      name,
      institution,
      type: fields.type,
      currency,
      openingBalanceMinor: balance.value,
      openingDate,
    },
  };
}
