import { fail, type Result } from '../util/result.ts';
import { looksLikeCamt, parseCamt } from './camt.ts';
import { looksLikeCsv, parseCsv, type CsvParseOptions } from './csv.ts';
import { decodeStatement, type StatementEncoding } from './encoding.ts';
import { looksLikeMt940, parseMt940 } from './mt940.ts';
import { looksLikeOfx, parseOfx } from './ofx.ts';
import { looksLikeQif, parseQif } from './qif.ts';
import type { StatementError, StatementFile, StatementFormat } from './statement.ts';

export interface ReadStatementOptions extends CsvParseOptions {
  /** Skips detection: the person (or the CLI's --format) said what the file is. */
  readonly format?: StatementFormat;
  /** Re-decodes the bytes when the guessed encoding was wrong. */
  readonly encoding?: StatementEncoding;
}

export interface ReadStatement {
  readonly file: StatementFile;
  readonly encoding: StatementEncoding;
}

type Parser = (
  text: string,
  options: ReadStatementOptions,
) => Result<StatementFile, StatementError>;

// Order matters: the structured formats announce themselves unmistakably; CSV accepts almost any
// text, so it is tried last.
const DETECTORS: readonly (readonly [StatementFormat, (text: string) => boolean])[] = [
  ['camt', looksLikeCamt],
  ['ofx', looksLikeOfx],
  ['mt940', looksLikeMt940],
  ['qif', looksLikeQif],
  ['csv', looksLikeCsv],
];

const PARSERS: Readonly<Record<StatementFormat, Parser>> = {
  camt: parseCamt,
  ofx: parseOfx,
  mt940: parseMt940,
  qif: parseQif,
  csv: parseCsv,
};

/** The format a text looks like, or null when it looks like none of them. */
export function detectStatementFormat(text: string): StatementFormat | null {
  for (const [format, looksLike] of DETECTORS) if (looksLike(text)) return format;
  return null;
}

/**
 * Bytes in, statements out: decode, detect (unless told), parse. This is the one entry point the
 * app's import worker and the `npm run statement` command share, so both read a file identically.
 */
export function readStatement(
  bytes: Uint8Array,
  options: ReadStatementOptions = {},
): Result<ReadStatement, StatementError> {
  const decoded = decodeStatement(bytes, null, options.encoding);
  const text = decoded.text;
  if (text.trim() === '') return fail('no_operations', 'The file is empty.');
  const format = options.format ?? detectStatementFormat(text);
  if (format === null) {
    return fail(
      'not_this_format',
      'This file is not a bank statement Tirelire can read (CSV, OFX/QFX, QIF, CAMT or MT940).',
    );
  }
  const parsed = PARSERS[format](text, options);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { file: parsed.value, encoding: decoded.encoding } };
}
