import type { IsoDate } from '../ledger/dates.ts';
import { isCurrencyCode, type CurrencyCode } from '../money/currency.ts';
import { minor, type MinorUnits } from '../money/money.ts';
import { foldText } from '../util/text.ts';
import { fail, ok, type Result } from '../util/result.ts';
import { csvIsoDate, splitCsvDate } from './csv-dates.ts';
import type { ResolvedColumns } from './csv-detect.ts';
import { currencyFromSymbols, parseCsvAmount, type DecimalSeparator } from './csv-numbers.ts';
import { isBlankRow, type CsvRow } from './csv-records.ts';
import type { DateOrder, StatementOperation, StatementWarning } from './statement.ts';

/** How to read the cells, settled for the whole file before the rows are read. */
export interface RowSettings {
  readonly columns: ResolvedColumns;
  readonly dateOrder: DateOrder;
  readonly decimalOf: (column: number) => DecimalSeparator;
  /** The currency of rows that name none. */
  readonly currency: CurrencyCode;
  readonly invertAmounts: boolean;
  /** The header row, so a copy of it further down (exports glued together) is skipped. */
  readonly header: readonly string[] | null;
}

/** One operation and what the row says beside it. */
export interface ReadRow {
  readonly operation: StatementOperation;
  readonly balance: MinorUnits | null;
  readonly account: string | null;
}

// States of operations the bank has not booked (or never will): Revolut, N26, Qonto, French banks.
const NOT_BOOKED = new Set(
  (
    'pending|en attente|a venir|non comptabilise|provisoire|en cours|reverted|declined|failed|' +
    'cancelled|canceled|annule|annulee|refuse|refusee|rejected|vorgemerkt|pendiente|processing'
  ).split('|'),
);

export function isPendingStatus(text: string): boolean {
  if (text.trim() === '') return false;
  return NOT_BOOKED.has(foldText(text).trim().replace(/\s+/g, ' '));
}

/** A label cell: its lines trimmed and joined with spaces; runs of spaces within a line kept. */
function labelPart(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

/**
 * Joins the label columns with " ". Empty parts and placeholders ("-") go, and so does a part
 * another one already holds: Société Générale's "Libellé" is the start of its "Détail".
 */
export function joinLabel(cells: readonly string[]): string {
  const parts = cells.map(labelPart).filter((p) => p !== '' && !/^[-–—.]+$/.test(p));
  return parts
    .filter(
      (part, i) =>
        !parts.some(
          (other, j) => j !== i && other.includes(part) && (other.length > part.length || j < i),
        ),
    )
    .join(' ');
}

function rowCurrency(text: string, fallback: CurrencyCode): CurrencyCode {
  const value = text.trim().toUpperCase();
  if (isCurrencyCode(value)) return value;
  return value === '' ? fallback : (currencyFromSymbols([value]) ?? fallback);
}

function sameCells(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((cell, i) => cell.trim() === (b[i] ?? '').trim());
}

function cellAt(cells: readonly string[], index: number | undefined): string {
  return index === undefined ? '' : (cells[index] ?? '');
}

/**
 * Reads the data rows into operations. Rows that are not operations never stop the import:
 * blank rows and repeated headers are passed over, pending rows give 'pending_skipped', and a
 * row without a readable date or amount (a totals line, a footer) gives 'skipped_line'.
 */
export function readRows(
  rows: readonly CsvRow[],
  settings: RowSettings,
  warnings: StatementWarning[],
): ReadRow[] {
  const read: ReadRow[] = [];
  // Dates repeat from row to row: each distinct text is read once.
  const dates = new Map<string, IsoDate | null>();
  const readDate = (text: string): IsoDate | null => {
    let date = dates.get(text);
    if (date === undefined) {
      const parts = splitCsvDate(text);
      date = parts === null ? null : csvIsoDate(parts, settings.dateOrder);
      dates.set(text, date);
    }
    return date;
  };
  for (const { cells, line } of rows) {
    if (isBlankRow(cells) || (settings.header !== null && sameCells(cells, settings.header))) {
      continue;
    }
    const result = readRow(cells, line, settings, readDate);
    if (result.ok) read.push(result.value);
    else warnings.push({ code: result.code, message: result.message, line });
  }
  return read;
}

function readRow(
  cells: readonly string[],
  line: number,
  settings: RowSettings,
  readDate: (text: string) => IsoDate | null,
): Result<ReadRow, 'pending_skipped' | 'skipped_line'> {
  const { columns } = settings;
  const status = cellAt(cells, columns.status);
  const dateText = cellAt(cells, columns.date).trim();
  const valueText = cellAt(cells, columns.valueDate).trim();
  if (isPendingStatus(status) || (dateText === '' && valueText !== '')) {
    const why = status.trim() || 'no booking date';
    return fail('pending_skipped', `Operation not booked yet (${why}), skipped`);
  }
  const date = readDate(dateText);
  if (date === null) {
    const shown = dateText === '' ? cells.join(' ').trim().slice(0, 60) : dateText;
    return fail('skipped_line', dateText === '' ? `No date: "${shown}"` : `Not a date: "${shown}"`);
  }
  const currency = rowCurrency(cellAt(cells, columns.currency), settings.currency);
  const amount = readAmount(cells, settings, currency);
  if (!amount.ok) return fail('skipped_line', amount.message);
  const balance = parseCell(cells, columns.balance, settings, currency);
  const externalId = cellAt(cells, columns.externalId);
  const account = cellAt(cells, columns.account)
    .trim()
    .replace(/^="(.*)"$/, '$1')
    .replace(/^'/, '');
  return ok({
    operation: {
      date,
      valueDate: valueText === '' ? null : readDate(valueText),
      amountMinor: amount.value,
      currency,
      label: joinLabel(columns.label.map((index) => cellAt(cells, index))),
      externalId: externalId.trim() === '' ? null : externalId,
      line,
    },
    balance: balance.ok ? balance.value : null,
    account: account === '' ? null : account,
  });
}

/** One amount cell: null when empty, a failure naming the cell when unreadable. */
function parseCell(
  cells: readonly string[],
  index: number | undefined,
  settings: RowSettings,
  currency: CurrencyCode,
): Result<MinorUnits | null, 'unreadable'> {
  const text = cellAt(cells, index);
  if (index === undefined || text === '') return ok(null);
  const parsed = parseCsvAmount(text, currency, settings.decimalOf(index));
  if (parsed.ok) return parsed;
  if (parsed.code === 'empty') return ok(null);
  return fail('unreadable', `Unreadable amount "${text.trim()}"`);
}

/**
 * The row's signed amount: the amount column, else credit minus debit. A debit column may
 * hold positive numbers (negated) or already negative ones (kept as they are); a fee is
 * always taken off.
 */
function readAmount(
  cells: readonly string[],
  settings: RowSettings,
  currency: CurrencyCode,
): Result<MinorUnits, 'unreadable'> {
  const { columns } = settings;
  const amount = parseCell(cells, columns.amount, settings, currency);
  if (!amount.ok) return amount;
  const debit = parseCell(cells, columns.debit, settings, currency);
  if (!debit.ok) return debit;
  const credit = parseCell(cells, columns.credit, settings, currency);
  if (!credit.ok) return credit;
  const fee = parseCell(cells, columns.fee, settings, currency);
  if (!fee.ok) return fee;
  let total: number;
  if (amount.value !== null) total = amount.value;
  else if (debit.value === null && credit.value === null) {
    return fail('unreadable', 'No amount on this line');
  } else total = (credit.value ?? 0) - Math.abs(debit.value ?? 0);
  total -= Math.abs(fee.value ?? 0);
  if (settings.invertAmounts) total = -total;
  if (!Number.isSafeInteger(total)) return fail('unreadable', 'Amount too large');
  return ok(minor(total));
}
