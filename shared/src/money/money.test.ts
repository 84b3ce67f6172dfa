import { describe, expect, it } from 'vitest';
import { BHD, EUR, JPY } from '../testing/fixtures.ts';
import { currency } from './currency.ts';
import {
  addMinor,
  isMinorUnits,
  minor,
  minorUnitsSchema,
  money,
  moneySchema,
  sumMinor,
  toDecimalString,
  ZERO,
  type MinorUnits,
} from './money.ts';

const MAX = Number.MAX_SAFE_INTEGER;

describe('minor', () => {
  it('brands safe integers', () => {
    expect(minor(0)).toBe(0);
    expect(minor(-123456)).toBe(-123456);
    expect(minor(MAX)).toBe(MAX);
    expect(minor(-MAX)).toBe(-MAX);
  });

  it.each([0.5, 12.34, MAX + 1, -MAX - 1, NaN, Infinity, -Infinity])('rejects %d', (value) => {
    expect(() => minor(value)).toThrow(RangeError);
  });

  it('turns a negative zero into zero', () => {
    expect(Object.is(minor(-0), 0)).toBe(true);
    expect(Object.is(ZERO, 0)).toBe(true);
  });

  it('is what isMinorUnits and the schema accept', () => {
    expect(isMinorUnits(42)).toBe(true);
    expect(isMinorUnits(4.2)).toBe(false);
    expect(minorUnitsSchema.safeParse(42).success).toBe(true);
    expect(minorUnitsSchema.safeParse(4.2).success).toBe(false);
    expect(minorUnitsSchema.safeParse('42').success).toBe(false);
    expect(minorUnitsSchema.safeParse(2 ** 53).success).toBe(false);
  });
});

describe('addMinor and sumMinor', () => {
  it('add exactly', () => {
    expect(addMinor(minor(10), minor(-25))).toBe(-15);
    expect(sumMinor([minor(1), minor(2), minor(3)])).toBe(6);
    expect(sumMinor([])).toBe(0);
    // 0.1 + 0.2 in cents: no floating point drift.
    expect(sumMinor([minor(10), minor(20)])).toBe(30);
  });

  it('throw rather than lose precision past 2^53', () => {
    expect(() => addMinor(minor(MAX), minor(1))).toThrow(RangeError);
    expect(() => sumMinor([minor(MAX), minor(1)])).toThrow(RangeError);
  });

  it('throw even when the total would come back into the safe range', () => {
    // MAX + 2 rounds to 2^53 as a float, so a final check alone would return MAX - 1.
    expect(() => sumMinor([minor(MAX), minor(2), minor(-2)])).toThrow(RangeError);
  });
});

describe('money and moneySchema', () => {
  it('pairs an amount with a currency', () => {
    expect(money(1250, EUR)).toEqual({ amountMinor: 1250, currency: 'EUR' });
    expect(() => money(12.5, EUR)).toThrow(RangeError);
    expect(moneySchema.safeParse({ amountMinor: 1250, currency: 'EUR' }).success).toBe(true);
    expect(moneySchema.safeParse({ amountMinor: 12.5, currency: 'EUR' }).success).toBe(false);
    expect(moneySchema.safeParse({ amountMinor: 1250, currency: 'eur' }).success).toBe(false);
  });
});

describe('toDecimalString', () => {
  it.each([
    [0, EUR, '0.00'],
    [5, EUR, '0.05'],
    [-5, EUR, '-0.05'],
    [123456, EUR, '1234.56'],
    [-123456, EUR, '-1234.56'],
    [100, EUR, '1.00'],
    [1234, JPY, '1234'],
    [-7, JPY, '-7'],
    [0, JPY, '0'],
    [1234, BHD, '1.234'],
    [-5, BHD, '-0.005'],
    [12345, currency('CLF'), '1.2345'],
    [MAX, EUR, '90071992547409.91'],
    [-MAX, EUR, '-90071992547409.91'],
    [MAX, JPY, '9007199254740991'],
  ])('renders %d %s as %s', (amount, code, expected) => {
    expect(toDecimalString(minor(amount), code)).toBe(expected);
  });

  it('never renders a negative zero', () => {
    expect(toDecimalString(-0 as MinorUnits, EUR)).toBe('0.00');
  });
});
