import type { MinorUnits } from '../money/money.ts';
import { foldText } from '../util/text.ts';
import { compareChronologically } from './balances.ts';
import type { IsoDate } from './dates.ts';
import type { CategoryId } from './ids.ts';
import type { Operation } from './operation.ts';

export interface OperationFilter {
  /** Words that must all appear in the label, raw label or note (case and accents ignored). */
  readonly text?: string;
  readonly from?: IsoDate;
  readonly to?: IsoDate;
  readonly minAmountMinor?: MinorUnits;
  readonly maxAmountMinor?: MinorUnits;
  /** Operations in one of these categories (any category when empty or absent). */
  readonly categoryIds?: readonly CategoryId[];
  /**
   * Operations without a category. Given together with `categoryIds`, an operation passes when it
   * is uncategorised *or* in one of them (as ticking "Uncategorised" beside some categories).
   */
  readonly isUncategorisedOnly?: boolean;
}

export const SORT_FIELDS = ['date', 'amount', 'label'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export interface OperationSort {
  readonly field: SortField;
  readonly direction: 'asc' | 'desc';
}

/** The text an operation is searched by, folded once so that each keystroke only scans. */
export function searchKey(operation: Operation): string {
  return foldText(`${operation.label}\u0000${operation.rawLabel}\u0000${operation.note}`);
}

/**
 * Builds a predicate for a filter. `keyOf` lets callers pass precomputed search keys (the app
 * caches them for 100k operations); by default they are computed on the fly.
 */
export function operationPredicate(
  filter: OperationFilter,
  keyOf: (operation: Operation) => string = searchKey,
): (operation: Operation) => boolean {
  const words = foldText(filter.text ?? '')
    .split(/\s+/)
    .filter((word) => word !== '');
  const categories = filter.categoryIds?.length ? new Set(filter.categoryIds) : null;
  return (operation) => {
    if (filter.from !== undefined && operation.date < filter.from) return false;
    if (filter.to !== undefined && operation.date > filter.to) return false;
    if (filter.minAmountMinor !== undefined && operation.amountMinor < filter.minAmountMinor)
      return false;
    if (filter.maxAmountMinor !== undefined && operation.amountMinor > filter.maxAmountMinor)
      return false;
    if (filter.isUncategorisedOnly || categories) {
      const isWanted =
        operation.categoryId === null
          ? filter.isUncategorisedOnly === true
          : categories?.has(operation.categoryId) === true;
      if (!isWanted) return false;
    }
    if (words.length > 0) {
      const key = keyOf(operation);
      for (const word of words) if (!key.includes(word)) return false;
    }
    return true;
  };
}

// One collator for all comparisons: String#localeCompare builds one per call, far too slow at 100k.
const labelCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function compareBy(sort: OperationSort): (a: Operation, b: Operation) => number {
  const sign = sort.direction === 'asc' ? 1 : -1;
  switch (sort.field) {
    case 'date':
      return (a, b) => sign * compareChronologically(a, b);
    case 'amount':
      return (a, b) => sign * (a.amountMinor - b.amountMinor) || compareChronologically(b, a);
    case 'label':
      return (a, b) =>
        sign * labelCollator.compare(a.label, b.label) || compareChronologically(b, a);
  }
}
