import { z } from 'zod';

export const storedSessionSchema = z.object({
  email: z.string().min(1),
  refreshToken: z.string().min(1),
});
export type StoredSession = z.output<typeof storedSessionSchema>;

/**
 * Keeps who is signed in across reloads: the email and the (long-lived, single-use) refresh
 * token. The access token is never stored. Contract: session-store.contract.ts.
 */
export interface SessionStore {
  /** The saved session, or null when none (or what was saved is unreadable). */
  read(): StoredSession | null;
  write(session: StoredSession): void;
  clear(): void;
}
