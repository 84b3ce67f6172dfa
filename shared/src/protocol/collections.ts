import { z } from 'zod';

/**
 * The ledger collections that travel between devices. The local cache (derived data) does not:
 * every device rebuilds it.
 */
export const SYNCED_COLLECTIONS = [
  'accounts',
  'categories',
  'operations',
  'importBatches',
  'rules',
] as const;
export type SyncedCollection = (typeof SYNCED_COLLECTIONS)[number];
export const syncedCollectionSchema = z.enum(SYNCED_COLLECTIONS);
