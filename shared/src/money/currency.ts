import { z } from 'zod';
import type { Brand } from '../util/brand.ts';

export type CurrencyCode = Brand<string, 'CurrencyCode'>;

/**
 * ISO 4217 minor-unit exponents that differ from the common 2. We keep our own table rather than
 * trusting Intl, because CLDR reports *cash* digits for some currencies (e.g. it says 0 for HUF or
 * IDR where ISO 4217 says 2), and stored amounts must follow ISO.
 */
const NON_DEFAULT_EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

// Intl lists the codes its CLDR data can name; ISO 4217 funds codes such as CLF, UYI or UYW are
// missing from it although they have a minor unit above, so they are added explicitly.
const knownCurrencies: ReadonlySet<string> = new Set([
  ...Intl.supportedValuesOf('currency'),
  ...Object.keys(NON_DEFAULT_EXPONENTS),
]);

export function isCurrencyCode(value: string): value is CurrencyCode {
  return /^[A-Z]{3}$/.test(value) && knownCurrencies.has(value);
}

export const currencyCodeSchema = z
  .string()
  .refine(isCurrencyCode, { message: 'must be an ISO 4217 currency code such as EUR' });

/** Parses a code such as "eur" or "EUR"; throws on anything that is not ISO 4217. */
export function currency(code: string): CurrencyCode {
  const upper = code.trim().toUpperCase();
  if (!isCurrencyCode(upper)) throw new RangeError(`Unknown currency code: ${code}`);
  return upper;
}

/** Number of decimal digits of the currency's minor unit (EUR 2, JPY 0, BHD 3). */
export function currencyExponent(code: CurrencyCode): number {
  return NON_DEFAULT_EXPONENTS[code] ?? 2;
}
