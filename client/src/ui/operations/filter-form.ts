import type {
  Category,
  CurrencyCode,
  Language,
  MinorUnits,
  OperationFilter,
  OperationSort,
} from '@tirelire/shared';
import { dateOrNull, parseTypedAmount } from './form-values.ts';

/** What the filter controls hold, as typed. The text is applied through a short debounce. */
export interface FilterFields {
  readonly text: string;
  readonly from: string;
  readonly to: string;
  readonly min: string;
  readonly max: string;
  /** '' for every category, UNCATEGORISED, or a category id. */
  readonly category: string;
}

export const UNCATEGORISED = '__none__';

export const EMPTY_FILTER_FIELDS: FilterFields = {
  text: '',
  from: '',
  to: '',
  min: '',
  max: '',
  category: '',
};

export const DEFAULT_SORT: OperationSort = { field: 'date', direction: 'desc' };

export type FilterFieldError = 'amount_malformed' | 'from_after_to' | 'min_above_max';
export type FilterErrors = Partial<Record<'to' | 'min' | 'max', FilterFieldError>>;

/** How many criteria other than the text are set (shown on the "Filters" toggle). */
export function countActiveFilters(fields: FilterFields): number {
  return [fields.from, fields.to, fields.min, fields.max, fields.category].filter((v) => v !== '')
    .length;
}

/**
 * The filter the fields describe. A half-typed or contradictory criterion is left out (and
 * reported) rather than emptying the list under the person's fingers.
 */
export function filterOf(
  fields: FilterFields,
  currency: CurrencyCode,
  language: Language,
  categories: readonly Category[],
): { readonly filter: OperationFilter; readonly errors: FilterErrors } {
  const errors: FilterErrors = {};
  const amount = (text: string, field: 'min' | 'max'): MinorUnits | undefined => {
    if (text.trim() === '') return undefined;
    const parsed = parseTypedAmount(text, currency, language);
    if (parsed.ok) return parsed.value;
    errors[field] = 'amount_malformed';
    return undefined;
  };
  let from = dateOrNull(fields.from) ?? undefined;
  let to = dateOrNull(fields.to) ?? undefined;
  if (from && to && from > to) {
    errors.to = 'from_after_to';
    from = undefined;
    to = undefined;
  }
  let minAmountMinor = amount(fields.min, 'min');
  let maxAmountMinor = amount(fields.max, 'max');
  if (
    minAmountMinor !== undefined &&
    maxAmountMinor !== undefined &&
    minAmountMinor > maxAmountMinor
  ) {
    errors.max = 'min_above_max';
    minAmountMinor = undefined;
    maxAmountMinor = undefined;
  }
  const category = categories.find((candidate) => candidate.id === fields.category);
  const filter: OperationFilter = {
    text: fields.text,
    from,
    to,
    minAmountMinor,
    maxAmountMinor,
    categoryIds: category ? [category.id] : undefined,
    isUncategorisedOnly: fields.category === UNCATEGORISED ? true : undefined,
  };
  return { filter, errors };
}
