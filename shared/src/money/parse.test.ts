import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BHD, EUR, JPY } from '../testing/fixtures.ts';
import { currency, type CurrencyCode } from './currency.ts';
import { formatMoney } from './format.ts';
import { minor, money, toDecimalString } from './money.ts';
import { parseAmount, type AmountParseError, type AmountParseOptions } from './parse.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

function parsed(text: string, code: CurrencyCode = EUR, options: AmountParseOptions = {}) {
  const result = parseAmount(text, code, options);
  if (!result.ok) throw new Error(`"${text}" was refused: ${result.code}`);
  return result.value;
}

function refusal(text: string, code: CurrencyCode = EUR, options: AmountParseOptions = {}) {
  const result = parseAmount(text, code, options);
  return result.ok ? `accepted as ${result.value}` : result.code;
}

describe('parseAmount', () => {
  const accepted: [string, CurrencyCode, AmountParseOptions, number][] = [
    ['-1 234,56', EUR, {}, -123456],
    [`-1${NBSP}234,56`, EUR, {}, -123456],
    [`-1${NNBSP}234,56`, EUR, {}, -123456],
    [`-1${NNBSP}234,56${NNBSP}€`, EUR, {}, -123456],
    ['1.234,56', EUR, {}, 123456],
    ['1.234.567,89', EUR, {}, 123456789],
    ["11'373.94", EUR, {}, 1137394],
    ['11’373.94', EUR, {}, 1137394],
    ['-$7,971.39', EUR, {}, -797139],
    ['$-5', EUR, {}, -500],
    ['(12.00)', EUR, {}, -1200],
    ['( 12,00 € )', EUR, {}, -1200],
    ['12,50 €', EUR, {}, 1250],
    ['EUR 12.5', EUR, {}, 1250],
    ['12.5 EUR', EUR, {}, 1250],
    ['12,50 kr.', EUR, {}, 1250],
    ['CHF-1’234.50', EUR, {}, -123450],
    ['+5', EUR, {}, 500],
    ['7-', EUR, {}, -700],
    ['1.234-', EUR, { decimalSeparator: ',' }, -123400],
    ['1,234', EUR, {}, 123400],
    ['1,234', EUR, { decimalSeparator: '.' }, 123400],
    ['1.234', EUR, { decimalSeparator: ',' }, 123400],
    ['1,234', BHD, { decimalSeparator: ',' }, 1234],
    ['1,234,567', EUR, {}, 123456700],
    ['1,234,567', EUR, { decimalSeparator: ',' }, 123456700],
    ['1.234.567', EUR, {}, 123456700],
    ['1 234 567', EUR, {}, 123456700],
    ['1,23,456.78', EUR, {}, 12345678], // Indian lakh grouping
    ['0,5', EUR, {}, 50],
    ['.5', EUR, {}, 50],
    [',5', EUR, {}, 50],
    ['0.05', EUR, {}, 5],
    ['12', EUR, {}, 1200],
    ['12.', EUR, {}, 1200],
    ['00012', EUR, {}, 1200],
    ['1.230', EUR, {}, 123], // trailing zeros are not precision
    ['1.2300', EUR, {}, 123],
    ['1234,567', BHD, {}, 1234567], // four digits before: cannot be a thousands group
    ['1 234,567', BHD, {}, 1234567], // space groups, so the comma is the decimal
    ['0,123', BHD, {}, 123],
    ['1,234', JPY, {}, 1234],
    ['¥1,234', JPY, {}, 1234],
    ['1.0', JPY, {}, 1],
    ['1.234', BHD, {}, 1234],
    ['1.234', BHD, { decimalSeparator: ',' }, 1234000],
    ['12.345,6', BHD, {}, 12345600],
    ['1_000', EUR, {}, 100000],
    ['−5', EUR, {}, -500], // U+2212 MINUS SIGN, as Intl writes it in sv, fi, nb
    ['‏‎-1,234.50 ‏₪', EUR, {}, -123450], // bidi marks around the sign
    ['90071992547409.91', EUR, {}, 9007199254740991],
    ['9007199254740991', JPY, {}, 9007199254740991],
  ];

  it.each(accepted)('reads %j in %s %j as %d', (text, code, options, expected) => {
    expect(parseAmount(text, code, options)).toEqual({ ok: true, value: expected });
  });

  const refused: [string, CurrencyCode, AmountParseOptions, AmountParseError][] = [
    ['', EUR, {}, 'empty'],
    ['   ', EUR, {}, 'empty'],
    [NNBSP, EUR, {}, 'empty'],
    ['abc', EUR, {}, 'malformed'],
    ['€', EUR, {}, 'malformed'],
    ['Infinity', EUR, {}, 'malformed'],
    ['NaN', EUR, {}, 'malformed'],
    ['1-2', EUR, {}, 'malformed'],
    ['--5', EUR, {}, 'malformed'],
    ['-5-', EUR, {}, 'malformed'],
    ['+-5', EUR, {}, 'malformed'],
    ['5+', EUR, {}, 'malformed'],
    ['(-5)', EUR, {}, 'malformed'],
    ['-(5)', EUR, {}, 'malformed'],
    ['(5', EUR, {}, 'malformed'],
    ['()', EUR, {}, 'malformed'],
    ['-', EUR, {}, 'malformed'],
    ['.', EUR, {}, 'malformed'],
    ['1e5', EUR, {}, 'malformed'],
    ['1a2', EUR, {}, 'malformed'],
    ['12 € 34', EUR, {}, 'malformed'],
    ['1.2.3', EUR, {}, 'malformed'],
    ['1,2,3', EUR, {}, 'malformed'],
    ['12..5', EUR, {}, 'malformed'],
    ['1,,5', EUR, {}, 'malformed'],
    ['1.2,3', EUR, {}, 'malformed'],
    ['1,5,', EUR, {}, 'malformed'],
    ['1 2 3', EUR, {}, 'malformed'],
    ['12 34', EUR, {}, 'malformed'],
    ['1\t000', EUR, {}, 'malformed'],
    ['1\n000', EUR, {}, 'malformed'],
    ['1.234 567', EUR, {}, 'malformed'], // two kinds of grouping
    ['50 %', EUR, {}, 'malformed'],
    ['12/05', EUR, {}, 'malformed'],
    ['１２', EUR, {}, 'malformed'],
    ['1.234', EUR, {}, 'too_precise'],
    ['1,234', EUR, { decimalSeparator: ',' }, 'too_precise'],
    ['0.001', EUR, {}, 'too_precise'],
    ['1,234.567', EUR, {}, 'too_precise'],
    ['-1.234', EUR, {}, 'too_precise'],
    ['0.5', JPY, {}, 'too_precise'],
    ['1,50', JPY, {}, 'too_precise'],
    ['1.2345', BHD, {}, 'too_precise'],
    ['90071992547409.92', EUR, {}, 'too_large'],
    ['99999999999999999', EUR, {}, 'too_large'],
    ['9007199254740992', JPY, {}, 'too_large'],
    ['9'.repeat(400), EUR, {}, 'too_large'],
  ];

  it.each(refused)('refuses %j in %s %j as %s', (text, code, options, expected) => {
    expect(refusal(text, code, options)).toBe(expected);
  });

  it('explains a refusal with a message naming the input', () => {
    const result = parseAmount('12a34', EUR);
    expect(result).toMatchObject({ ok: false, code: 'malformed' });
    expect(!result.ok && result.message).toContain('12a34');
  });

  it.each(['-0', '-0,00', '(0)', '0-', '-0.000'])('reads %j as a positive zero', (text) => {
    const value = parsed(text, BHD);
    expect(Object.is(value, 0)).toBe(true);
  });

  it('never produces a float', () => {
    for (const [text, code, options] of accepted) {
      expect(Number.isSafeInteger(parsed(text, code, options))).toBe(true);
    }
  });

  it('round-trips toDecimalString for every safe integer (exponents 0, 2, 3)', () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger().filter((n) => n >= -Number.MAX_SAFE_INTEGER),
        fc.constantFrom(JPY, EUR, BHD),
        (amount, code) => {
          const text = toDecimalString(minor(amount), code);
          const result = parseAmount(text, code);
          expect(result).toEqual({ ok: true, value: amount === 0 ? 0 : amount });
          expect(result.ok && Object.is(result.value, -0)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('round-trips small amounts too, where the shrinker is most useful', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (amount) => {
        for (const code of [JPY, EUR, BHD]) {
          expect(parseAmount(toDecimalString(minor(amount), code), code)).toEqual({
            ok: true,
            value: amount === 0 ? 0 : amount,
          });
        }
      }),
    );
  });

  // What Intl writes, the parser reads back, given the locale's decimal separator.
  const locales = [
    'fr-FR',
    'en-GB',
    'en-US',
    'de-DE',
    'de-CH',
    'fr-CH',
    'it-IT',
    'es-ES',
    'nl-NL',
    'pt-BR',
    'sv-SE',
    'nb-NO',
    'fi-FI',
    'da-DK',
    'pl-PL',
    'en-IN',
    'ja-JP',
  ];
  it.each(locales)('reads back formatMoney output in %s', (locale) => {
    const decimal = new Intl.NumberFormat(locale)
      .formatToParts(1.5)
      .find((part) => part.type === 'decimal')?.value;
    expect(decimal === ',' || decimal === '.').toBe(true);
    const decimalSeparator = decimal === ',' ? ',' : '.';
    const codes = [EUR, JPY, BHD, currency('CHF'), currency('SEK'), currency('INR')];
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.constantFrom(...codes),
        fc.boolean(),
        (amount, code, signed) => {
          const text = formatMoney(money(amount, code), locale, { signed });
          expect(parseAmount(text, code, { decimalSeparator })).toEqual({
            ok: true,
            value: amount === 0 ? 0 : amount,
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
