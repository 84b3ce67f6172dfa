import { z } from 'zod';
import type { Brand } from '../util/brand.ts';

/**
 * A calendar day "YYYY-MM-DD". Bank operations happen on a day, not at an instant, so they carry
 * no time zone: 2024-03-31 stays 2024-03-31 wherever the device is.
 */
export type IsoDate = Brand<string, 'IsoDate'>;

export function isIsoDate(value: string): value is IsoDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'must be a calendar date YYYY-MM-DD' });

export function isoDate(value: string): IsoDate {
  if (!isIsoDate(value)) throw new RangeError(`Not a calendar date: ${value}`);
  return value;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The UTC calendar day of an epoch-millisecond instant. */
export function isoDateFromEpoch(epochMs: number): IsoDate {
  return isoDate(new Date(epochMs).toISOString().slice(0, 10));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const epoch = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return isoDateFromEpoch(epoch);
}

/** "2024-03" for "2024-03-17". */
export type YearMonth = string;
export function yearMonth(date: IsoDate): YearMonth {
  return date.slice(0, 7);
}

/** Every month from `from` to `to` inclusive, as "YYYY-MM". */
export function monthsBetween(from: YearMonth, to: YearMonth): YearMonth[] {
  const months: YearMonth[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = to.split('-').map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return months;
}
