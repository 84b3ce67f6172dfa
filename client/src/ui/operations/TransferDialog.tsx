import { useId, useRef, useState } from 'preact/hooks';
import type { Account } from '@tirelire/shared';
import { addTransfer } from '../../app/use-cases/operations.ts';
import { interpolate, useLanguage, useMessages } from '../i18n/i18n.ts';
import { useServices } from '../services-context.ts';
import { describeError, focusFirstInvalid } from './errors.ts';
import { Field, type FieldControl } from './Field.tsx';
import { todayOf } from './form-values.ts';
import { operationsMessages } from './messages.ts';
import { Modal } from './Modal.tsx';
import {
  isCrossCurrency,
  transferDraftOf,
  transferFields,
  type TransferFieldError,
  type TransferFieldErrors,
  type TransferFields,
} from './transfer-form.ts';
import { FormFooter } from './FormFooter.tsx';

interface TransferDialogProps {
  /** The account the dialog was opened from: the default "from". */
  readonly account: Account;
  readonly onClose: () => void;
}

export function TransferDialog({ account, onClose }: TransferDialogProps) {
  const t = useMessages(operationsMessages);
  const language = useLanguage();
  const { ledger, state } = useServices();
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const accounts = state.accounts.value;
  // Archived accounts can still be chosen (money does leave a closed account), but are listed last.
  const choices = [...accounts].sort((a, b) => Number(a.archived) - Number(b.archived));
  const [fields, setFields] = useState<TransferFields>(() =>
    transferFields(account, accounts, todayOf(ledger.clock), t.defaultTransferLabel),
  );
  const [errors, setErrors] = useState<TransferFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);

  const from = accounts.find((candidate) => candidate.id === fields.fromId);
  const to = accounts.find((candidate) => candidate.id === fields.toId);
  const isCross = isCrossCurrency(from, to);
  const set = (change: Partial<TransferFields>) => setFields({ ...fields, ...change });

  const message = (error: TransferFieldError | undefined, currency?: string) => {
    if (!error) return undefined;
    const byCode: Record<TransferFieldError, string> = {
      required: t.required,
      invalid_date: t.invalidDate,
      too_long: t.tooLong,
      same_account: t.sameAccount,
      not_positive: t.notPositive,
      empty: t.required,
      malformed: t.amountMalformed,
      too_precise: interpolate(t.amountTooPrecise, { currency: currency ?? '' }),
      too_large: t.amountTooLarge,
    };
    return byCode[error];
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const result = transferDraftOf(fields, accounts, language);
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
      const created = await addTransfer(ledger, result.draft);
      if (created.ok) {
        onClose();
        return;
      }
      const reasons = {
        same_account: t.sameAccount,
        not_positive: t.notPositive,
        missing_received_amount: t.differentCurrencies,
      };
      setFormError(interpolate(t.saveFailed, { reason: reasons[created.code] }));
    } catch (caught) {
      setFormError(interpolate(t.saveFailed, { reason: describeError(caught) }));
    }
    setSaving(false);
  };

  if (accounts.length < 2) {
    return (
      <Modal titleId={titleId} onClose={onClose} class="transfer-dialog">
        <h2 id={titleId}>{t.transferTitle}</h2>
        <p>{t.needTwoAccounts}</p>
        <div class="actions">
          <button type="button" autofocus onClick={onClose}>
            {t.close}
          </button>
        </div>
      </Modal>
    );
  }

  const accountSelect = (key: 'fromId' | 'toId', control: FieldControl) => (
    <select
      {...control}
      value={fields[key]}
      onChange={(event) => set({ [key]: event.currentTarget.value, received: '' })}
    >
      {key === 'toId' && fields.toId === '' && <option value="" />}
      {choices.map((choice) => (
        <option key={choice.id} value={choice.id}>
          {`${choice.name} (${choice.currency})`}
        </option>
      ))}
    </select>
  );

  return (
    <Modal titleId={titleId} onClose={onClose} class="transfer-dialog">
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={titleId}>{t.transferTitle}</h2>
        <div class="form-grid">
          <Field label={t.fromAccount}>{(control) => accountSelect('fromId', control)}</Field>
          <Field label={t.toAccount} error={message(errors.to)}>
            {(control) => accountSelect('toId', control)}
          </Field>
          <Field
            label={t.amountSent}
            suffix={from?.currency}
            error={message(errors.amount, from?.currency)}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode="decimal"
                autocomplete="off"
                autofocus
                value={fields.amount}
                placeholder={language === 'fr' ? '100,00' : '100.00'}
                onInput={(event) => set({ amount: event.currentTarget.value })}
              />
            )}
          </Field>
          {isCross && (
            <Field
              label={t.amountReceived}
              suffix={to?.currency}
              hint={t.differentCurrencies}
              error={message(errors.received, to?.currency)}
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  inputMode="decimal"
                  autocomplete="off"
                  value={fields.received}
                  onInput={(event) => set({ received: event.currentTarget.value })}
                />
              )}
            </Field>
          )}
          <Field label={t.date} error={message(errors.date)}>
            {(control) => (
              <input
                {...control}
                type="date"
                required
                value={fields.date}
                onInput={(event) => set({ date: event.currentTarget.value })}
              />
            )}
          </Field>
          <Field label={t.label} class="span-all" error={message(errors.label)}>
            {(control) => (
              <input
                {...control}
                type="text"
                required
                maxLength={500}
                value={fields.label}
                onInput={(event) => set({ label: event.currentTarget.value })}
              />
            )}
          </Field>
          <Field label={t.note} class="span-all" error={message(errors.note)}>
            {(control) => (
              <textarea
                {...control}
                rows={2}
                maxLength={2000}
                value={fields.note}
                onInput={(event) => set({ note: event.currentTarget.value })}
              />
            )}
          </Field>
        </div>
        <FormFooter error={formError} isSaving={isSaving} labels={t} onCancel={onClose} />
      </form>
    </Modal>
  );
}
