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

// Invisible formatting characters (bidi marks Intl puts around signs, zero-width spaces, BOM).
const FORMAT_CHARACTERS = /\p{Cf}/gu;
// Minus signs other than the ASCII hyphen: Intl writes U+2212 in sv, fi, nb…; people type dashes.
const MINUS_SIGNS = /[\u2012\u2013\u2212\ufe63\uff0d]/g;
// Currency symbols and codes ("€", "$", "EUR", "kr.", "CHF"), allowed only around the number.
const DECORATION = /\p{L}+\.?|\p{Sc}/gu;
const LETTER_OR_SYMBOL = /[\p{L}\p{Sc}]/u;
// Spaces of the widths Intl and people use, apostrophes (Swiss "11'373.94") and underscores
// group thousands.
const GROUPING = /[ \u00a0\u2007\u2009\u202f'’_]/;
const GROUPED_THOUSANDS = /^\d{1,3}(?:[^\d]\d{3})*$/;
const GROUPED_LAKHS = /^\d{1,2}(?:[^\d]\d{2})*[^\d]\d{3}$/; // Indian "1,23,456"

/**
 * Parses a human or bank-written amount into exact minor units, without floating point:
 * "-1 234,56", "1.234,56", "11'373.94", "-$7,971.39", "(12.00)", "12,50 €", "+5", "7-".
 * Anything else between the digits (letters, stray signs, badly placed separators) is refused
 * rather than guessed at.
 */
export function parseAmount(
  text: string,
  currency: CurrencyCode,
  options: AmountParseOptions = {},
): Result<MinorUnits, AmountParseError> {
  const cleaned = text.replace(FORMAT_CHARACTERS, '').replace(MINUS_SIGNS, '-').trim();
  if (cleaned === '') return fail('empty', 'No amount given');
  const malformed = fail('malformed', `Not an amount: "${text}"`);

  const firstDigit = cleaned.search(/\d/);
  if (firstDigit < 0) return malformed;
  let lastDigit = cleaned.length - 1;
  while (!/\d/.test(cleaned.charAt(lastDigit))) lastDigit -= 1;
  const number = cleaned.slice(firstDigit, lastDigit + 1);
  if (LETTER_OR_SYMBOL.test(number)) return malformed;
  const before = cleaned.slice(0, firstDigit).replace(DECORATION, '');
  const after = cleaned.slice(lastDigit + 1).replace(DECORATION, '');

  let body = (before + number + after).trim();
  let negative = false;
  if (body.startsWith('(') && body.endsWith(')')) {
    negative = true;
    body = body.slice(1, -1).trim();
  }
  if (body.startsWith('-') || body.endsWith('-')) {
    if (negative) return malformed; // "(-5)": two ways of saying minus
    negative = true;
    body = (body.startsWith('-') ? body.slice(1) : body.slice(0, -1)).trim();
  } else if (body.startsWith('+')) {
    body = body.slice(1).trim();
  }

  const split = splitDecimal(body, options.decimalSeparator ?? '.');
  if (!split) return malformed;
  const exponent = currencyExponent(currency);
  const fraction = split.fraction.replace(/0+$/, '');
  if (fraction.length > exponent) {
    return fail('too_precise', `"${text}" has more decimals than ${currency} allows`);
  }
  const digits = (split.integer + fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return fail('too_large', `"${text}" is too large`);
  // Never a negative zero: "-0,00" is 0.
  return ok(minor(negative && value !== 0 ? -value : value));
}

/**
 * Splits "1.234,56" into its integer digits "1234" and fraction digits "56", deciding which of
 * "," and "." is the decimal separator and checking that the other one only groups digits by
 * three (or by two then three, as in India). Returns null when the text is not a number.
 */
function splitDecimal(
  body: string,
  preferred: ',' | '.',
): { integer: string; fraction: string } | null {
  if (!/^[\d.,]*$/.test(body.split(GROUPING).join(''))) return null;
  const lastComma = body.lastIndexOf(',');
  const lastDot = body.lastIndexOf('.');
  let separator: ',' | '.' | null = null;
  if (lastComma >= 0 && lastDot >= 0) {
    separator = lastComma > lastDot ? ',' : '.';
  } else if (lastComma >= 0 || lastDot >= 0) {
    const candidate = lastComma >= 0 ? ',' : '.';
    const at = body.lastIndexOf(candidate);
    const occurrences = body.split(candidate).length - 1;
    const decimals = body.length - at - 1;
    const integerPart = body.slice(0, at);
    if (occurrences > 1)
      separator = null; // "1,234,567": grouping only
    else if (decimals !== 3) separator = candidate;
    else if (!/^[1-9]\d{0,2}$/.test(integerPart))
      // "1234,567", "0,123", ",123" or "1 234,567": the separator cannot be grouping thousands.
      separator = candidate;
    else separator = candidate === preferred ? candidate : null;
  }
  const at = separator === null ? body.length : body.lastIndexOf(separator);
  const integerPart = body.slice(0, at);
  const fraction = body.slice(at + 1);
  if (!/^\d*$/.test(fraction)) return null;
  if (integerPart === '') return fraction === '' ? null : { integer: '0', fraction };
  if (/^\d+$/.test(integerPart)) return { integer: integerPart, fraction };
  if (!isGrouped(integerPart)) return null;
  return { integer: integerPart.replace(/\D/g, ''), fraction };
}

/** "1 234 567", "1.234", "1,23,456": digits grouped with one kind of separator. */
function isGrouped(integerPart: string): boolean {
  const separators = new Set(
    integerPart
      .replace(/\d/g, '')
      .replace(/[\u00a0\u2007\u2009\u202f]/g, ' ')
      .replace(/’/g, "'"),
  );
  if (separators.size > 1) return false;
  return GROUPED_THOUSANDS.test(integerPart) || GROUPED_LAKHS.test(integerPart);
}
