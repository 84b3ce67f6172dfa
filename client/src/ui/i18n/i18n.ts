import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Language } from '@tirelire/shared';

/**
 * Messages live beside the feature that shows them, as `{ en: {...}, fr: {...} }`. The type
 * forces French to have exactly the English keys, so a missing translation fails typecheck.
 */
export type Messages<Keys extends string> = Readonly<Record<Keys, string>>;
export type MessageSet<Keys extends string> = {
  readonly en: Messages<Keys>;
  readonly fr: Messages<Keys>;
};

export function defineMessages<Keys extends string>(set: MessageSet<Keys>): MessageSet<Keys> {
  return set;
}

export const LanguageContext = createContext<Language>('en');

/** The active language's messages of one feature. */
export function useMessages<Keys extends string>(set: MessageSet<Keys>): Messages<Keys> {
  return set[useContext(LanguageContext)];
}

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

/** Fills `{name}` placeholders: interpolate('Hello {who}', { who: 'Ana' }). */
export function interpolate(
  template: string,
  values: Readonly<Record<string, string | number>>,
): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    key in values ? String(values[key]) : match,
  );
}

/** BCP 47 locale used for Intl formatting in each language. */
export function localeOf(language: Language): string {
  return language === 'fr' ? 'fr-FR' : 'en-GB';
}
