import Papa from 'papaparse';
import type { CsvDelimiter } from './csv-mapping.ts';

/** A record of the table as papaparse cut it, with the 1-based line where it starts. */
export interface CsvRow {
  readonly cells: readonly string[];
  readonly line: number;
}

/** A record of the start of the file, cut by our own scanner before the delimiter is known. */
export interface RawRecord {
  readonly text: string;
  /** Offset of its first character in the prepared text. */
  readonly start: number;
  readonly line: number;
}

const SNIFFED_DELIMITERS = new Set([';', ',', '\t', '|']);

/**
 * Drops a BOM and turns every line break into "\n". One break stays one break, so line numbers
 * are those of the decoded text; and papaparse, which reads a single kind of break, then sees
 * files that mix CRLF rows with LF inside quoted labels (Crédit Agricole) consistently.
 */
export function prepareCsvText(text: string): string {
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
}

/**
 * Cuts the first `maxRecords` records, keeping line breaks inside quotes. A quote opens only
 * at the start of a cell (after any candidate delimiter), as papaparse reads them, so a stray
 * quote in a preamble line ("M. O"Neil") does not swallow the table. Linear in what it reads.
 */
export function scanRecords(text: string, maxRecords: number): RawRecord[] {
  const records: RawRecord[] = [];
  let inQuotes = false;
  let cellStart = true;
  let start = 0;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < text.length && records.length < maxRecords; i += 1) {
    const c = text.charAt(i);
    if (inQuotes) {
      if (c === '"') {
        if (text.charAt(i + 1) === '"') i += 1;
        else inQuotes = false;
      } else if (c === '\n') line += 1;
      continue;
    }
    if (c === '\n') {
      records.push({ text: text.slice(start, i), start, line: startLine });
      line += 1;
      start = i + 1;
      startLine = line;
      cellStart = true;
      continue;
    }
    if (c === '"' && cellStart) inQuotes = true;
    cellStart = SNIFFED_DELIMITERS.has(c);
  }
  if (records.length < maxRecords && start < text.length) {
    records.push({ text: text.slice(start), start, line: startLine });
  }
  return records;
}

/** The cells of one record for a candidate delimiter, unquoted the way papaparse does it. */
export function splitRecord(record: string, delimiter: string): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (record.charAt(i) === '"') {
      let value = '';
      let j = i + 1;
      while (j < record.length) {
        const c = record.charAt(j);
        if (c === '"' && record.charAt(j + 1) === '"') {
          value += '"';
          j += 2;
        } else if (c === '"') break;
        else {
          value += c;
          j += 1;
        }
      }
      const next = record.indexOf(delimiter, j + 1);
      const tail = record.slice(j + 1, next < 0 ? record.length : next);
      cells.push(value + tail.trim());
      if (next < 0) return cells;
      i = next + 1;
    } else {
      const next = record.indexOf(delimiter, i);
      cells.push(record.slice(i, next < 0 ? record.length : next));
      if (next < 0) return cells;
      i = next + 1;
    }
  }
}

/**
 * Tokenises the table from `start` with the delimiter we sniffed (never papaparse's own guess,
 * which misreads ";" files whose amounts hold commas). Each row keeps the line it starts on:
 * papaparse reports where each row ends, and we count the breaks in between, quoted ones too.
 */
export function tokeniseTable(
  text: string,
  start: number,
  startLine: number,
  delimiter: CsvDelimiter,
): CsvRow[] {
  const body = text.slice(start);
  const rows: CsvRow[] = [];
  let rowStart = 0;
  let counted = 0;
  let line = startLine;
  Papa.parse<string[]>(body, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step: (result) => {
      for (; counted < rowStart; counted += 1) if (body.charCodeAt(counted) === 10) line += 1;
      rows.push({ cells: result.data, line });
      rowStart = result.meta.cursor;
    },
  });
  return rows;
}

/** Whether every cell of the row is empty or blank. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
