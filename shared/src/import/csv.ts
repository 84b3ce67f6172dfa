import type { CurrencyCode } from '../money/currency.ts';
import { fail, ok, type Result } from '../util/result.ts';
import { runningBalance } from './csv-balances.ts';
import { looksLikeDate } from './csv-dates.ts';
import {
  detectMapping,
  headerFitsMapping,
  resolveMapping,
  type ResolvedColumns,
} from './csv-detect.ts';
import { allRefs, type CsvColumnMapping, type CsvLayout } from './csv-mapping.ts';
import { readPreamble } from './csv-preamble.ts';
import type { CsvStyle } from './csv-preset-kit.ts';
import { matchPreset, recogniseHeaderless } from './csv-preset-match.ts';
import {
  isBlankRow,
  prepareCsvText,
  scanRecords,
  splitRecord,
  tokeniseTable,
  type CsvRow,
} from './csv-records.ts';
import { readRows, type ReadRow } from './csv-rows.ts';
import { fileSettings, preambleBalance } from './csv-settings.ts';
import { sniffTable, type SniffedTable } from './csv-sniff.ts';
import type {
  ParsedStatement,
  StatementError,
  StatementFile,
  StatementParseOptions,
  StatementWarning,
} from './statement.ts';

export {
  csvColumnMappingSchema,
  type CsvColumnMapping,
  type CsvColumnRef,
  type CsvDelimiter,
  type CsvLayout,
} from './csv-mapping.ts';

export interface CsvParseOptions extends StatementParseOptions {
  /** The person's mapping (remembered per account by the app): replaces column detection. */
  readonly mapping?: CsvColumnMapping;
}

/** The table as cut from the text: its header row (trimmed cells) and its data rows. */
interface Table {
  readonly sniffed: SniffedTable;
  readonly header: readonly string[] | null;
  readonly rows: readonly CsvRow[];
}

interface Analysis extends Table {
  readonly mapping: CsvColumnMapping;
  readonly columns: ResolvedColumns;
  readonly style: CsvStyle | null;
}

// Enough of the start of a file to tell a table, without reading a large file twice.
const DETECTION_WINDOW = 65_536;

/** Format detection: a table of two or more columns, whose header we know or whose rows have dates. */
export function looksLikeCsv(text: string): boolean {
  const head = prepareCsvText(text.slice(0, DETECTION_WINDOW));
  if (/^\s*</.test(head)) return false; // XML (CAMT, OFX 2)
  const sniffed = sniffTable(head);
  if (sniffed === null) return false;
  if (sniffed.knownHeader) return true;
  return scanRecords(head.slice(sniffed.start), 20).some((record) =>
    splitRecord(record.text, sniffed.delimiter).some((cell) => looksLikeDate(cell)),
  );
}

/**
 * Reads a bank's CSV export: finds the delimiter and the table below any account lines, the
 * columns (bank preset, header names, else content), then reads every row. Rows it cannot read
 * are warnings, never failures; the file fails only when it holds no table ('not_this_format'),
 * when its columns cannot be told ('needs_mapping': the person maps them) or when no row is an
 * operation ('no_operations').
 */
export function parseCsv(
  text: string,
  options: CsvParseOptions = {},
): Result<StatementFile, StatementError> {
  const analysed = analyse(text, options);
  if (!analysed.ok) return analysed;
  const { rows, columns, mapping, style, sniffed, header } = analysed.value;
  const warnings: StatementWarning[] = [];
  const settings = fileSettings({
    rows,
    columns,
    mapping,
    style,
    sniffed,
    header,
    options,
    warnings,
  });
  const read = readRows(rows, settings, warnings);
  if (read.length === 0) {
    const pending = warnings.filter((w) => w.code === 'pending_skipped').length;
    const why = pending > 0 ? `: its ${pending} operations are not booked yet` : '';
    return fail('no_operations', `No operation could be read from this CSV file${why}.`);
  }
  const preamble = readPreamble(sniffed.preamble);
  const statements = groupByAccount(read, columns).map(([account, group]) => {
    const running = runningBalance(group);
    if (running.mismatchLine !== null && !warnings.some((w) => w.code === 'balance_mismatch')) {
      warnings.push({
        code: 'balance_mismatch',
        message: 'The running balance does not follow from the amounts (rows missing or reordered)',
        line: running.mismatchLine,
      });
    }
    return statementOf(account ?? preamble.accountId, group, running.closing);
  });
  const [only] = statements;
  const stated = preambleBalance(preamble, settings);
  if (statements.length === 1 && only && columns.balance === undefined && stated !== null) {
    statements[0] = { ...only, balances: [stated] };
  }
  return ok({ format: 'csv', bank: style?.name ?? null, statements, warnings });
}

/** What the UI's mapping step shows: the table as found, and the columns detection chose. */
export function inspectCsv(text: string): Result<CsvLayout, StatementError> {
  const table = readTable(text);
  if (!table.ok) return table;
  const { sniffed, header, rows } = table.value;
  const detected = detectMapping(header, rows);
  const style = detected.ok ? detected.value.style : header && matchPreset(header);
  return ok({
    delimiter: sniffed.delimiter,
    headerLine: sniffed.line,
    headers: header === null ? [] : [...header],
    sampleRows: rows
      .filter((r) => !isBlankRow(r.cells))
      .slice(0, 5)
      .map((r) => [...r.cells]),
    mapping: detected.ok ? detected.value.mapping : null,
    preset: style?.name ?? null,
  });
}

function readTable(text: string, mapping?: CsvColumnMapping): Result<Table, StatementError> {
  const prepared = prepareCsvText(text);
  const named = mapping !== undefined && allRefs(mapping).some((ref) => typeof ref === 'string');
  const sniffed = sniffTable(prepared, {
    delimiter: mapping?.delimiter,
    hasHeader: mapping?.hasHeader,
    headerMatches:
      mapping?.hasHeader && named ? (cells) => headerFitsMapping(mapping, cells) : undefined,
  });
  if (sniffed === null) {
    return mapping
      ? fail('needs_mapping', 'The saved columns are not in this file: please map them again.')
      : fail('not_this_format', 'No table of columns found: this is not a CSV statement.');
  }
  const all = tokeniseTable(prepared, sniffed.start, sniffed.line, sniffed.delimiter);
  const header = sniffed.hasHeader ? (all[0]?.cells.map((c) => c.trim()) ?? null) : null;
  return ok({ sniffed, header, rows: sniffed.hasHeader ? all.slice(1) : all });
}

function analyse(text: string, options: CsvParseOptions): Result<Analysis, StatementError> {
  const table = readTable(text, options.mapping);
  if (!table.ok) return table;
  const { header, rows } = table.value;
  let mapping: CsvColumnMapping;
  let style: CsvStyle | null;
  if (options.mapping) {
    // The person's mapping decides the columns; a preset still names the bank and its habits.
    mapping = options.mapping;
    style = header === null ? recogniseHeaderless(rows) : matchPreset(header);
  } else {
    const detected = detectMapping(header, rows);
    if (!detected.ok) return detected;
    ({ mapping, style } = detected.value);
  }
  const columns = resolveMapping(mapping, header);
  if (!columns.ok) return columns;
  return ok({ ...table.value, mapping, style, columns: columns.value });
}

/** One statement per account the rows name (BoursoBank exports all accounts in one file). */
function groupByAccount(
  read: readonly ReadRow[],
  columns: ResolvedColumns,
): [string | null, ReadRow[]][] {
  const groups = new Map<string | null, ReadRow[]>();
  for (const row of read) {
    const key = columns.account === undefined ? null : row.account;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups];
}

function statementOf(
  accountId: string | null,
  rows: readonly ReadRow[],
  closing: ParsedStatement['balances'][number] | null,
): ParsedStatement {
  const currencies = new Set<CurrencyCode>(rows.map((r) => r.operation.currency));
  const [single] = currencies;
  return {
    account: { id: accountId, currency: currencies.size === 1 && single ? single : null },
    operations: rows.map((r) => r.operation),
    balances: closing === null ? [] : [closing],
  };
}
