import { currencyExponent, type CurrencyCode } from '../money/currency.ts';
import { minor, type MinorUnits } from '../money/money.ts';

// OFX amounts: an optional sign, digits, and one decimal mark, "." or "," (the spec allows
// both). No grouping, no currency symbol: "$120" is refused, not guessed at.
const OFX_AMOUNT = /^([+-]?)(\d*)(?:[.,](\d*))?$/;

export interface OfxAmount {
  readonly amountMinor: MinorUnits;
  /** True when non-zero digits past the currency's exponent were rounded away. */
  readonly isRounded: boolean;
}

/**
 * Reads "-12.50", "-12,50", "+5", "-30.000", "-3.77000", "+00000000001111.0000" into exact
 * minor units without floating point. Extra decimals that are zeros are dropped silently;
 * non-zero ones are rounded half away from zero and reported, since losing a row over a
 * fraction of a cent would be worse. Null for anything else, blank included.
 */
export function parseOfxAmount(text: string | undefined, currency: CurrencyCode): OfxAmount | null {
  const match = OFX_AMOUNT.exec(text?.trim() ?? '');
  if (!match) return null;
  const [, sign = '', integer = '', fraction = ''] = match;
  if (integer === '' && fraction === '') return null;
  const exponent = currencyExponent(currency);
  const kept = fraction.slice(0, exponent).padEnd(exponent, '0');
  const dropped = fraction.slice(exponent);
  const isRounded = /[1-9]/.test(dropped);
  const units = Number(integer + kept) + (isRounded && dropped.charCodeAt(0) >= 0x35 ? 1 : 0);
  if (!Number.isSafeInteger(units)) return null;
  return { amountMinor: minor(sign === '-' ? -units : units), isRounded };
}
