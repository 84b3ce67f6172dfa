import type { Language } from '@tirelire/shared';
import { interpolate, localeOf } from '../i18n/i18n.ts';

const pluralRules = new Map<Language, Intl.PluralRules>();
const numberFormats = new Map<Language, Intl.NumberFormat>();

/**
 * "1 operation", "1 234 opérations": the plural chosen by CLDR (French counts 0 and 1 as one,
 * English only 1), the number grouped the local way.
 */
export function countOf(
  count: number,
  language: Language,
  forms: { readonly one: string; readonly other: string },
): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(localeOf(language));
    pluralRules.set(language, rules);
  }
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(language));
    numberFormats.set(language, format);
  }
  const template = rules.select(count) === 'one' ? forms.one : forms.other;
  return interpolate(template, { count: format.format(count) });
}
