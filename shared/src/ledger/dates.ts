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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Days in a month (1–12) of the proleptic Gregorian calendar. Plain arithmetic: `Date.UTC` reads
 * years 0–99 as 1900–1999, which would make 0000-02-29 invalid.
 */
export function daysInMonth(year: number, month: number): number {
  const days = DAYS_IN_MONTH[month - 1];
  if (days === undefined || !Number.isInteger(year))
    throw new RangeError(`Not a month: ${year}-${month}`);
  return month === 2 && isLeapYear(year) ? 29 : days;
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

function yearMonthParts(value: YearMonth): [number, number] {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new RangeError(`Not a month: ${value}`);
  return [year, month];
}

/** Every month from `from` to `to` inclusive, as "YYYY-MM". */
export function monthsBetween(from: YearMonth, to: YearMonth): YearMonth[] {
  const months: YearMonth[] = [];
  let [year, month] = yearMonthParts(from);
  const [endYear, endMonth] = yearMonthParts(to);
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
