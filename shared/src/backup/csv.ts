import type { Category, Language } from '../categories/category.ts';
import type { Account } from '../ledger/account.ts';
import { compareChronologically } from '../ledger/balances.ts';
import type { Operation } from '../ledger/operation.ts';
import { toDecimalString } from '../money/money.ts';

const COLUMNS = [
  'date',
  'value_date',
  'account',
  'amount',
  'currency',
  'label',
  'raw_label',
  'category',
  'note',
  'origin',
  'external_id',
  'id',
] as const;

/**
 * RFC 4180 quoting; a leading = + - @ (or tab, carriage return) is prefixed with "'" so
 * spreadsheets do not run it as a formula. Plain negative numbers such as "-12.50" stay numbers,
 * but "-1+cmd|…" is a formula and gets the prefix.
 */
export function csvField(value: string): string {
  const isFormulaLike = /^[=+@\t\r-]/.test(value) && !/^-\d+(?:\.\d+)?$/.test(value);
  const safe = isFormulaLike ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Operations as CSV, oldest first, amounts as plain decimals with "." (machine-readable). */
export function operationsToCsv(
  operations: readonly Operation[],
  accounts: readonly Account[],
  categories: readonly Category[],
  language: Language,
): string {
  const accountNames = new Map(accounts.map((account) => [account.id, account.name]));
  const categoryNames = new Map(
    categories.map((category) => [category.id, category.name[language]]),
  );
  const rows = [...operations]
    .sort(compareChronologically)
    .map((operation) =>
      [
        operation.date,
        operation.valueDate ?? '',
        accountNames.get(operation.accountId) ?? operation.accountId,
        toDecimalString(operation.amountMinor, operation.currency),
        operation.currency,
        operation.label,
        operation.rawLabel,
        operation.categoryId === null ? '' : (categoryNames.get(operation.categoryId) ?? ''),
        operation.note,
        operation.origin,
        operation.externalId ?? '',
        operation.id,
      ]
        .map(csvField)
        .join(','),
    );
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
