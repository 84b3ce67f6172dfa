import {
  minor,
  type Category,
  type CategoryId,
  type CurrencyCode,
  type MinorUnits,
  type Operation,
  type YearMonth,
} from '@tirelire/shared';
import { monthName, monthNumber } from '../../app/activity.ts';

/**
 * Spending per category and month, for the stacked chart of the Activity screen. Pure and exact:
 * sums of integer minor units, one result per currency (amounts in different currencies are
 * never added). Spending is what left an account (negative amounts), shown as positive figures;
 * transfers between the person's own accounts are neither spending nor income, so they are left
 * out. Sub-categories count towards their top-level category, so the stack stays readable.
 */

export const OTHER_KEY = '__other__';
export const UNCATEGORISED_KEY = '__uncategorised__';

export interface SpendingSeries {
  /** The category id, OTHER_KEY or UNCATEGORISED_KEY. */
  readonly key: string;
  readonly kind: 'category' | 'other' | 'uncategorised';
  readonly category: Category | null;
  /** One value per month of the result's `months`, ≥ 0. */
  readonly values: readonly MinorUnits[];
  readonly total: MinorUnits;
}

export interface CurrencySpending {
  readonly currency: CurrencyCode;
  readonly months: readonly YearMonth[];
  /** Biggest categories first, then "other categories", then "uncategorised". */
  readonly series: readonly SpendingSeries[];
  readonly monthTotals: readonly MinorUnits[];
  readonly total: MinorUnits;
}

export interface SpendingOptions {
  /** How many months, ending with `today`'s. */
  readonly months?: number;
  /** Categories shown on their own; the rest are summed as "other categories". */
  readonly maxCategories?: number;
}

/** The `count` months ending with `last`, oldest first. */
export function monthsEndingWith(last: YearMonth, count: number): YearMonth[] {
  const end = monthNumber(last);
  return Array.from({ length: count }, (_, index) => monthName(end - count + 1 + index));
}

/** Each category's top-level ancestor; a missing parent or a cycle stops the climb. */
function topLevelOf(categories: readonly Category[]): Map<CategoryId, Category> {
  const byId = new Map(categories.map((category) => [category.id, category]));
  const top = new Map<CategoryId, Category>();
  for (const category of categories) {
    let current = category;
    const seen = new Set<CategoryId>([current.id]);
    for (;;) {
      const parent = current.parentId === null ? undefined : byId.get(current.parentId);
      if (!parent || seen.has(parent.id)) break;
      seen.add(parent.id);
      current = parent;
    }
    top.set(category.id, current);
  }
  return top;
}

interface Tally {
  readonly byKey: Map<string, number[]>;
}

export function spendingByCategory(
  operations: Iterable<Operation>,
  categories: readonly Category[],
  today: YearMonth,
  options: SpendingOptions = {},
): CurrencySpending[] {
  const monthCount = options.months ?? 12;
  const maxCategories = options.maxCategories ?? 7;
  const months = monthsEndingWith(today, monthCount);
  const first = monthNumber(months[0] ?? today);
  const top = topLevelOf(categories);
  const tallies = new Map<CurrencyCode, Tally>();

  for (const operation of operations) {
    if (operation.amountMinor >= 0) continue;
    if (operation.origin === 'transfer' || operation.transferPeerId !== null) continue;
    const month = monthNumber(operation.date) - first;
    if (month < 0 || month >= monthCount) continue;
    // A category deleted since (or never synced here) counts as uncategorised.
    const category = operation.categoryId === null ? undefined : top.get(operation.categoryId);
    const key = category ? category.id : UNCATEGORISED_KEY;
    let tally = tallies.get(operation.currency);
    if (!tally) {
      tally = { byKey: new Map() };
      tallies.set(operation.currency, tally);
    }
    let values = tally.byKey.get(key);
    if (!values) {
      values = new Array<number>(monthCount).fill(0);
      tally.byKey.set(key, values);
    }
    // Sums of safe integers stay exact below 2^53 (see shared/money).
    values[month] = (values[month] ?? 0) - operation.amountMinor;
  }

  const categoriesById = new Map(categories.map((category) => [category.id as string, category]));
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  const result: CurrencySpending[] = [];
  for (const [currency, tally] of tallies) {
    const ranked = [...tally.byKey]
      .filter(([key]) => key !== UNCATEGORISED_KEY)
      .map(([key, values]) => ({ key, values, total: sum(values) }))
      .sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1));
    // "Other" must stand for at least two categories, or it would just hide one name.
    const shown = ranked.length > maxCategories + 1 ? ranked.slice(0, maxCategories) : ranked;
    const rest = ranked.slice(shown.length);
    const series: SpendingSeries[] = shown.map(({ key, values, total }) => ({
      key,
      kind: 'category',
      category: categoriesById.get(key) ?? null,
      values: values.map((value) => minor(value)),
      total: minor(total),
    }));
    if (rest.length > 0) {
      const values = months.map((_, index) =>
        rest.reduce((total, entry) => total + (entry.values[index] ?? 0), 0),
      );
      series.push({
        key: OTHER_KEY,
        kind: 'other',
        category: null,
        values: values.map((value) => minor(value)),
        total: minor(sum(values)),
      });
    }
    const uncategorised = tally.byKey.get(UNCATEGORISED_KEY);
    if (uncategorised)
      series.push({
        key: UNCATEGORISED_KEY,
        kind: 'uncategorised',
        category: null,
        values: uncategorised.map((value) => minor(value)),
        total: minor(sum(uncategorised)),
      });
    const monthTotals = months.map((_, index) =>
      minor(series.reduce((total, entry) => total + (entry.values[index] ?? 0), 0)),
    );
    result.push({
      currency,
      months,
      series,
      monthTotals,
      total: minor(sum(monthTotals)),
    });
  }
  return result.sort((a, b) => b.total - a.total || (a.currency < b.currency ? -1 : 1));
}
