import { currencyExponent, type CurrencyCode } from '../money/currency.ts';
import { minor, type MinorUnits } from '../money/money.ts';
import { parseAmount } from '../money/parse.ts';

export interface CamtAmount {
  /** Unsigned: CAMT amounts are never negative, the credit/debit indicator carries the sign. */
  readonly minor: MinorUnits;
  /** True when non-zero digits beyond the currency's exponent were rounded away. */
  readonly rounded: boolean;
}

// xs:decimal as ISO 20022 writes it: digits with an optional fraction, at most 5 decimals by the
// schema, though we take any number of them. No grouping, no sign other than an explicit "+".
const DECIMAL = /^\+?(\d*)(?:\.(\d*))?$/;

/**
 * Reads an amount ("8.850", "5442.09000", "200000", "1.005") into minor units of `code`.
 * Trailing zeros beyond the exponent are dropped silently; other extra digits are rounded half
 * away from zero on the decimal string itself, never through a float, and reported as rounded.
 * Returns null when the text is not a decimal number or is too large to be exact.
 */
export function readCamtAmount(text: string, code: CurrencyCode): CamtAmount | null {
  const match = DECIMAL.exec(text.trim());
  const integer = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || (integer === '' && fraction === '')) return null;
  const exponent = currencyExponent(code);
  const dropped = fraction.slice(exponent);
  const rounded = /[1-9]/.test(dropped);
  // Digits of the amount in minor units, before rounding: "1.005" in EUR is "0100" (+ ".5").
  let digits = (integer === '' ? '0' : integer) + fraction.slice(0, exponent).padEnd(exponent, '0');
  // The amount is unsigned, so half away from zero is half up on the magnitude.
  if (rounded && dropped.charCodeAt(0) >= 53 /* "5" */) digits = incrementDigits(digits);
  const decimal =
    exponent === 0 ? digits : `${digits.slice(0, -exponent) || '0'}.${digits.slice(-exponent)}`;
  const parsed = parseAmount(decimal, code, { decimalSeparator: '.' });
  return parsed.ok ? { minor: minor(Math.abs(parsed.value)), rounded } : null;
}

/** "0199" + 1 = "0200", "999" + 1 = "1000": decimal increment on a digit string. */
function incrementDigits(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i -= 1) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return `1${out.join('')}`;
}
