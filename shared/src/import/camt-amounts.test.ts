import { describe, expect, it } from 'vitest';
import { currency } from '../money/currency.ts';
import { readCamtAmount } from './camt-amounts.ts';

const EUR = currency('EUR');
const JPY = currency('JPY');
const BHD = currency('BHD');

describe('readCamtAmount', () => {
  it('reads exact decimals, with or without trailing zeros beyond the exponent', () => {
    expect(readCamtAmount('200000', EUR)).toEqual({ minor: 20_000_000, rounded: false });
    expect(readCamtAmount('8.850', EUR)).toEqual({ minor: 885, rounded: false });
    expect(readCamtAmount('5442.09000', EUR)).toEqual({ minor: 544_209, rounded: false });
    expect(readCamtAmount('3.1', EUR)).toEqual({ minor: 310, rounded: false });
    expect(readCamtAmount('.5', EUR)).toEqual({ minor: 50, rounded: false });
    expect(readCamtAmount('2700', JPY)).toEqual({ minor: 2700, rounded: false });
    expect(readCamtAmount('1.234', BHD)).toEqual({ minor: 1234, rounded: false });
  });

  it('rounds other extra digits half away from zero, on the string', () => {
    expect(readCamtAmount('1.005', EUR)).toEqual({ minor: 101, rounded: true });
    expect(readCamtAmount('1.00499', EUR)).toEqual({ minor: 100, rounded: true });
    expect(readCamtAmount('9.99999', EUR)).toEqual({ minor: 1000, rounded: true });
    expect(readCamtAmount('0.00500', EUR)).toEqual({ minor: 1, rounded: true });
    expect(readCamtAmount('2700.5', JPY)).toEqual({ minor: 2701, rounded: true });
  });

  it('refuses anything but an unsigned decimal, and unsafe sizes', () => {
    for (const text of ['', '.', '-1.00', '1,00', '1 000.00', '1e3', 'EUR 1', '9'.repeat(30)]) {
      expect(readCamtAmount(text, EUR)).toBeNull();
    }
  });
});
