import type { PreferenceStore, Preferences } from '../../ports/preference-store.ts';

export class MemoryPreferenceStore implements PreferenceStore {
  private saved: Preferences | null = null;

  read(): Preferences | null {
    return this.saved === null ? null : { ...this.saved };
  }

  write(preferences: Preferences): void {
    this.saved = { ...preferences };
  }
}
