import {
  formatMoney,
  type CurrencyCode,
  type IsoDate,
  type Language,
  type MinorUnits,
} from '@tirelire/shared';
import { localeOf } from './i18n/i18n.ts';

export function formatAmount(
  amountMinor: MinorUnits,
  currency: CurrencyCode,
  language: Language,
  options: { readonly signed?: boolean } = {},
): string {
  return formatMoney({ amountMinor, currency }, localeOf(language), options);
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** "17 mars 2024" / "17 Mar 2024". Calendar dates are formatted in UTC so they never shift a day. */
export function formatDate(
  date: IsoDate,
  language: Language,
  style: 'short' | 'medium' = 'medium',
): string {
  const key = `${language}|${style}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(localeOf(language), { dateStyle: style, timeZone: 'UTC' });
    dateFormatters.set(key, formatter);
  }
  return formatter.format(new Date(`${date}T00:00:00Z`));
}

/** "mars 2024" / "Mar 2024" for a "YYYY-MM". */
export function formatMonth(month: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
}
