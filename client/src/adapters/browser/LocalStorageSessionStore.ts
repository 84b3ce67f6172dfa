import {
  storedSessionSchema,
  type SessionStore,
  type StoredSession,
} from '../../ports/session-store.ts';

/** The session in localStorage; anything unreadable counts as "signed out". */
export class LocalStorageSessionStore implements SessionStore {
  constructor(
    private readonly storage: Storage,
    private readonly key = 'tirelire.session',
  ) {}

  read(): StoredSession | null {
    const raw = this.storage.getItem(this.key);
    if (raw === null) return null;
    try {
      const parsed = storedSessionSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  write(session: StoredSession): void {
    this.storage.setItem(this.key, JSON.stringify(session));
  }

  clear(): void {
    this.storage.removeItem(this.key);
  }
}
