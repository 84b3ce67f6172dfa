import {
  MAX_LABEL_LENGTH,
  type Account,
  type AmountParseError,
  type IsoDate,
  type Language,
  type MinorUnits,
  type TransferDraft,
} from '@tirelire/shared';
import { dateOrNull, parseTypedAmount } from './form-values.ts';
import { MAX_NOTE_LENGTH } from './operation-form.ts';

export interface TransferFields {
  readonly fromId: string;
  readonly toId: string;
  readonly date: string;
  /** Leaving the "from" account, in its currency; unsigned. */
  readonly amount: string;
  /** Arriving in the "to" account, in its currency; only asked when the currencies differ. */
  readonly received: string;
  readonly label: string;
  readonly note: string;
}

export type TransferFieldError =
  'required' | 'invalid_date' | 'too_long' | 'same_account' | 'not_positive' | AmountParseError;
export type TransferFieldErrors = Partial<
  Record<'to' | 'date' | 'amount' | 'received' | 'label' | 'note', TransferFieldError>
>;

export type TransferFormResult =
  | { readonly ok: true; readonly draft: TransferDraft }
  | { readonly ok: false; readonly errors: TransferFieldErrors };

/** The first other open account: where a transfer most likely goes. */
export function defaultTransferTarget(
  from: Account,
  accounts: readonly Account[],
): Account | undefined {
  return accounts.find((account) => account.id !== from.id && !account.archived);
}

export function transferFields(
  from: Account,
  accounts: readonly Account[],
  today: IsoDate,
  label: string,
): TransferFields {
  return {
    fromId: from.id,
    toId: defaultTransferTarget(from, accounts)?.id ?? '',
    date: today,
    amount: '',
    received: '',
    label,
    note: '',
  };
}

export function isCrossCurrency(from: Account | undefined, to: Account | undefined): boolean {
  return from !== undefined && to !== undefined && from.currency !== to.currency;
}

function positiveAmount(
  text: string,
  account: Account,
  language: Language,
): { value: MinorUnits } | { error: TransferFieldError } {
  const parsed = parseTypedAmount(text, account.currency, language);
  if (!parsed.ok) return { error: parsed.code === 'empty' ? 'required' : parsed.code };
  if (parsed.value <= 0) return { error: 'not_positive' };
  return { value: parsed.value };
}

export function transferDraftOf(
  fields: TransferFields,
  accounts: readonly Account[],
  language: Language,
): TransferFormResult {
  const errors: TransferFieldErrors = {};
  const from = accounts.find((account) => account.id === fields.fromId);
  const to = accounts.find((account) => account.id === fields.toId);
  if (!to) errors.to = 'required';
  else if (to.id === from?.id) errors.to = 'same_account';
  const date = dateOrNull(fields.date);
  if (!date) errors.date = fields.date === '' ? 'required' : 'invalid_date';
  const label = fields.label.trim();
  if (label === '') errors.label = 'required';
  else if (label.length > MAX_LABEL_LENGTH) errors.label = 'too_long';
  if (fields.note.length > MAX_NOTE_LENGTH) errors.note = 'too_long';
  const sent = from
    ? positiveAmount(fields.amount, from, language)
    : { error: 'required' as const };
  if ('error' in sent) errors.amount = sent.error;
  let receivedMinor: MinorUnits | undefined;
  if (to && isCrossCurrency(from, to)) {
    const received = positiveAmount(fields.received, to, language);
    if ('error' in received) errors.received = received.error;
    else receivedMinor = received.value;
  }
  if (!from || !to || !date || 'error' in sent || Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    draft: { from, to, date, amountMinor: sent.value, receivedMinor, label, note: fields.note },
  };
}
