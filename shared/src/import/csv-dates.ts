import { isIsoDate, type IsoDate } from '../ledger/dates.ts';
import { foldText } from '../util/text.ts';
import type { DateOrder } from './statement.ts';

/**
 * A date cell split into numbers. `ymd` is certain (four-digit year first, a month name, or
 * "20240131"); `triple` ("05/03/21") needs the order the whole column uses.
 */
export type CsvDateParts =
  | { readonly kind: 'ymd'; readonly year: number; readonly month: number; readonly day: number }
  | {
      readonly kind: 'triple';
      readonly first: number;
      readonly second: number;
      readonly third: number;
      readonly thirdDigits: number;
    };

// A time after the date ("2021-09-05 11:32:41", "24-08-2020 13:43:54.496", "…T10:00:00Z",
// "5/1/2024 3:04 PM"): the operation's day is the date as written, so the time is dropped.
const TIME_SUFFIX =
  /(?:[T\s]+|\s*,\s*)\d{1,2}[:h]\d{2}(?:[:.]\d{2}(?:[.,]\d{1,9})?)?\s*(?:[ap]\.?\s?m\.?)?\s*(?:z|utc|gmt|[+-]\d{2}:?\d{2})?$/i;
const YEAR_FIRST = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;
const TRIPLE = /^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{2}|\d{4})$/;
const COMPACT = /^(19\d{2}|2\d{3})(\d{2})(\d{2})$/;

// Month names in the languages of the banks we read (fr, en, de, es), folded. A token names a
// month when it is a prefix (3+ letters) of exactly one month's names: "janv", "Sept", "dic".
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'janvier', 'januar', 'janner', 'enero'],
  ['february', 'fevrier', 'februar', 'febrero'],
  ['march', 'mars', 'marz', 'maerz', 'mrz', 'marzo'],
  ['april', 'avril', 'abril'],
  ['may', 'mai', 'mayo'],
  ['june', 'juin', 'juni', 'junio'],
  ['july', 'juillet', 'juli', 'julio'],
  ['august', 'aout', 'agosto'],
  ['september', 'septembre', 'septiembre', 'setiembre'],
  ['october', 'octobre', 'oktober', 'octubre'],
  ['november', 'novembre', 'noviembre'],
  ['december', 'decembre', 'dezember', 'diciembre'],
];

function monthNumber(token: string): number | null {
  const folded = foldText(token).replace(/\.$/, '');
  if (folded.length < 3 || !/^[a-z]+$/.test(folded)) return null;
  const matches = MONTH_NAMES.flatMap((names, index) =>
    names.some((name) => name.startsWith(folded)) ? [index + 1] : [],
  );
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

/** Two-digit years are this century up to 69, the last one from 70 (Quicken's pivot). */
function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length > 2) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

/** "05 Jan 2021", "Jan 5, 2021", "2021-Jan-05", "5. März 2024". */
function namedMonthDate(value: string): CsvDateParts | null {
  const tokens = value.split(/[\s\-/.,]+/).filter((t) => t !== '');
  if (tokens.length !== 3) return null;
  const [a = '', b = '', c = ''] = tokens;
  const numeric = (t: string): boolean => /^\d{1,4}$/.test(t);
  let year: string;
  let month: number | null;
  let day: string;
  if (numeric(a) && numeric(c) && a.length === 4) [year, month, day] = [a, monthNumber(b), c];
  else if (numeric(a) && numeric(c)) [day, month, year] = [a, monthNumber(b), c];
  else if (numeric(b) && numeric(c)) [month, day, year] = [monthNumber(a), b, c];
  else return null;
  if (month === null || day.length > 2 || year.length === 1 || year.length === 3) return null;
  return { kind: 'ymd', year: fullYear(year), month, day: Number(day) };
}

/** Splits a date cell, or null when it is no date we know how to read. */
export function splitCsvDate(text: string): CsvDateParts | null {
  const trimmed = text.trim();
  // No date is this long; the check also keeps the regexes below from long texts.
  if (trimmed === '' || trimmed.length > 48) return null;
  const value = trimmed.replace(TIME_SUFFIX, '');
  const yearFirst = YEAR_FIRST.exec(value);
  if (yearFirst) {
    const [, y = '', , m = '', d = ''] = yearFirst;
    return { kind: 'ymd', year: Number(y), month: Number(m), day: Number(d) };
  }
  const triple = TRIPLE.exec(value);
  if (triple) {
    const [, a = '', , b = '', c = ''] = triple;
    return {
      kind: 'triple',
      first: Number(a),
      second: Number(b),
      third: fullYear(c),
      thirdDigits: c.length,
    };
  }
  const compact = COMPACT.exec(value);
  if (compact) {
    const [, y = '', m = '', d = ''] = compact;
    return { kind: 'ymd', year: Number(y), month: Number(m), day: Number(d) };
  }
  return /\p{L}/u.test(value) ? namedMonthDate(value) : null;
}

/** The calendar day, or null when the numbers are no day in that order (31/02, 13/13). */
export function csvIsoDate(parts: CsvDateParts, order: DateOrder): IsoDate | null {
  let year: number;
  let month: number;
  let day: number;
  if (parts.kind === 'ymd') [year, month, day] = [parts.year, parts.month, parts.day];
  else if (order === 'ymd' && parts.thirdDigits === 2) {
    // "21/03/05" read year first: only two-digit trailing parts can be a day.
    [year, month, day] = [
      fullYear(String(parts.first).padStart(2, '0')),
      parts.second,
      parts.third % 100,
    ];
  } else if (order === 'mdy') [month, day, year] = [parts.first, parts.second, parts.third];
  else [day, month, year] = [parts.first, parts.second, parts.third];
  const text = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return isIsoDate(text) ? text : null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Whether the cell reads as a calendar day in some order: what content detection asks. */
export function looksLikeDate(text: string): boolean {
  const parts = splitCsvDate(text);
  if (!parts) return false;
  return csvIsoDate(parts, 'dmy') !== null || csvIsoDate(parts, 'mdy') !== null;
}

/**
 * The order a whole column uses: a single "25/12" or "12/25" settles it, since an export never
 * mixes orders (a majority wins if a corrupt cell disagrees). Null when no date tells.
 */
export function inferDateOrder(dates: readonly CsvDateParts[]): DateOrder | null {
  let dayFirst = 0;
  let monthFirst = 0;
  let yearFirst = 0;
  for (const d of dates) {
    if (d.kind !== 'triple') continue;
    if (d.first > 31 && d.thirdDigits === 2) yearFirst += 1;
    else if (d.first > 12) dayFirst += 1;
    else if (d.second > 12) monthFirst += 1;
  }
  const best = Math.max(dayFirst, monthFirst, yearFirst);
  if (best === 0) return null;
  if (dayFirst === best) return 'dmy';
  return monthFirst === best ? 'mdy' : 'ymd';
}

/** True when some date would change with the order (03/05), so a guessed order is worth saying. */
export function hasAmbiguousDate(dates: readonly CsvDateParts[]): boolean {
  return dates.some((d) => d.kind === 'triple' && d.first !== d.second);
}
