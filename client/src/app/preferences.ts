import { signal, type ReadonlySignal } from '@preact/signals';
import type { Language } from '@tirelire/shared';
import type { PreferenceStore, Preferences } from '../ports/preference-store.ts';

/** Reactive preferences, saved on every change. */
export class PreferencesModel {
  private readonly current;

  constructor(
    private readonly store: PreferenceStore,
    browserLanguages: readonly string[],
  ) {
    this.current = signal<Preferences>(store.read() ?? defaultPreferences(browserLanguages));
  }

  get value(): ReadonlySignal<Preferences> {
    return this.current;
  }

  update(change: Partial<Preferences>): void {
    this.current.value = { ...this.current.value, ...change };
    this.store.write(this.current.value);
  }
}

/** French for people whose browser prefers French, English otherwise. */
export function defaultPreferences(browserLanguages: readonly string[]): Preferences {
  const language: Language = browserLanguages[0]?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  return { language, theme: 'system', hasSeenWelcome: false, autoCategorize: true };
}
