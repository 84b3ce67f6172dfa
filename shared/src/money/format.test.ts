import { describe, expect, it } from 'vitest';
import { BHD, EUR, GBP, JPY, USD } from '../testing/fixtures.ts';
import { currency, type CurrencyCode } from './currency.ts';
import { formatMoney } from './format.ts';
import { money } from './money.ts';

// What Node 20's ICU writes: fr-FR groups with U+202F NARROW NO-BREAK SPACE and puts a U+00A0
// NO-BREAK SPACE before the symbol.
const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('formatMoney', () => {
  const cases: [number, CurrencyCode, string, string][] = [
    [-123456, EUR, 'fr-FR', `-1${NNBSP}234,56${NBSP}€`],
    [123456, EUR, 'fr-FR', `1${NNBSP}234,56${NBSP}€`],
    [-123456, EUR, 'de-DE', `-1.234,56${NBSP}€`],
    [-123456, GBP, 'en-GB', '-£1,234.56'],
    [-123456, USD, 'en-US', '-$1,234.56'],
    [123456, EUR, 'en-US', '€1,234.56'],
    [0, EUR, 'en-US', '€0.00'],
    [5, EUR, 'en-GB', '€0.05'],
    [123456, JPY, 'en-US', '¥123,456'],
    [123456, JPY, 'ja-JP', '￥123,456'],
    [-123456, JPY, 'fr-FR', `-123${NNBSP}456${NBSP}JPY`],
    [1234567, BHD, 'en-US', `BHD${NBSP}1,234.567`],
    [-1234567, BHD, 'fr-FR', `-1${NNBSP}234,567${NBSP}BHD`],
    [5, BHD, 'en-GB', `BHD${NBSP}0.005`],
    // ISO exponent, not CLDR cash digits: forints and rupiahs keep their two decimals.
    [100, currency('HUF'), 'hu-HU', `1,00${NBSP}Ft`],
    [100, currency('IDR'), 'id-ID', `Rp${NBSP}1,00`],
    [12345, currency('CLF'), 'en-US', `CLF${NBSP}1.2345`],
    [-123450, currency('SEK'), 'sv-SE', `\u22121${NBSP}234,50${NBSP}kr`],
    [123456, currency('CHF'), 'de-CH', `CHF${NBSP}1'234.56`],
  ];

  it.each(cases)('formats %d %s in %s as %j', (amount, code, locale, expected) => {
    expect(formatMoney(money(amount, code), locale)).toBe(expected);
  });

  it('formats amounts beyond 2^53 / 100 exactly, digit for digit', () => {
    const max = Number.MAX_SAFE_INTEGER; // 9007199254740991
    expect(formatMoney(money(max, EUR), 'en-US')).toBe('€90,071,992,547,409.91');
    expect(formatMoney(money(-max, EUR), 'fr-FR')).toBe(
      `-90${NNBSP}071${NNBSP}992${NNBSP}547${NNBSP}409,91${NBSP}€`,
    );
    expect(formatMoney(money(max, JPY), 'en-US')).toBe('¥9,007,199,254,740,991');
    expect(formatMoney(money(max, BHD), 'en-US')).toBe(`BHD${NBSP}9,007,199,254,740.991`);
    expect(formatMoney(money(max - 2, EUR), 'en-US')).toBe('€90,071,992,547,409.89');
    // 1e15 + 1 cents: a float division by 100 would still be exact here, but not one cent more.
    expect(formatMoney(money(1_000_000_000_000_001, EUR), 'en-US')).toBe('€10,000,000,000,000.01');
  });

  it('shows the sign of non-zero amounts when asked', () => {
    expect(formatMoney(money(5, EUR), 'fr-FR', { signed: true })).toBe(`+0,05${NBSP}€`);
    expect(formatMoney(money(-5, EUR), 'fr-FR', { signed: true })).toBe(`-0,05${NBSP}€`);
    expect(formatMoney(money(0, EUR), 'fr-FR', { signed: true })).toBe(`0,00${NBSP}€`);
    expect(formatMoney(money(-0, EUR), 'fr-FR', { signed: true })).toBe(`0,00${NBSP}€`);
    expect(formatMoney(money(123456, GBP), 'en-GB', { signed: true })).toBe('+£1,234.56');
  });

  it('does not mix up cached formatters of different options, locales or currencies', () => {
    expect(formatMoney(money(500, EUR), 'en-GB', { signed: true })).toBe('+€5.00');
    expect(formatMoney(money(500, EUR), 'en-GB')).toBe('€5.00');
    expect(formatMoney(money(500, EUR), 'fr-FR')).toBe(`5,00${NBSP}€`);
    expect(formatMoney(money(500, JPY), 'en-GB')).toBe('JP¥500');
    expect(formatMoney(money(500, EUR), 'en-GB', { signed: true })).toBe('+€5.00');
  });

  it('throws on a malformed locale', () => {
    expect(() => formatMoney(money(1, EUR), 'not a locale')).toThrow(RangeError);
  });
});
