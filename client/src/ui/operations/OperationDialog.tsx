import { useId, useRef, useState } from 'preact/hooks';
import type { Account, Operation } from '@tirelire/shared';
import { addOperation, updateOperation } from '../../app/use-cases/operations.ts';
import { interpolate, useLanguage, useMessages } from '../i18n/i18n.ts';
import { navigate, routePath } from '../router.ts';
import { useServices } from '../services-context.ts';
import { categoryOptions } from './category-options.ts';
import { Field } from './Field.tsx';
import { todayOf } from './form-values.ts';
import { operationsMessages } from './messages.ts';
import { Modal } from './Modal.tsx';
import {
  operationDraftOf,
  operationFields,
  type OperationFieldError,
  type OperationFieldErrors,
  type OperationFields,
} from './operation-form.ts';
import { describeError, focusFirstInvalid } from './errors.ts';
import { FormFooter } from './FormFooter.tsx';
import { suggestionMessages } from './suggestion-messages.ts';
import { suggestionHint } from './suggestion-text.ts';

interface OperationDialogProps {
  readonly account: Account;
  /** The operation to edit, or null to add one. */
  readonly operation: Operation | null;
  readonly onClose: () => void;
  readonly onDelete: (operation: Operation) => void;
}

export function OperationDialog({ account, operation, onClose, onDelete }: OperationDialogProps) {
  const t = useMessages(operationsMessages);
  const ts = useMessages(suggestionMessages);
  const language = useLanguage();
  const { ledger, state, categorization } = useServices();
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [fields, setFields] = useState<OperationFields>(() =>
    operationFields(operation, todayOf(ledger.clock), language),
  );
  const [errors, setErrors] = useState<OperationFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);

  const categories = state.categories.value;
  const peer =
    operation?.transferPeerId == null
      ? null
      : (state.operationsById.value.get(operation.transferPeerId) ?? null);
  const peerAccount = peer ? state.accountsById.value.get(peer.accountId) : undefined;

  const message = (error: OperationFieldError | undefined): string | undefined => {
    if (!error) return undefined;
    const byCode: Record<OperationFieldError, string> = {
      required: t.required,
      invalid_date: t.invalidDate,
      too_long: t.tooLong,
      empty: t.required,
      malformed: t.amountMalformed,
      too_precise: interpolate(t.amountTooPrecise, { currency: account.currency }),
      too_large: t.amountTooLarge,
    };
    return byCode[error];
  };
  const set = (change: Partial<OperationFields>) => setFields({ ...fields, ...change });
  const categoryHint = operation
    ? suggestionHint(
        operation,
        categorization.suggestions.value.get(operation.id),
        state.categoriesById.value,
        language,
        ts,
      )
    : undefined;

  /**
   * A category the person picks here is their choice like any other: it goes through the
   * categoriser, which remembers it for the merchant and learns from it. The rest of the edit is
   * then saved over the operation as it now is, so neither write undoes the other.
   */
  const chooseCategoryOf = async (
    edited: Operation,
    categoryId: Operation['categoryId'],
  ): Promise<Operation> => {
    if (categoryId === null || categoryId === edited.categoryId) return edited;
    await categorization.choose([edited.id], categoryId);
    return { ...edited, categoryId, categorySource: 'user' };
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const target = { accountId: account.id, currency: account.currency };
    const result = operationDraftOf(fields, target, categories, language);
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
      const saved = operation
        ? await updateOperation(
            ledger,
            await chooseCategoryOf(operation, result.draft.categoryId),
            result.draft,
            peer,
          )
        : await addOperation(ledger, result.draft, state.accounts.value);
      if (saved.ok) {
        onClose();
        return;
      }
      setFormError(
        interpolate(t.saveFailed, {
          reason: saved.code === 'unknown_account' ? t.accountNotFound : saved.message,
        }),
      );
    } catch (caught) {
      setFormError(interpolate(t.saveFailed, { reason: describeError(caught) }));
    }
    setSaving(false);
  };

  return (
    <Modal titleId={titleId} onClose={onClose} class="operation-dialog">
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={titleId}>{operation ? t.editOperation : t.newOperation}</h2>
        {peer && peerAccount && (
          <p class="dialog-note">
            {interpolate(t.transferHalf, { account: peerAccount.name })}{' '}
            <a
              href={routePath({ name: 'account', accountId: peerAccount.id })}
              onClick={(event) => {
                event.preventDefault();
                onClose();
                navigate({ name: 'account', accountId: peerAccount.id });
              }}
            >
              {interpolate(t.openOtherAccount, { account: peerAccount.name })}
            </a>
          </p>
        )}
        <div class="form-grid">
          <fieldset class="direction">
            <legend>{t.direction}</legend>
            {(['expense', 'income'] as const).map((direction) => (
              <label key={direction} class={`direction-option is-${direction}`}>
                <input
                  type="radio"
                  name="direction"
                  value={direction}
                  checked={fields.direction === direction}
                  onChange={() => set({ direction })}
                />
                <span>{direction === 'expense' ? t.expense : t.income}</span>
              </label>
            ))}
          </fieldset>
          <Field label={t.amount} suffix={account.currency} error={message(errors.amount)}>
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode="decimal"
                autocomplete="off"
                autofocus={operation === null}
                value={fields.amount}
                placeholder={language === 'fr' ? '12,50' : '12.50'}
                onInput={(event) => {
                  const amount = event.currentTarget.value;
                  // A typed minus means an expense: show it on the switch at once.
                  set(
                    amount.trim().startsWith('-') ? { amount, direction: 'expense' } : { amount },
                  );
                }}
              />
            )}
          </Field>
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
          <Field label={t.valueDate} hint={t.optional} error={message(errors.valueDate)}>
            {(control) => (
              <input
                {...control}
                type="date"
                value={fields.valueDate}
                onInput={(event) => set({ valueDate: event.currentTarget.value })}
              />
            )}
          </Field>
          <Field
            label={t.label}
            class="span-all"
            hint={
              operation && operation.rawLabel !== '' && operation.rawLabel !== fields.label
                ? interpolate(t.bankLabel, { label: operation.rawLabel })
                : undefined
            }
            error={message(errors.label)}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                required
                maxLength={500}
                autofocus={operation !== null}
                value={fields.label}
                onInput={(event) => set({ label: event.currentTarget.value })}
              />
            )}
          </Field>
          <Field label={t.category} class="span-all" hint={categoryHint}>
            {(control) => (
              <select
                {...control}
                value={fields.categoryId}
                onChange={(event) => set({ categoryId: event.currentTarget.value })}
              >
                <option value="">{t.noCategory}</option>
                <optgroup label={t.category}>
                  {categoryOptions(categories, language).map((option) => (
                    <option key={option.category.id} value={option.category.id}>
                      {`${'\u2003'.repeat(option.depth)}${option.category.icon} ${option.name}`}
                    </option>
                  ))}
                </optgroup>
              </select>
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
        <FormFooter error={formError} isSaving={isSaving} labels={t} onCancel={onClose}>
          {operation && (
            <button type="button" class="danger actions-start" onClick={() => onDelete(operation)}>
              {t.delete}
            </button>
          )}
        </FormFooter>
      </form>
    </Modal>
  );
}
