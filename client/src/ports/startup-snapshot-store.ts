import { z } from 'zod';
import { accountIdSchema, accountSchema, categorySchema, minorUnitsSchema } from '@tirelire/shared';

/**
 * What the first screen shows — accounts, categories and balances — saved at the end of each
 * session so the next start can paint it before the database has opened (opening RxDB alone
 * costs ~300 ms on a slow device). The database stays the truth: it replaces this a moment later.
 */
export const startupSnapshotSchema = z.object({
  accounts: z.array(accountSchema),
  categories: z.array(categorySchema),
  balances: z.record(accountIdSchema, minorUnitsSchema),
});
export type StartupSnapshot = z.output<typeof startupSnapshotSchema>;

/** Synchronous on purpose: it is read before the first paint. Contract: startup-snapshot-store.contract.ts. */
export interface StartupSnapshotStore {
  /** The last snapshot, or null when there is none or it is unreadable. */
  read(): StartupSnapshot | null;
  write(snapshot: StartupSnapshot): void;
  clear(): void;
}
