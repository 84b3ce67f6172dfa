import {
  preferencesSchema,
  type PreferenceStore,
  type Preferences,
} from '../../ports/preference-store.ts';

/**
 * Preferences in localStorage: synchronous, so the first paint has the right language and theme.
 * What is read back is validated; anything unreadable counts as "nothing saved".
 */
export class LocalStoragePreferenceStore implements PreferenceStore {
  constructor(
    private readonly storage: Storage,
    private readonly key = 'tirelire.preferences',
  ) {}

  read(): Preferences | null {
    const raw = this.storage.getItem(this.key);
    if (raw === null) return null;
    try {
      const parsed = preferencesSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  write(preferences: Preferences): void {
    this.storage.setItem(this.key, JSON.stringify(preferences));
  }
}
