import { z } from 'zod';
import type { Brand } from '../util/brand.ts';
import { currencyCodeSchema, currencyExponent, type CurrencyCode } from './currency.ts';

/**
 * An amount in minor units (cents for EUR). Always a safe integer, so sums over a lifetime of
 * operations stay exact: 2^53 cents is about 90 trillion euros.
 */
export type MinorUnits = Brand<number, 'MinorUnits'>;

export interface Money {
  readonly amountMinor: MinorUnits;
  readonly currency: CurrencyCode;
}

export function isMinorUnits(value: number): value is MinorUnits {
  return Number.isSafeInteger(value);
}

export const minorUnitsSchema = z
  .number()
  .refine(isMinorUnits, { message: 'must be a whole number of minor units (cents)' });

export const moneySchema = z.object({
  amountMinor: minorUnitsSchema,
  currency: currencyCodeSchema,
});

/**
 * Checks and brands an integer count of minor units; throws on floats or unsafe integers.
 * A negative zero becomes 0, so no amount ever prints or compares as "-0".
 */
export function minor(value: number): MinorUnits {
  if (!isMinorUnits(value)) throw new RangeError(`Not a safe integer amount: ${value}`);
  return (value === 0 ? 0 : value) as MinorUnits;
}

export const ZERO = minor(0);

/** Exact addition; throws rather than silently losing precision past 2^53. */
export function addMinor(a: MinorUnits, b: MinorUnits): MinorUnits {
  return minor(a + b);
}

/** Exact sum; checked at every step, since a total past 2^53 can round and come back. */
export function sumMinor(values: Iterable<MinorUnits>): MinorUnits {
  let total = ZERO;
  for (const value of values) total = addMinor(total, value);
  return total;
}

export function money(amountMinor: number, currency: CurrencyCode): Money {
  return { amountMinor: minor(amountMinor), currency };
}

/**
 * Renders an amount as a plain decimal string ("-1234.56"), built from the integer's digits so
 * no binary floating point is involved.
 */
export function toDecimalString(amountMinor: MinorUnits, currency: CurrencyCode): string {
  const exponent = currencyExponent(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const digits = String(Math.abs(amountMinor)).padStart(exponent + 1, '0');
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
