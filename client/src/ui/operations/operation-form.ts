import {
  MAX_LABEL_LENGTH,
  minor,
  type AccountId,
  type AmountParseError,
  type Category,
  type CurrencyCode,
  type IsoDate,
  type Language,
  type Operation,
  type OperationDraft,
} from '@tirelire/shared';
import { amountToInput, dateOrNull, parseTypedAmount } from './form-values.ts';

/**
 * The operation form keeps the amount unsigned with an Expense/Income switch: people read
 * "12,50 at the bakery, expense", and a forgotten minus sign is the classic data-entry error.
 * Typing a minus anyway still means an expense.
 */
export type Direction = 'expense' | 'income';

export interface OperationFields {
  readonly date: string;
  readonly valueDate: string;
  readonly label: string;
  readonly amount: string;
  readonly direction: Direction;
  /** '' for no category. */
  readonly categoryId: string;
  readonly note: string;
}

export const MAX_NOTE_LENGTH = 2000;

export type OperationFieldError = 'required' | 'invalid_date' | 'too_long' | AmountParseError;
export type OperationFieldErrors = Partial<
  Record<'date' | 'valueDate' | 'label' | 'amount' | 'note', OperationFieldError>
>;

export type OperationFormResult =
  | { readonly ok: true; readonly draft: OperationDraft }
  | { readonly ok: false; readonly errors: OperationFieldErrors };

export function operationFields(
  operation: Operation | null,
  today: IsoDate,
  language: Language,
): OperationFields {
  if (!operation) {
    return {
      date: today,
      valueDate: '',
      label: '',
      amount: '',
      direction: 'expense',
      categoryId: '',
      note: '',
    };
  }
  return {
    date: operation.date,
    valueDate: operation.valueDate ?? '',
    label: operation.label,
    amount: amountToInput(minor(Math.abs(operation.amountMinor)), operation.currency, language),
    direction: operation.amountMinor < 0 ? 'expense' : 'income',
    categoryId: operation.categoryId ?? '',
    note: operation.note,
  };
}

/** Checks the fields and builds the draft the use cases take, or says what to fix, per field. */
export function operationDraftOf(
  fields: OperationFields,
  target: { readonly accountId: AccountId; readonly currency: CurrencyCode },
  categories: readonly Category[],
  language: Language,
): OperationFormResult {
  const errors: OperationFieldErrors = {};
  const date = dateOrNull(fields.date);
  if (!date) errors.date = fields.date === '' ? 'required' : 'invalid_date';
  const valueDate = fields.valueDate === '' ? null : dateOrNull(fields.valueDate);
  if (fields.valueDate !== '' && !valueDate) errors.valueDate = 'invalid_date';
  const label = fields.label.trim();
  if (label === '') errors.label = 'required';
  else if (label.length > MAX_LABEL_LENGTH) errors.label = 'too_long';
  if (fields.note.length > MAX_NOTE_LENGTH) errors.note = 'too_long';
  const amount = parseTypedAmount(fields.amount, target.currency, language);
  if (!amount.ok) errors.amount = amount.code === 'empty' ? 'required' : amount.code;

  if (!date || !amount.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  const isExpense = amount.value < 0 || fields.direction === 'expense';
  const magnitude = Math.abs(amount.value);
  const category = categories.find((candidate) => candidate.id === fields.categoryId);
  return {
    ok: true,
    draft: {
      accountId: target.accountId,
      date,
      valueDate,
      amountMinor: minor(isExpense && magnitude !== 0 ? -magnitude : magnitude),
      label,
      categoryId: category?.id ?? null,
      note: fields.note,
    },
  };
}
