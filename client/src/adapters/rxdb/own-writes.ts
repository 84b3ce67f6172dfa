import type { RxChangeEventBulk } from 'rxdb';

/**
 * The storage contexts of the RxCollection calls this store writes with (`bulkUpsert` inserts,
 * then updates existing documents through the incremental-write queue; `bulkRemove`). Written
 * out here because RxDB does not export them all; the RxDB adapter's tests fail if they change.
 */
const OWN_WRITE_CONTEXTS: ReadonlySet<string> = new Set([
  'rx-collection-bulk-insert',
  'incremental-write',
  'rx-collection-bulk-remove',
]);

/**
 * Tells this database's own collection writes apart from everyone else's in RxDB's change stream.
 * RxDB stamps each written revision with the writing database's token ("3-<token>"), and events
 * relayed from other tabs keep the other tab's token. A write of ours that did not go through the
 * store's methods (replication, later) has another context, so it still counts as "other".
 */
export function ownWriteFilter(
  databaseToken: string,
): (bulk: RxChangeEventBulk<unknown>) => boolean {
  const suffix = `-${databaseToken}`;
  return (bulk) =>
    OWN_WRITE_CONTEXTS.has(bulk.context) &&
    bulk.events.every((event) => event.documentData._rev.endsWith(suffix));
}
