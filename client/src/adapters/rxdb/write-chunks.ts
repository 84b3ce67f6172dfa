import { sortByBucket } from './mapped-storage/buckets.ts';

/**
 * Documents per `bulkUpsert`/`bulkRemove`, so that one call never holds every RxDocument, one
 * huge IndexedDB transaction and one huge message to the other tabs at once (25,000 operations
 * are ~10 MB serialised).
 */
export const WRITE_CHUNK = 25_000;

/**
 * Splits a write into chunks, in the mapped storage's bucket order. That storage persists a
 * call by rewriting every bucket the call touches, and a few thousand documents in arbitrary
 * order touch all 256 of them: each call then costs the size of the whole collection (100k
 * operations in calls of 2,000 took 38 s in Chromium). In bucket order a chunk touches its own
 * share of the buckets, so a save rewrites each bucket about once (100k: ~3.5 s, as one call).
 * Harmless for other storages, to which the order of a bulk write means nothing.
 */
export function writeChunks<T>(items: readonly T[], idOf: (item: T) => string): T[][] {
  // One call needs no reordering: the documents keep the caller's order (in change events too).
  if (items.length <= WRITE_CHUNK) return items.length > 0 ? [[...items]] : [];
  const ordered = sortByBucket(items, idOf);
  const chunks: T[][] = [];
  for (let start = 0; start < ordered.length; start += WRITE_CHUNK) {
    chunks.push(ordered.slice(start, start + WRITE_CHUNK));
  }
  return chunks;
}
