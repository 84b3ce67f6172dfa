import { looksLikeDate } from './csv-dates.ts';
import type { SingleRole } from './csv-headers.ts';
import { isEmptyAmount, looksLikeAmount } from './csv-numbers.ts';
import { isBlankRow, type CsvRow } from './csv-records.ts';

/** What a column's cells look like, over the first rows of the table. */
interface ColumnProfile {
  readonly index: number;
  readonly filled: number;
  readonly dates: number;
  readonly amounts: number;
  readonly textLength: number;
}

/** Columns by role as their content says: used when there is no header, or to fill its gaps. */
export interface ContentColumns {
  readonly single: Partial<Record<SingleRole, number>>;
  readonly label: number[];
}

// Enough rows to see a column's nature; reading more would only cost time on big files.
const PROFILED_ROWS = 300;
// A column is of a kind when nearly all its filled cells are ("Total" lines, typos).
const MOSTLY = 0.9;

function profile(rows: readonly CsvRow[], width: number): ColumnProfile[] {
  const profiles = Array.from({ length: width }, (_, index) => ({
    index,
    filled: 0,
    dates: 0,
    amounts: 0,
    textLength: 0,
  }));
  for (const row of rows) {
    for (const p of profiles) {
      const cell = (row.cells[p.index] ?? '').trim();
      if (cell === '' || isEmptyAmount(cell)) continue;
      p.filled += 1;
      p.textLength += cell.length;
      if (looksLikeDate(cell)) p.dates += 1;
      else if (looksLikeAmount(cell)) p.amounts += 1;
    }
  }
  return profiles;
}

/** Debit and credit columns: never both filled on one row, each filled on some row. */
function complementary(rows: readonly CsvRow[], a: number, b: number): boolean {
  let onlyA = 0;
  let onlyB = 0;
  for (const row of rows) {
    const hasA = !isEmptyAmount(row.cells[a] ?? '');
    const hasB = !isEmptyAmount(row.cells[b] ?? '');
    if (hasA && hasB) return false;
    if (hasA) onlyA += 1;
    if (hasB) onlyB += 1;
  }
  return onlyA > 0 && onlyB > 0;
}

/**
 * Infers the date, amount and label columns from what the cells hold, among the columns not
 * already taken, and only where the answer is unambiguous: one or two date columns (booking
 * then value date), one amount column or a debit/credit pair, and the longest text column as
 * the label. A role it cannot settle is left out, and the caller asks the person.
 */
export function columnsFromContent(
  allRows: readonly CsvRow[],
  taken: ReadonlySet<number>,
  needed: { readonly date: boolean; readonly amount: boolean; readonly label: boolean },
): ContentColumns {
  const rows = allRows.filter((r) => !isBlankRow(r.cells)).slice(0, PROFILED_ROWS);
  const width = rows.reduce((max, r) => Math.max(max, r.cells.length), 0);
  const free = profile(rows, width).filter((p) => !taken.has(p.index) && p.filled > 0);
  const single: Partial<Record<SingleRole, number>> = {};
  const label: number[] = [];
  const dateColumns = free.filter(
    (p) => p.dates >= p.filled * MOSTLY && p.filled >= rows.length / 2,
  );
  const amountColumns = free.filter((p) => p.amounts >= p.filled * MOSTLY && p.dates === 0);
  if (needed.date && dateColumns.length >= 1 && dateColumns.length <= 2) {
    single.date = dateColumns[0]?.index;
    if (dateColumns[1] !== undefined) single.valueDate = dateColumns[1].index;
  }
  if (needed.amount && amountColumns.length === 1) single.amount = amountColumns[0]?.index;
  const [first, second] = amountColumns;
  if (needed.amount && amountColumns.length === 2 && first && second) {
    if (complementary(rows, first.index, second.index)) {
      single.debit = first.index;
      single.credit = second.index;
    }
  }
  if (needed.label) {
    const texts = free
      .filter((p) => p.dates + p.amounts < p.filled / 2)
      .sort((a, b) => b.textLength - a.textLength);
    const [longest, runnerUp] = texts;
    if (longest && (!runnerUp || longest.textLength > runnerUp.textLength)) {
      label.push(longest.index);
    }
  }
  return { single, label };
}
