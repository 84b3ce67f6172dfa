import { currency, isCurrencyCode, type CurrencyCode } from '../money/currency.ts';
import { minor, type MinorUnits } from '../money/money.ts';
import { parseAmount, type AmountParseError } from '../money/parse.ts';
import { fail, ok, type Result } from '../util/result.ts';

export type DecimalSeparator = ',' | '.';

// Any two-decimal currency does to test whether a cell is a number at all.
const PROBE_CURRENCY = currency('EUR');

// "12.50 DR" / "12.50 CR": some exporters mark the side after the number instead of a sign.
const SIDE_MARK = /\s*\b(DR|CR)\.?$/i;
// Cells that mean "nothing here" in amount columns.
const EMPTY_AMOUNT = /^[-–—]?$/;

/**
 * Undoes the wrappings bank cells come in before the number itself is read: Excel-protected
 * text (="-12,50"), and a U+FFFD between digits where a non-breaking grouping space was lost to a
 * wrong decoding ("1�620,00" in a Crédit Agricole export).
 */
export function cleanAmountText(text: string): string {
  let value = text.trim();
  const formula = /^="(.*)"$/s.exec(value);
  if (formula) value = (formula[1] ?? '').trim();
  return value.replace(/(?<=\d)\uFFFD(?=\d{3}(?!\d))/g, ' ');
}

export function isEmptyAmount(text: string): boolean {
  return EMPTY_AMOUNT.test(cleanAmountText(text));
}

/** Reads one amount cell into exact minor units; "" and "-" are 'empty'. */
export function parseCsvAmount(
  text: string,
  currency: CurrencyCode,
  decimalSeparator: DecimalSeparator,
): Result<MinorUnits, AmountParseError> {
  let value = cleanAmountText(text);
  if (EMPTY_AMOUNT.test(value)) return fail('empty', 'No amount given');
  const mark = SIDE_MARK.exec(value)?.[1]?.toUpperCase();
  if (mark !== undefined) value = value.replace(SIDE_MARK, '');
  const parsed = parseAmount(value, currency, { decimalSeparator });
  if (!parsed.ok || mark !== 'DR') return parsed;
  return ok(minor(-Math.abs(parsed.value)));
}

/**
 * What one amount says about the decimal separator: "1.234,56", "12,5" and "1,234,567" tell;
 * "1,234" (one mark, three digits) and "1234" do not. One pass over the characters: this runs
 * on every amount of the file.
 */
export function decimalEvidence(text: string): DecimalSeparator | null {
  let firstDigit = -1;
  let lastDigit = -1;
  let commas = 0;
  let dots = 0;
  let lastComma = -1;
  let lastDot = -1;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (firstDigit < 0) firstDigit = i;
      lastDigit = i;
    } else if (code === 44 && firstDigit >= 0) {
      commas += 1;
      lastComma = i;
    } else if (code === 46 && firstDigit >= 0) {
      dots += 1;
      lastDot = i;
    }
  }
  // Marks after the last digit ("12." or "5,-") say nothing.
  if (lastComma > lastDigit) [commas, lastComma] = [commas - 1, -1];
  if (lastDot > lastDigit) [dots, lastDot] = [dots - 1, -1];
  if (commas > 0 && dots > 0) return lastComma > lastDot ? ',' : '.';
  if (commas === 0 && dots === 0) return null;
  const mark: DecimalSeparator = commas > 0 ? ',' : '.';
  if (commas + dots > 1) return mark === ',' ? '.' : ','; // "1,234,567": grouping only
  const at = Math.max(lastComma, lastDot);
  if (lastDigit - at !== 3) return mark;
  // "1 234,567", "0,123", "1234,567": the mark cannot be grouping thousands.
  return /^[1-9]\d{0,2}$/.test(text.slice(firstDigit, at)) ? null : mark;
}

/** How many values of a column tell each separator. */
export interface DecimalVotes {
  comma: number;
  dot: number;
}

export function countDecimalEvidence(values: Iterable<string>, votes: DecimalVotes): DecimalVotes {
  for (const value of values) {
    const evidence = decimalEvidence(value);
    if (evidence === ',') votes.comma += 1;
    else if (evidence === '.') votes.dot += 1;
  }
  return votes;
}

/** The separator most votes tell, or null when none does. */
export function decimalOfVotes(votes: DecimalVotes): DecimalSeparator | null {
  if (votes.comma === 0 && votes.dot === 0) return null;
  return votes.comma >= votes.dot ? ',' : '.';
}

/** The separator most values of a column tell, or null when none does. */
export function inferDecimalSeparator(values: Iterable<string>): DecimalSeparator | null {
  return decimalOfVotes(countDecimalEvidence(values, { comma: 0, dot: 0 }));
}

const SYMBOL_CURRENCIES: readonly (readonly [string, string])[] = [
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['$', 'USD'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['zł', 'PLN'],
];
const CODE = /(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])/g;

/** The one currency the amounts' symbols or codes name ("12,50 €", "-$7.00", "CHF 5"), if any. */
export function currencyFromSymbols(values: Iterable<string>): CurrencyCode | null {
  const found = new Set<string>();
  let seen = 0;
  for (const value of values) {
    if (seen++ >= 500) break;
    for (const [symbol, code] of SYMBOL_CURRENCIES) if (value.includes(symbol)) found.add(code);
    for (const code of value.match(CODE) ?? []) if (isCurrencyCode(code)) found.add(code);
  }
  const [only] = found;
  return found.size === 1 && only !== undefined && isCurrencyCode(only) ? only : null;
}

/** Whether a cell reads as an amount, and carries what amounts have and ids do not. */
export function looksLikeAmount(text: string): boolean {
  const value = cleanAmountText(text);
  if (EMPTY_AMOUNT.test(value) || value.length > 30) return false;
  if (!/^(?:[A-Z]{3}\s*)?[-+(]?\s*\p{Sc}?\s*[-+]?\d/u.test(value)) return false;
  const euro = parseAmount(value, PROBE_CURRENCY, { decimalSeparator: ',' });
  const dollar = parseAmount(value, PROBE_CURRENCY, { decimalSeparator: '.' });
  if (!euro.ok && !dollar.ok) return false;
  return /[.,]\d{1,2}(?!\d)|^[-+(]|\p{Sc}|-$/u.test(value);
}
