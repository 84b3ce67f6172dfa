import { minor, toDecimalString, type CurrencyCode, type Language } from '@tirelire/shared';
import { localeOf } from '../i18n/i18n.ts';

const compactFormatters = new Map<string, Intl.NumberFormat>();

/**
 * Short amounts for axis ticks ("1,2 k€", "€15K"): exact figures live in the tooltips and tables.
 * Intl receives the exact decimal string, never a float division.
 */
export function formatAxisAmount(
  amountMinor: number,
  currency: CurrencyCode,
  language: Language,
): string {
  const key = `${language}|${currency}`;
  let formatter = compactFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(localeOf(language), {
      style: 'currency',
      currency,
      notation: 'compact',
      minimumFractionDigits: 0,
      // One decimal of the compact figure (1.5M), whatever the currency's minor unit.
      maximumFractionDigits: 1,
    });
    compactFormatters.set(key, formatter);
  }
  const decimal = toDecimalString(minor(amountMinor), currency) as `${number}`;
  return formatter.format(decimal);
}

const monthFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * "janv. 24" / "Jan 24" for axis labels, and "janvier 2024" / "January 2024" for tooltips,
 * tables and summaries. Formatters are cached: charts format every month on each render.
 */
export function formatChartMonth(
  month: string,
  language: Language,
  style: 'axis' | 'long',
): string {
  const key = `${language}|${style}`;
  let formatter = monthFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(localeOf(language), {
      month: style === 'axis' ? 'short' : 'long',
      year: style === 'axis' ? '2-digit' : 'numeric',
      timeZone: 'UTC',
    });
    monthFormatters.set(key, formatter);
  }
  return formatter.format(new Date(`${month}-01T00:00:00Z`));
}
