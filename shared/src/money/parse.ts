import { fail, ok, type Result } from '../util/result.ts';
import { currencyExponent, type CurrencyCode } from './currency.ts';
import { minor, type MinorUnits } from './money.ts';

export type AmountParseError = 'empty' | 'malformed' | 'too_precise' | 'too_large';

export interface AmountParseOptions {
  /**
   * The decimal separator to assume when a lone separator is followed by exactly three digits
   * ("1,234" is 1234 in en, 1.234 in fr). Other cases are unambiguous and ignore it.
   */
  readonly decimalSeparator?: ',' | '.';
}

// Spaces of every width, apostrophes (Swiss "11'373.94") and underscores group thousands.
const GROUPING = /[\s\u00a0\u202f'’_]/g;
const CURRENCY_DECORATION = /[^\d.,+\-()]/g;

/**
 * Parses a human or bank-written amount into exact minor units, without floating point:
 * "-1 234,56", "1.234,56", "11'373.94", "-$7,971.39", "(12.00)", "12,50 €", "+5", "7-".
 */
export function parseAmount(
  text: string,
  currency: CurrencyCode,
  options: AmountParseOptions = {},
): Result<MinorUnits, AmountParseError> {
  let body = text.replace(GROUPING, '').replace(CURRENCY_DECORATION, '');
  if (body === '') return fail('empty', 'No amount given');

  let negative = false;
  if (body.startsWith('(') && body.endsWith(')')) {
    negative = true;
    body = body.slice(1, -1);
  }
  if (body.startsWith('-') || body.endsWith('-')) {
    negative = !negative;
    body = body.startsWith('-') ? body.slice(1) : body.slice(0, -1);
  } else if (body.startsWith('+')) {
    body = body.slice(1);
  }
  if (!/^[\d.,]*\d[\d.,]*$/.test(body) && !/^[.,]\d+$/.test(body)) {
    return fail('malformed', `Not an amount: "${text}"`);
  }

  const split = splitDecimal(body, options.decimalSeparator ?? '.');
  if (!split) return fail('malformed', `Not an amount: "${text}"`);
  const exponent = currencyExponent(currency);
  const fraction = split.fraction.replace(/0+$/, '');
  if (fraction.length > exponent) {
    return fail('too_precise', `"${text}" has more decimals than ${currency} allows`);
  }
  const digits = (split.integer + fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return fail('too_large', `"${text}" is too large`);
  return ok(minor(negative && value !== 0 ? -value : value));
}

function splitDecimal(
  body: string,
  preferred: ',' | '.',
): { integer: string; fraction: string } | null {
  const lastComma = body.lastIndexOf(',');
  const lastDot = body.lastIndexOf('.');
  let separator: ',' | '.' | null = null;
  if (lastComma >= 0 && lastDot >= 0) {
    separator = lastComma > lastDot ? ',' : '.';
  } else if (lastComma >= 0 || lastDot >= 0) {
    const candidate = lastComma >= 0 ? ',' : '.';
    const occurrences = body.split(candidate).length - 1;
    const decimals = body.length - body.lastIndexOf(candidate) - 1;
    if (occurrences > 1)
      separator = null; // "1,234,567": grouping only
    else if (decimals !== 3) separator = candidate;
    else separator = candidate === preferred ? candidate : null;
  }
  if (separator === null) {
    const integer = body.replace(/[.,]/g, '');
    return /^\d+$/.test(integer) ? { integer, fraction: '' } : null;
  }
  const at = body.lastIndexOf(separator);
  const grouping = separator === ',' ? '.' : ',';
  const integerPart = body.slice(0, at);
  const integer = integerPart.split(grouping).join('') || '0';
  const fraction = body.slice(at + 1);
  if (!/^\d+$/.test(integer) || !/^\d*$/.test(fraction)) return null;
  return { integer, fraction };
}
