import type { BulkWriteRow, RxDocumentData } from 'rxdb';
import {
  putWriteRowToState,
  removeDocFromState,
  type RxStorageInstanceMemory,
} from 'rxdb/plugins/storage-memory';
import type { BucketRecord } from './idb-buckets.ts';
import { bucketOf, isStoredDocument, primaryKeyOf } from './buckets.ts';
import type { RemoteWrite } from './cross-tab.ts';
import type { WriteOrder } from './write-order.ts';

/*
 * What the mapped storage does to its memory instance beyond the RxStorage interface. Each
 * mapped instance owns its memory instance (private state, see mapped-storage.ts), so reaching
 * into its `internals` touches no one else's data.
 */

/**
 * The load: every valid document of the buckets, inserted with the memory storage's own
 * bulkWrite (as inserts, so with no conflict checks to fail), before anyone listens to it.
 * Returns how many stored entries were skipped as damaged.
 *
 * The memory storage builds its indexes lazily, at the first read after a write. Here they are
 * built at once (~1 s for 100k operations on a slow machine, nearly all of it computing and
 * sorting index strings; inserting the rows directly into the state is no faster): opening is
 * already off the first paint (main.ts), and the first query should not pay for the load.
 */
export async function loadBuckets<RxDocType>(
  memory: RxStorageInstanceMemory<RxDocType>,
  records: readonly BucketRecord[],
  order: WriteOrder,
): Promise<number> {
  const primaryPath = String(memory.primaryPath);
  const rows: BulkWriteRow<RxDocType>[] = [];
  let skipped = 0;
  for (const record of records) {
    order.loadedBucket(record.bucket, record.writes);
    for (const [id, document] of Object.entries(record.docs)) {
      if (
        isStoredDocument<RxDocType>(document, primaryPath) &&
        primaryKeyOf(document, primaryPath) === id &&
        bucketOf(id) === record.bucket
      ) {
        rows.push({ document });
      } else {
        skipped += 1;
      }
    }
  }
  if (rows.length > 0) await memory.bulkWrite(rows, 'mapped-storage-load');
  memory.ensurePersistence();
  return skipped;
}

/**
 * Undoes a local write that could not be persisted: each accepted document goes back to its
 * previous state, or out of memory if it was new. Nothing else wrote to memory since (the
 * instance's queue), so this restores exactly the state before the write.
 */
export function rollBack<RxDocType>(
  memory: RxStorageInstanceMemory<RxDocType>,
  rows: readonly BulkWriteRow<RxDocType>[],
): void {
  memory.ensurePersistence();
  const state = memory.internals;
  const primaryPath = String(memory.primaryPath);
  for (const row of rows) {
    const id = primaryKeyOf(row.document, primaryPath);
    if (row.previous) {
      putWriteRowToState(id, state, state.byIndexArray, row.previous, row.document);
    } else {
      removeDocFromState(primaryPath, memory.schema, state, row.document);
    }
  }
}

/**
 * The write rows that bring memory up to another tab's write: only documents that are valid,
 * in the bucket they claim, and newer than what memory holds (write-order.ts). Each row's
 * `previous` is the current state, so memory accepts it without a conflict.
 */
export function remoteWriteRows<RxDocType>(
  memory: RxStorageInstanceMemory<RxDocType>,
  write: RemoteWrite,
  order: WriteOrder,
): BulkWriteRow<RxDocType>[] {
  memory.ensurePersistence();
  const documents = memory.internals.documents;
  const primaryPath = String(memory.primaryPath);
  const rows: BulkWriteRow<RxDocType>[] = [];
  for (const bucket of write.buckets) {
    for (const document of bucket.docs) {
      if (!isStoredDocument<RxDocType>(document, primaryPath)) continue;
      const id = primaryKeyOf(document, primaryPath);
      if (bucketOf(id) !== bucket.bucket || !order.isNewer(id, bucket.writes)) continue;
      order.wrote(id, bucket.writes);
      const current: RxDocumentData<RxDocType> | undefined = documents.get(id);
      if (current?._rev === document._rev) continue;
      rows.push(current ? { previous: current, document } : { document });
    }
  }
  return rows;
}
