import { describe, expect, it } from 'vitest';
import { currency } from '../money/currency.ts';
import {
  currencyFromSymbols,
  decimalEvidence,
  inferDecimalSeparator,
  looksLikeAmount,
  parseCsvAmount,
  type DecimalSeparator,
} from './csv-numbers.ts';

const EUR = currency('EUR');

function amount(text: string, separator: DecimalSeparator = ','): number | string {
  const parsed = parseCsvAmount(text, EUR, separator);
  return parsed.ok ? parsed.value : parsed.code;
}

describe('parseCsvAmount', () => {
  it('reads the shapes banks write', () => {
    expect(amount('-1 234,56')).toBe(-123456);
    expect(amount('-1\u00a0234,56')).toBe(-123456);
    expect(amount('1\u202f234,56 €')).toBe(123456);
    expect(amount('1.234,56')).toBe(123456);
    expect(amount("11'373.94", '.')).toBe(1137394);
    expect(amount('-$7,971.39', '.')).toBe(-797139);
    expect(amount('+5')).toBe(500);
    expect(amount('(12.00)', '.')).toBe(-1200);
    expect(amount('="-12,50"')).toBe(-1250);
    expect(amount('12.50 DR', '.')).toBe(-1250);
    expect(amount('12.50 CR', '.')).toBe(1250);
  });

  it('lets the column decide "1,234"', () => {
    expect(amount('1,230', ',')).toBe(123);
    expect(amount('1,230', '.')).toBe(123000);
    expect(amount('1,234', ',')).toBe('too_precise'); // 1.234 euros
  });

  it('reads a thousands space lost to a wrong decoding', () => {
    expect(amount('1\ufffd620,00')).toBe(162000);
  });

  it('says empty and unreadable apart', () => {
    expect(amount('')).toBe('empty');
    expect(amount(' - ')).toBe('empty');
    expect(amount('not-a-number')).toBe('malformed');
    expect(amount('1,234,5')).toBe('malformed');
  });
});

describe('decimal separator inference', () => {
  it('takes evidence from values that tell and ignores those that do not', () => {
    expect(decimalEvidence('1.234,56')).toBe(',');
    expect(decimalEvidence('1,234.56')).toBe('.');
    expect(decimalEvidence('-12,5')).toBe(',');
    expect(decimalEvidence('1,234,567')).toBe('.');
    expect(decimalEvidence('0,123')).toBe(',');
    expect(decimalEvidence('1,234')).toBeNull();
    expect(decimalEvidence('2000')).toBeNull();
  });

  it('settles a column by its other values', () => {
    expect(inferDecimalSeparator(['1,234', '2,50'])).toBe(',');
    expect(inferDecimalSeparator(['1,234', '1,234.56'])).toBe('.');
    expect(inferDecimalSeparator(['1,234', '2000'])).toBeNull();
  });
});

describe('amount detection helpers', () => {
  it('finds the currency the symbols name, only when they agree', () => {
    expect(currencyFromSymbols(['$20.00', '-$103.00'])).toBe('USD');
    expect(currencyFromSymbols(['12,50 €', '3,00 EUR'])).toBe('EUR');
    expect(currencyFromSymbols(['£5', '$5'])).toBeNull();
    expect(currencyFromSymbols(['12.00'])).toBeNull();
  });

  it('tells amounts from ids, dates and words', () => {
    expect(looksLikeAmount('-12,50')).toBe(true);
    expect(looksLikeAmount('$1,036.47')).toBe(true);
    expect(looksLikeAmount('-250')).toBe(true);
    expect(looksLikeAmount('1234567')).toBe(false); // a cheque number
    expect(looksLikeAmount('CARTE')).toBe(false);
  });
});
