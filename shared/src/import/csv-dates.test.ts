import { describe, expect, it } from 'vitest';
import {
  csvIsoDate,
  hasAmbiguousDate,
  inferDateOrder,
  looksLikeDate,
  splitCsvDate,
  type CsvDateParts,
} from './csv-dates.ts';
import type { DateOrder } from './statement.ts';

function read(text: string, order: DateOrder = 'dmy'): string | null {
  const parts = splitCsvDate(text);
  return parts === null ? null : csvIsoDate(parts, order);
}

function parts(...texts: string[]): CsvDateParts[] {
  return texts.flatMap((t) => splitCsvDate(t) ?? []);
}

describe('splitCsvDate / csvIsoDate', () => {
  it('reads year-first dates whatever the order says', () => {
    expect(read('2024-03-05', 'mdy')).toBe('2024-03-05');
    expect(read('2025/06/07')).toBe('2025-06-07');
    expect(read('2024.3.5')).toBe('2024-03-05');
    expect(read('20240131')).toBe('2024-01-31');
  });

  it('reads day/month and month/day with any separator and two-digit years', () => {
    expect(read('05/03/2024')).toBe('2024-03-05');
    expect(read('05/03/2024', 'mdy')).toBe('2024-05-03');
    expect(read('24-08-2020')).toBe('2020-08-24');
    expect(read('10.10.2017')).toBe('2017-10-10');
    expect(read('2/20/19', 'mdy')).toBe('2019-02-20');
    expect(read('18/12/19')).toBe('2019-12-18');
    expect(read('01/01/85')).toBe('1985-01-01');
    expect(read('21/03/05', 'ymd')).toBe('2021-03-05');
  });

  it('drops a time part', () => {
    expect(read('2021-09-06 6:11:59')).toBe('2021-09-06');
    expect(read('24-08-2020 13:43:54.496')).toBe('2020-08-24');
    expect(read('2024-01-31T23:59:59Z')).toBe('2024-01-31');
    expect(read('1/5/2024 3:04 PM', 'mdy')).toBe('2024-01-05');
  });

  it('reads month names in English, French, German and Spanish', () => {
    expect(read('05 Jan 2021')).toBe('2021-01-05');
    expect(read('2021-Jan-05')).toBe('2021-01-05');
    expect(read('Sep 5, 2021')).toBe('2021-09-05');
    expect(read('5 févr. 2024')).toBe('2024-02-05');
    expect(read('5. März 2024')).toBe('2024-03-05');
    expect(read('12 dic 2023')).toBe('2023-12-12');
    expect(read('1 juil. 2024')).toBe('2024-07-01');
    expect(read('1 Jui 2024')).toBeNull(); // juin or juillet?
  });

  it('refuses what is no calendar day', () => {
    expect(read('31/02/2024')).toBeNull();
    expect(read('13/13/2024')).toBeNull();
    expect(read('Total')).toBeNull();
    expect(read('1234,56')).toBeNull();
    expect(read('')).toBeNull();
    expect(looksLikeDate('12/25/2024')).toBe(true);
    expect(looksLikeDate('not-a-number')).toBe(false);
  });
});

describe('inferDateOrder', () => {
  it('lets one unambiguous date settle the column', () => {
    expect(inferDateOrder(parts('01/02/2024', '25/02/2024'))).toBe('dmy');
    expect(inferDateOrder(parts('01/02/2024', '02/25/2024'))).toBe('mdy');
    expect(inferDateOrder(parts('95/03/05'))).toBe('ymd');
    expect(inferDateOrder(parts('01/02/2024', '2024-02-25'))).toBeNull();
  });

  it('follows the majority when a stray cell disagrees', () => {
    expect(inferDateOrder(parts('25/01/2024', '26/01/2024', '01/27/2024'))).toBe('dmy');
  });

  it('says when a guessed order would change a date', () => {
    expect(hasAmbiguousDate(parts('03/05/2024'))).toBe(true);
    expect(hasAmbiguousDate(parts('03/03/2024', '2024-05-03'))).toBe(false);
  });
});
