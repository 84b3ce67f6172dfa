import { useId, useRef, useState } from 'preact/hooks';
import { ACCOUNT_TYPES, type Account } from '@tirelire/shared';
import { addAccount, updateAccount } from '../../app/use-cases/accounts.ts';
import { interpolate, useLanguage, useMessages } from '../i18n/i18n.ts';
import { describeError, focusFirstInvalid } from '../operations/errors.ts';
import { Field } from '../operations/Field.tsx';
import { todayOf } from '../operations/form-values.ts';
import { Modal } from '../operations/Modal.tsx';
import { useServices } from '../services-context.ts';
import {
  accountDraftOf,
  accountFields,
  chosenCurrency,
  COMMON_CURRENCIES,
  isAccountType,
  MAX_NAME_LENGTH,
  OTHER_CURRENCY,
  type AccountFieldError,
  type AccountFieldErrors,
  type AccountFields,
} from './account-form.ts';
import { accountsMessages, accountTypeNames } from './messages.ts';
import { FormFooter } from '../operations/FormFooter.tsx';

interface AccountDialogProps {
  /** The account to edit, or null to add one. */
  readonly account: Account | null;
  /** Whether the edited account has operations: its currency is then fixed. */
  readonly hasOperations: boolean;
  readonly onClose: () => void;
  /** Called with the new account after an addition. */
  readonly onAdded?: (account: Account) => void;
}

export function AccountDialog({ account, hasOperations, onClose, onAdded }: AccountDialogProps) {
  const t = useMessages(accountsMessages);
  const types = useMessages(accountTypeNames);
  const language = useLanguage();
  const { ledger, state } = useServices();
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [fields, setFields] = useState<AccountFields>(() =>
    accountFields(
      account,
      todayOf(ledger.clock),
      language,
      // A new account most likely uses the currency of the others.
      state.accounts.value[0]?.currency ?? 'EUR',
    ),
  );
  const [errors, setErrors] = useState<AccountFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const isCurrencyLocked = account !== null && hasOperations;
  const set = (change: Partial<AccountFields>) => setFields({ ...fields, ...change });

  const message = (error: AccountFieldError | undefined): string | undefined => {
    if (!error) return undefined;
    const byCode: Record<AccountFieldError, string> = {
      required: t.required,
      too_long: t.tooLong,
      invalid_date: t.invalidDate,
      invalid_currency: t.invalidCurrency,
      empty: t.required,
      malformed: t.amountMalformed,
      too_precise: interpolate(t.amountTooPrecise, { currency: chosenCurrency(fields) }),
      too_large: t.amountTooLarge,
    };
    return byCode[error];
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const result = accountDraftOf(fields, language);
    if (!result.ok) {
      setErrors(result.errors);
      setFormError(t.fixErrors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setFormError(null);
    setSaving(true);
    try {
      const saved = account
        ? await updateAccount(ledger, account, result.draft)
        : await addAccount(ledger, result.draft);
      if (saved.ok) {
        onClose();
        if (!account) onAdded?.(saved.value);
        return;
      }
      if (saved.code === 'has_operations') setErrors({ currency: 'invalid_currency' });
      setFormError(
        saved.code === 'has_operations'
          ? t.hasOperations
          : interpolate(t.saveFailed, { reason: saved.message }),
      );
    } catch (caught) {
      setFormError(interpolate(t.saveFailed, { reason: describeError(caught) }));
    }
    setSaving(false);
  };

  return (
    <Modal titleId={titleId} onClose={onClose} class="account-dialog">
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={titleId}>{account ? t.editAccount : t.newAccount}</h2>
        <div class="form-grid">
          <Field label={t.name} class="span-all" error={message(errors.name)}>
            {(control) => (
              <input
                {...control}
                type="text"
                required
                autofocus
                maxLength={MAX_NAME_LENGTH}
                placeholder={t.namePlaceholder}
                value={fields.name}
                onInput={(event) => set({ name: event.currentTarget.value })}
              />
            )}
          </Field>
          <Field label={t.institution} hint={t.optional} error={message(errors.institution)}>
            {(control) => (
              <input
                {...control}
                type="text"
                maxLength={MAX_NAME_LENGTH}
                placeholder={t.institutionPlaceholder}
                value={fields.institution}
                onInput={(event) => set({ institution: event.currentTarget.value })}
              />
            )}
          </Field>
          <Field label={t.type}>
            {(control) => (
              <select
                {...control}
                value={fields.type}
                onChange={(event) => {
                  const type = event.currentTarget.value;
                  if (isAccountType(type)) set({ type });
                }}
              >
                {ACCOUNT_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {types[type]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t.currency}
            hint={isCurrencyLocked ? t.currencyLocked : undefined}
            error={fields.currencyChoice === OTHER_CURRENCY ? undefined : message(errors.currency)}
          >
            {(control) => (
              <select
                {...control}
                value={fields.currencyChoice}
                disabled={isCurrencyLocked}
                onChange={(event) => set({ currencyChoice: event.currentTarget.value })}
              >
                {COMMON_CURRENCIES.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
                <option value={OTHER_CURRENCY}>{t.otherCurrency}</option>
              </select>
            )}
          </Field>
          {fields.currencyChoice === OTHER_CURRENCY && (
            <Field
              label={t.currencyCode}
              hint={t.currencyCodeHint}
              error={message(errors.currency)}
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  maxLength={3}
                  autocomplete="off"
                  spellcheck={false}
                  disabled={isCurrencyLocked}
                  class="currency-code"
                  value={fields.currencyCode}
                  onInput={(event) =>
                    set({ currencyCode: event.currentTarget.value.toUpperCase() })
                  }
                />
              )}
            </Field>
          )}
          <Field
            label={t.openingBalance}
            hint={t.openingBalanceHint}
            error={message(errors.openingBalance)}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode="decimal"
                autocomplete="off"
                placeholder={language === 'fr' ? '0,00' : '0.00'}
                value={fields.openingBalance}
                onInput={(event) => set({ openingBalance: event.currentTarget.value })}
              />
            )}
          </Field>
          <Field label={t.openingDate} error={message(errors.openingDate)}>
            {(control) => (
              <input
                {...control}
                type="date"
                required
                value={fields.openingDate}
                onInput={(event) => set({ openingDate: event.currentTarget.value })}
              />
            )}
          </Field>
        </div>
        <FormFooter error={formError} isSaving={isSaving} labels={t} onCancel={onClose} />
      </form>
    </Modal>
  );
}
