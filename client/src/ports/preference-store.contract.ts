import { describe, expect, it } from 'vitest';
import type { PreferenceStore } from './preference-store.ts';

export function describePreferenceStoreContract(name: string, open: () => PreferenceStore): void {
  describe(`PreferenceStore contract: ${name}`, () => {
    it('reads null before anything is written', () => {
      expect(open().read()).toBeNull();
    });

    it('reads back what was written, and the last write wins', () => {
      const store = open();
      store.write({ language: 'fr', theme: 'dark', hasSeenWelcome: false, autoCategorize: true });
      store.write({ language: 'en', theme: 'light', hasSeenWelcome: true, autoCategorize: false });
      expect(store.read()).toEqual({
        language: 'en',
        theme: 'light',
        hasSeenWelcome: true,
        autoCategorize: false,
      });
    });

    it('hands out copies, so callers cannot change what is saved', () => {
      const store = open();
      store.write({ language: 'fr', theme: 'system', hasSeenWelcome: false, autoCategorize: true });
      const read = store.read();
      if (read) read.language = 'en';
      expect(store.read()?.language).toBe('fr');
    });
  });
}
