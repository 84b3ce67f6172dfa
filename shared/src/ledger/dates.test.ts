import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysInMonth,
  isIsoDate,
  isoDate,
  isoDateFromEpoch,
  isoDateSchema,
  monthsBetween,
  yearMonth,
} from './dates.ts';

describe('isIsoDate and isoDate', () => {
  it.each([
    '2024-01-01',
    '2024-02-29', // leap year
    '2000-02-29', // divisible by 400
    '1996-02-29',
    '2023-12-31',
    '2024-04-30',
    '0000-02-29', // year 0 of the proleptic Gregorian calendar is a leap year
    '0004-02-29',
    '9999-12-31',
  ])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
    expect(isoDate(value)).toBe(value);
  });

  it.each([
    '2023-02-29', // not a leap year
    '1900-02-29', // divisible by 100 only
    '2100-02-29',
    '2024-02-30',
    '2024-04-31',
    '2024-06-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-01-32',
    '2024-1-01',
    '2024-01-1',
    '24-01-01',
    '2024/01/01',
    '2024-01-01T00:00:00Z',
    ' 2024-01-01',
    '2024-01-01 ',
    '+02024-01-01',
    '',
    'yesterday',
  ])('rejects %j', (value) => {
    expect(isIsoDate(value)).toBe(false);
    expect(() => isoDate(value)).toThrow(RangeError);
    expect(isoDateSchema.safeParse(value).success).toBe(false);
  });
});

describe('daysInMonth', () => {
  it.each([
    [2024, 1, 31],
    [2024, 2, 29],
    [2023, 2, 28],
    [2000, 2, 29],
    [1900, 2, 28],
    [2100, 2, 28],
    [0, 2, 29],
    [4, 2, 29],
    [2024, 4, 30],
    [2024, 9, 30],
    [2024, 11, 30],
    [2024, 12, 31],
  ])('%d-%d has %d days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it('refuses months outside 1–12', () => {
    expect(() => daysInMonth(2024, 0)).toThrow(RangeError);
    expect(() => daysInMonth(2024, 13)).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-01-15', 0, '2024-01-15'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2023-01-01', 365, '2024-01-01'],
    ['2024-03-30', 2, '2024-04-01'], // across the European DST change: days are UTC days
    ['2024-10-26', 2, '2024-10-28'],
    ['2024-01-01', -3652, '2014-01-01'], // ten years, two of them leap,
  ])('%s plus %d days is %s', (date, days, expected) => {
    expect(addDays(isoDate(date), days)).toBe(expected);
  });
});

describe('isoDateFromEpoch', () => {
  it('takes the UTC calendar day', () => {
    expect(isoDateFromEpoch(0)).toBe('1970-01-01');
    expect(isoDateFromEpoch(Date.UTC(2024, 1, 29, 23, 59, 59, 999))).toBe('2024-02-29');
    expect(isoDateFromEpoch(Date.UTC(2024, 2, 1))).toBe('2024-03-01');
    expect(isoDateFromEpoch(-1)).toBe('1969-12-31');
  });

  it('throws on an impossible instant', () => {
    expect(() => isoDateFromEpoch(NaN)).toThrow(RangeError);
  });
});

describe('yearMonth and monthsBetween', () => {
  it('cuts a date to its month', () => {
    expect(yearMonth(isoDate('2024-03-17'))).toBe('2024-03');
  });

  it('lists every month inclusive, across years', () => {
    expect(monthsBetween('2023-11', '2024-02')).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ]);
    expect(monthsBetween('2024-05', '2024-05')).toEqual(['2024-05']);
    expect(monthsBetween('2024-05', '2024-04')).toEqual([]);
    expect(monthsBetween('2014-06', '2024-06')).toHaveLength(121);
  });

  it('keeps four-digit years', () => {
    expect(monthsBetween('0999-12', '1000-01')).toEqual(['0999-12', '1000-01']);
  });

  it('refuses what is not a month', () => {
    expect(() => monthsBetween('2024-3', '2024-05')).toThrow(RangeError);
    expect(() => monthsBetween('2024-01', '2024-13')).toThrow(RangeError);
    expect(() => monthsBetween('2024-01-01', '2024-02')).toThrow(RangeError);
  });
});
