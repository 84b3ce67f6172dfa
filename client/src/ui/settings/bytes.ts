import type { Language } from '@tirelire/shared';
import { localeOf } from '../i18n/i18n.ts';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/**
 * "12.3 MB" / "12,3 Mo". Decimal units (1 kB = 1000 bytes), as browsers and phones report storage,
 * so the figure matches what the person sees in their system settings.
 */
export function formatBytes(bytes: number, language: Language): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(localeOf(language), {
    style: 'unit',
    unit: UNITS[unit],
    // "950 bytes" reads better than the short "950 byte"; larger units read best short.
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/**
 * Share of the quota in use as a whole percentage, or null when the browser does not say. A small
 * but non-zero use reads "<1" rather than a misleading "0".
 */
export function usageShare(usage: number | null, quota: number | null): string | null {
  if (usage === null || quota === null || quota <= 0) return null;
  const percent = Math.min(100, Math.round((usage / quota) * 100));
  return percent === 0 && usage > 0 ? '<1' : String(percent);
}
