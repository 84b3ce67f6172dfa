import {
  isIsoDate,
  isoDate,
  parseAmount,
  toDecimalString,
  type AmountParseError,
  type Clock,
  type CurrencyCode,
  type IsoDate,
  type Language,
  type MinorUnits,
  type Result,
} from '@tirelire/shared';

/** What people type as a decimal separator in each language (the "1,234" ambiguity). */
export function decimalSeparatorOf(language: Language): ',' | '.' {
  return language === 'fr' ? ',' : '.';
}

/** Parses what a person typed in an amount field, in the currency and language at hand. */
export function parseTypedAmount(
  text: string,
  currency: CurrencyCode,
  language: Language,
): Result<MinorUnits, AmountParseError> {
  return parseAmount(text, currency, { decimalSeparator: decimalSeparatorOf(language) });
}

/** An amount as it is typed back into a field ("1234,56" in fr): no grouping, no symbol. */
export function amountToInput(
  amountMinor: MinorUnits,
  currency: CurrencyCode,
  language: Language,
): string {
  const text = toDecimalString(amountMinor, currency);
  return language === 'fr' ? text.replace('.', ',') : text;
}

/**
 * Today on the person's calendar. Local, not UTC: just after midnight in Paris it is already
 * "today" there while UTC still says yesterday.
 */
export function todayOf(clock: Clock): IsoDate {
  const now = new Date(clock.now());
  const text = [
    String(now.getFullYear()).padStart(4, '0'),
    String(now.getMonth() + 1).padStart(2, '0'),
    String(now.getDate()).padStart(2, '0'),
  ].join('-');
  return isoDate(text);
}

/** A date field's value, or null when empty or not a real day. */
export function dateOrNull(text: string): IsoDate | null {
  return isIsoDate(text) ? text : null;
}
