import { describe, expect, it } from 'vitest';
import { currency, currencyCodeSchema, currencyExponent, isCurrencyCode } from './currency.ts';

describe('currency', () => {
  it('accepts ISO 4217 codes and normalises case and spaces', () => {
    expect(currency('EUR')).toBe('EUR');
    expect(currency('eur')).toBe('EUR');
    expect(currency(' gbp ')).toBe('GBP');
    expect(currency('jPy')).toBe('JPY');
  });

  it.each(['', 'EU', 'EURO', 'E1R', 'ZZZ', 'ABC', 'XYZ', '€', 'ÉUR'])('rejects %j', (code) => {
    expect(() => currency(code)).toThrow(RangeError);
  });

  it('knows the ISO funds codes that have their own exponent', () => {
    expect(currency('CLF')).toBe('CLF');
    expect(currencyExponent(currency('CLF'))).toBe(4);
    expect(currencyExponent(currency('UYW'))).toBe(4);
    expect(currencyExponent(currency('UYI'))).toBe(0);
  });
});

describe('isCurrencyCode', () => {
  it('requires the exact upper-case form', () => {
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('eur')).toBe(false);
    expect(isCurrencyCode(' EUR')).toBe(false);
    expect(isCurrencyCode('QQQ')).toBe(false);
  });
});

describe('currencyExponent', () => {
  it.each([
    ['EUR', 2],
    ['USD', 2],
    ['GBP', 2],
    ['CHF', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['ISK', 0],
    ['XOF', 0],
    ['BHD', 3],
    ['KWD', 3],
    ['TND', 3],
    // CLDR says 0 cash digits for these; ISO 4217 (which we store) says 2.
    ['HUF', 2],
    ['IDR', 2],
  ])('%s has %d decimals', (code, exponent) => {
    expect(currencyExponent(currency(code))).toBe(exponent);
  });
});

describe('currencyCodeSchema', () => {
  it('validates without changing case', () => {
    expect(currencyCodeSchema.safeParse('EUR').success).toBe(true);
    expect(currencyCodeSchema.safeParse('eur').success).toBe(false);
    expect(currencyCodeSchema.safeParse('XXQ').success).toBe(false);
    expect(currencyCodeSchema.safeParse(978).success).toBe(false);
  });
});
