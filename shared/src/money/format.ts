import { currencyExponent } from './currency.ts';
import { toDecimalString, type Money } from './money.ts';

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, currency: string, exponent: number, signed: boolean) {
  const key = `${locale}|${currency}|${signed}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats money for people, e.g. "-1 234,56 €" in fr-FR or "-€1,234.56" in en-GB.
 * Intl receives an exact decimal string (ES2023), never `amount / 100`.
 */
export function formatMoney(
  value: Money,
  locale: string,
  options: { readonly signed?: boolean } = {},
): string {
  const exponent = currencyExponent(value.currency);
  const decimal = toDecimalString(value.amountMinor, value.currency) as `${number}`;
  return formatterFor(locale, value.currency, exponent, options.signed ?? false).format(decimal);
}
