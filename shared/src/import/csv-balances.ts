import type { MinorUnits } from '../money/money.ts';
import type { ReadRow } from './csv-rows.ts';
import type { StatementBalance } from './statement.ts';

export interface RunningBalance {
  /** The balance after the newest operation. */
  readonly closing: StatementBalance | null;
  /** Line of the first row whose balance does not follow from its neighbour's and the amounts. */
  readonly mismatchLine: number | null;
}

interface Balanced {
  readonly row: ReadRow;
  readonly balance: MinorUnits;
}

/**
 * Reads a running-balance column. Files list operations oldest first or newest first (Lloyds,
 * Schwab, DCU), so both directions are tried and the one more neighbours agree with is the
 * file's; any disagreement left is reported (once) by the caller. The closing balance is the
 * one after the newest operation: latest date, then last in that direction within the day.
 */
export function runningBalance(rows: readonly ReadRow[]): RunningBalance {
  let oldestFirst = 0;
  let newestFirst = 0;
  let oldestFirstMismatch: number | null = null;
  let newestFirstMismatch: number | null = null;
  let previous: Balanced | null = null;
  const balanced: Balanced[] = [];
  for (const row of rows) {
    const current = row.balance === null ? null : { row, balance: row.balance };
    if (current !== null) balanced.push(current);
    if (previous !== null && current !== null) {
      if (previous.balance + current.row.operation.amountMinor === current.balance)
        oldestFirst += 1;
      else oldestFirstMismatch ??= current.row.operation.line;
      if (current.balance + previous.row.operation.amountMinor === previous.balance)
        newestFirst += 1;
      else newestFirstMismatch ??= previous.row.operation.line;
    }
    previous = current;
  }
  const first = balanced[0];
  const last = balanced[balanced.length - 1];
  if (first === undefined || last === undefined) return { closing: null, mismatchLine: null };
  const reversed =
    newestFirst > oldestFirst ||
    (newestFirst === oldestFirst && last.row.operation.date < first.row.operation.date);
  let newest = first;
  for (const entry of balanced) {
    const date = entry.row.operation.date;
    const newestDate = newest.row.operation.date;
    if (date > newestDate || (date === newestDate && !reversed)) newest = entry;
  }
  return {
    closing: { kind: 'closing', date: newest.row.operation.date, amountMinor: newest.balance },
    mismatchLine: reversed ? newestFirstMismatch : oldestFirstMismatch,
  };
}
