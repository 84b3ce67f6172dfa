import type { SessionStore, StoredSession } from '../../ports/session-store.ts';

/** Session kept in memory (tests, and devices without localStorage). */
export class MemorySessionStore implements SessionStore {
  private saved: StoredSession | null = null;

  read(): StoredSession | null {
    return this.saved ? { ...this.saved } : null;
  }

  write(session: StoredSession): void {
    this.saved = { ...session };
  }

  clear(): void {
    this.saved = null;
  }
}
