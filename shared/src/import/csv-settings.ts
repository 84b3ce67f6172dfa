import { currency, type CurrencyCode } from '../money/currency.ts';
import { csvIsoDate, hasAmbiguousDate, inferDateOrder, splitCsvDate } from './csv-dates.ts';
import type { ResolvedColumns } from './csv-detect.ts';
import { headerKey } from './csv-headers.ts';
import type { CsvColumnMapping } from './csv-mapping.ts';
import {
  countDecimalEvidence,
  currencyFromSymbols,
  decimalEvidence,
  decimalOfVotes,
  parseCsvAmount,
  type DecimalSeparator,
  type DecimalVotes,
} from './csv-numbers.ts';
import type { PreambleFacts } from './csv-preamble.ts';
import type { CsvStyle } from './csv-preset-kit.ts';
import type { CsvRow } from './csv-records.ts';
import type { RowSettings } from './csv-rows.ts';
import type { SniffedTable } from './csv-sniff.ts';
import type {
  DateOrder,
  StatementBalance,
  StatementParseOptions,
  StatementWarning,
} from './statement.ts';

const EUR = currency('EUR');

export interface FileFacts {
  readonly rows: readonly CsvRow[];
  readonly columns: ResolvedColumns;
  readonly mapping: CsvColumnMapping;
  readonly style: CsvStyle | null;
  readonly sniffed: SniffedTable;
  readonly header: readonly string[] | null;
  readonly options: StatementParseOptions;
  readonly warnings: StatementWarning[];
}

/**
 * Settles, from whole columns, what single cells cannot tell: the decimal separator of each
 * amount column, the date order, and the currency of rows that name none.
 */
export function fileSettings(facts: FileFacts): RowSettings {
  const { columns, mapping } = facts;
  const decimals = decimalSeparators(facts);
  return {
    columns,
    dateOrder: dateOrder(facts, decimals.fileWide === ','),
    decimalOf: decimals.of,
    currency: fallbackCurrency(facts) ?? EUR,
    invertAmounts: mapping.invertAmounts ?? false,
    header: facts.header,
  };
}

/**
 * The currency of rows whose currency column is empty or absent: the account's, else what the
 * file says of its amounts (a header "Amount (EUR)", the bank, symbols "$1,036.47").
 */
function fallbackCurrency({
  options,
  header,
  columns,
  style,
  rows,
}: FileFacts): CurrencyCode | null {
  if (options.defaultCurrency) return options.defaultCurrency;
  for (const index of amountColumns(columns)) {
    const name = header?.[index];
    const hinted = name === undefined ? null : headerKey(name).currency;
    if (hinted !== null) return hinted;
  }
  return style?.currency ?? currencyFromSymbols(cellsOf(rows, amountColumns(columns)));
}

function amountColumns(columns: ResolvedColumns): number[] {
  return [columns.amount, columns.debit, columns.credit, columns.fee, columns.balance].filter(
    (c) => c !== undefined,
  );
}

function cellsOf(rows: readonly CsvRow[], indexes: readonly number[]): string[] {
  const cells: string[] = [];
  for (const row of rows) for (const index of indexes) cells.push(row.cells[index] ?? '');
  return cells;
}

/**
 * Each amount column's separator from its own values ("1,234" is settled by the "1,234.56"
 * below it); a column of whole numbers takes the file's, else the bank's habit, else what the
 * delimiter suggests (";" files are European).
 */
function decimalSeparators({ rows, columns, mapping, style, sniffed }: FileFacts): {
  of: (column: number) => DecimalSeparator;
  fileWide: DecimalSeparator | null;
} {
  const forced = mapping.decimalSeparator;
  if (forced) return { of: () => forced, fileWide: forced };
  const total: DecimalVotes = { comma: 0, dot: 0 };
  const perColumn = new Map<number, DecimalSeparator | null>();
  for (const index of amountColumns(columns)) {
    const votes = countDecimalEvidence(cellsOf(rows, [index]), { comma: 0, dot: 0 });
    perColumn.set(index, decimalOfVotes(votes));
    total.comma += votes.comma;
    total.dot += votes.dot;
  }
  const fileWide = decimalOfVotes(total);
  const habit: DecimalSeparator = style
    ? style.decimalComma
      ? ','
      : '.'
    : sniffed.delimiter === ';'
      ? ','
      : '.';
  const fallback = fileWide ?? habit;
  return { of: (column) => perColumn.get(column) ?? fallback, fileWide };
}

/**
 * The date order: forced by the options or the mapping, else what the dates themselves show,
 * else (every day ≤ 12) day first for European banks and files, month first otherwise, saying
 * so with 'ambiguous_date'.
 */
function dateOrder(facts: FileFacts, decimalComma: boolean): DateOrder {
  const { options, mapping, rows, columns, style, sniffed, warnings } = facts;
  if (options.dateOrder) return options.dateOrder;
  if (mapping.dateOrder) return mapping.dateOrder;
  const dateColumns = [columns.date, columns.valueDate].filter((c) => c !== undefined);
  // Dates repeat (a few hundred days for thousands of rows): each distinct text is enough.
  const parts = [...new Set(cellsOf(rows, dateColumns))].flatMap(
    (cell) => splitCsvDate(cell) ?? [],
  );
  const inferred = inferDateOrder(parts);
  if (inferred) return inferred;
  const dayFirst = style?.dayFirst ?? (sniffed.delimiter === ';' || decimalComma);
  const order: DateOrder = dayFirst ? 'dmy' : 'mdy';
  if (hasAmbiguousDate(parts)) {
    warnings.push({
      code: 'ambiguous_date',
      message: `No date tells day from month: read as ${dayFirst ? 'day/month' : 'month/day'}`,
      line: null,
    });
  }
  return order;
}

/** A balance the lines above the table state ("Solde (EUROS) ;1 234,56" on "Date ;26/08/2020"). */
export function preambleBalance(
  preamble: PreambleFacts,
  settings: RowSettings,
): StatementBalance | null {
  const { balance } = preamble;
  if (balance === null || balance.date === null) return null;
  const parts = splitCsvDate(balance.date);
  const date = parts === null ? null : csvIsoDate(parts, settings.dateOrder);
  const separator = decimalEvidence(balance.amount) ?? ',';
  const amount = parseCsvAmount(balance.amount, settings.currency, separator);
  if (date === null || !amount.ok) return null;
  return { kind: 'closing', date, amountMinor: amount.value };
}
