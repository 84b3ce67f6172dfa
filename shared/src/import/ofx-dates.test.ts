import { describe, expect, it } from 'vitest';
import { ofxDate } from './ofx-dates.ts';

describe('ofxDate: the calendar day as written', () => {
  it.each([
    ['20230509', '2023-05-09'],
    ['20230509120000', '2023-05-09'],
    ['20230509120000.000', '2023-05-09'],
    // Zones are not applied: the bank's own day stays the day.
    ['20230509233000.000[-5:EST]', '2023-05-09'],
    ['20230509000000[0:GMT]', '2023-05-09'],
    ['20230509003000[+5.30:IST]', '2023-05-09'],
    ['20091217162416.000[-:EST]', '2009-12-17'],
    ['200510291120', '2005-10-29'],
    ['20180804093914:014', '2018-08-04'],
    // The time is not checked (Capital One writes minute 82).
    ['20230310048208.398', '2023-03-10'],
    ['  20240229  ', '2024-02-29'],
    ['2023-05-09', '2023-05-09'],
  ])('%s → %s', (text, date) => {
    expect(ofxDate(text)).toBe(date);
  });

  it.each([
    [undefined],
    [''],
    ['   '],
    ['20120231'],
    ['201120000000'],
    ['2023050'],
    ['20230509x'],
    ['May 9'],
  ])('%s is no date', (text) => {
    expect(ofxDate(text)).toBeNull();
  });
});
