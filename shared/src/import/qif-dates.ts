import { isIsoDate, type IsoDate } from '../ledger/dates.ts';

/** A QIF date split into its numbers, before we know which of the first two is the day. */
export type QifDateParts =
  | { readonly kind: 'iso'; readonly year: number; readonly month: number; readonly day: number }
  | {
      readonly kind: 'pair';
      readonly first: number;
      readonly second: number;
      readonly year: number;
    };

// "2008-04-08" (some exporters write ISO).
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// "29/05/08", "05/29/08", "04/08'2008", " 4/ 8/2008", "1/ 1' 5": Quicken pads with spaces and
// writes an apostrophe before years from 2000 on.
const PAIR = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*['/.-]\s*(\d{1,4})$/;

export function splitQifDate(text: string): QifDateParts | null {
  const value = text.trim();
  const iso = ISO.exec(value);
  if (iso) return { kind: 'iso', year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const pair = PAIR.exec(value);
  if (!pair) return null;
  return {
    kind: 'pair',
    first: Number(pair[1]),
    second: Number(pair[2]),
    year: fullYear(pair[3] ?? ''),
  };
}

/** Two-digit years pivot at 70: 00–69 are 20xx, 70–99 are 19xx (Quicken's own rule). */
function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length > 2) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

/**
 * The day/month order the whole file uses: one unambiguous date settles it for every record,
 * since an exporter never mixes orders. Null when no date tells (all first and second ≤ 12).
 */
export function inferDateOrder(dates: readonly QifDateParts[]): 'dmy' | 'mdy' | null {
  if (dates.some((d) => d.kind === 'pair' && d.first > 12)) return 'dmy';
  if (dates.some((d) => d.kind === 'pair' && d.second > 12)) return 'mdy';
  return null;
}

/** Null when the numbers are no calendar day in that order (e.g. 31/02). */
export function qifIsoDate(parts: QifDateParts, order: 'dmy' | 'mdy'): IsoDate | null {
  const year = parts.year;
  let month: number;
  let day: number;
  if (parts.kind === 'iso') {
    month = parts.month;
    day = parts.day;
  } else if (order === 'mdy') {
    month = parts.first;
    day = parts.second;
  } else {
    day = parts.first;
    month = parts.second;
  }
  const text = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return isIsoDate(text) ? text : null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
