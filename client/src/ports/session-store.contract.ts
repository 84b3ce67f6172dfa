import { describe, expect, it } from 'vitest';
import type { SessionStore } from './session-store.ts';

export function describeSessionStoreContract(name: string, open: () => SessionStore): void {
  describe(`SessionStore contract: ${name}`, () => {
    it('reads null before anything is written', () => {
      expect(open().read()).toBeNull();
    });

    it('reads back what was written, and the last write wins', () => {
      const store = open();
      store.write({ email: 'ana@example.org', refreshToken: 'u.one' });
      store.write({ email: 'ana@example.org', refreshToken: 'u.two' });
      expect(store.read()).toEqual({ email: 'ana@example.org', refreshToken: 'u.two' });
    });

    it('forgets the session on clear', () => {
      const store = open();
      store.write({ email: 'ana@example.org', refreshToken: 'u.one' });
      store.clear();
      expect(store.read()).toBeNull();
    });

    it('hands out copies, so callers cannot change what is saved', () => {
      const store = open();
      store.write({ email: 'ana@example.org', refreshToken: 'u.one' });
      const read = store.read();
      if (read) read.refreshToken = 'changed';
      expect(store.read()?.refreshToken).toBe('u.one');
    });
  });
}
