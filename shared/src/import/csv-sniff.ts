import { looksLikeDate } from './csv-dates.ts';
import { knownHeaderCount } from './csv-headers.ts';
import { CSV_DELIMITERS, type CsvDelimiter } from './csv-mapping.ts';
import { looksLikeAmount } from './csv-numbers.ts';
import { isBlankRow, scanRecords, splitRecord, type RawRecord } from './csv-records.ts';

/** Where the table sits in the text, and how it is cut. */
export interface SniffedTable {
  readonly delimiter: CsvDelimiter;
  /** Offset and 1-based line of the table's first row (its header, when it has one). */
  readonly start: number;
  readonly line: number;
  readonly hasHeader: boolean;
  /** Whether the header row was recognised by its column names (rather than by its shape). */
  readonly knownHeader: boolean;
  /** The records before the table (bank name, account number, period…), as cells. */
  readonly preamble: readonly (readonly string[])[];
}

export interface SniffOptions {
  readonly delimiter?: CsvDelimiter;
  /** The table has (true) or has not (false) a header row; undefined: find out. */
  readonly hasHeader?: boolean;
  /** Names the header row must hold (a saved mapping's columns). */
  readonly headerMatches?: (cells: readonly string[]) => boolean;
}

// Bank preambles run to a dozen lines; 80 records leave room without reading the whole file.
const SNIFFED_RECORDS = 80;

interface Candidate {
  readonly index: number;
  readonly delimiter: CsvDelimiter;
}

/**
 * Finds the delimiter and the table: the first record whose cells (outside quotes) are column
 * names we know, with a date and an amount among them, confirmed by the next record splitting
 * the same way; otherwise the first record of the column count most records share. Null when
 * the text holds no table of at least two columns.
 */
export function sniffTable(text: string, options: SniffOptions = {}): SniffedTable | null {
  const records = scanRecords(text, SNIFFED_RECORDS).filter((r) => r.text.trim() !== '');
  const delimiters = options.delimiter ? [options.delimiter] : CSV_DELIMITERS;
  let found: Candidate | null = null;
  let knownHeader = false;
  if (options.hasHeader !== false) {
    found = options.headerMatches
      ? findHeader(records, delimiters, options.headerMatches)
      : findKnownHeader(records, delimiters);
    knownHeader = found !== null;
  }
  found ??= options.headerMatches ? null : findDominantShape(records, delimiters);
  if (found === null) return null;
  const first = records[found.index];
  if (first === undefined) return null;
  const { delimiter, index } = found;
  const hasHeader =
    options.hasHeader ?? (knownHeader || looksLikeHeader(records, index, delimiter));
  return {
    delimiter,
    start: first.start,
    line: first.line,
    hasHeader,
    knownHeader,
    preamble: records.slice(0, index).map((r) => splitRecord(r.text, delimiter)),
  };
}

function findHeader(
  records: readonly RawRecord[],
  delimiters: readonly CsvDelimiter[],
  matches: (cells: readonly string[]) => boolean,
): Candidate | null {
  for (const [index, record] of records.entries()) {
    for (const delimiter of delimiters) {
      if (matches(splitRecord(record.text, delimiter))) return { index, delimiter };
    }
  }
  return null;
}

function findKnownHeader(
  records: readonly RawRecord[],
  delimiters: readonly CsvDelimiter[],
): Candidate | null {
  for (const [index, record] of records.entries()) {
    let best: { delimiter: CsvDelimiter; known: number } | null = null;
    for (const delimiter of delimiters) {
      const cells = splitRecord(record.text, delimiter);
      if (cells.length < 2) continue;
      const { known, roles } = knownHeaderCount(cells);
      const hasMoney = roles.has('amount') || roles.has('debit') || roles.has('credit');
      if (known < 2 || !roles.has('date') || !hasMoney) continue;
      if (!confirmed(records, index, delimiter)) continue;
      if (best === null || known > best.known) best = { delimiter, known };
    }
    if (best !== null) return { index, delimiter: best.delimiter };
  }
  return null;
}

/** The next record (if any) splits into several cells with the same delimiter. */
function confirmed(records: readonly RawRecord[], index: number, delimiter: string): boolean {
  const next = records[index + 1];
  return next === undefined || splitRecord(next.text, delimiter).length >= 2;
}

/**
 * The delimiter under which most records share one cell count (2 or more); ties go to the
 * wider table (";" rows with decimal commas split into fewer cells by ","), then to the order
 * of CSV_DELIMITERS. The table starts at the first record of that count, or of one cell more
 * or less when the next record has it (a header without the trailing delimiter its rows have,
 * or the other way round).
 */
function findDominantShape(
  records: readonly RawRecord[],
  delimiters: readonly CsvDelimiter[],
): Candidate | null {
  let best: { delimiter: CsvDelimiter; counts: number[]; count: number; frequency: number } | null =
    null;
  for (const delimiter of delimiters) {
    const counts = records.map((r) => splitRecord(r.text, delimiter).length);
    const frequencies = new Map<number, number>();
    for (const count of counts) {
      if (count >= 2) frequencies.set(count, (frequencies.get(count) ?? 0) + 1);
    }
    for (const [count, frequency] of frequencies) {
      const better =
        best === null ||
        frequency > best.frequency ||
        (frequency === best.frequency && count > best.count);
      if (better) best = { delimiter, counts, count, frequency };
    }
  }
  if (best === null) return null;
  const { delimiter, counts, count } = best;
  const index = counts.findIndex(
    (n, i) => n === count || (Math.abs(n - count) === 1 && counts[i + 1] === count),
  );
  return index < 0 ? null : { index, delimiter };
}

/** A first row with no date and no amount, above rows that have a date, is a header. */
function looksLikeHeader(records: readonly RawRecord[], index: number, delimiter: string): boolean {
  const cells = splitRecord(records[index]?.text ?? '', delimiter);
  if (isBlankRow(cells) || cells.some((c) => looksLikeDate(c) || looksLikeAmount(c))) return false;
  return records
    .slice(index + 1, index + 4)
    .some((r) => splitRecord(r.text, delimiter).some((c) => looksLikeDate(c)));
}
