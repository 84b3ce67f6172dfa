import type { RxDocumentData } from 'rxdb';

/**
 * How the mapped storage lays documents out in IndexedDB: each collection's documents are spread
 * over a fixed number of buckets by a hash of their primary key, and each bucket is one record.
 *
 * IndexedDB's cost is per record, not per byte (100k one-document puts take ~20 s in Chromium,
 * 200 records of 500 documents ~0.35 s), so few fat records is what makes bulk writes and the
 * initial load fast. 256 buckets keep a record small enough (~400 documents at 100k) that one
 * edited document rewrites only a few hundred kilobytes.
 *
 * Both numbers are part of the format on disk: a document is only ever looked for in the bucket
 * its id hashes to, so changing the count or the hash needs a migration of every record.
 */
export const BUCKET_COUNT = 256;

/** 32-bit FNV-1a over the UTF-16 code units: cheap, well spread, and the same everywhere. */
export function bucketOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index += 1) {
    hash ^= id.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % BUCKET_COUNT;
}

/** The documents to write into one bucket, by id, and the ids to drop from it (purged tombstones). */
export interface BucketChange {
  readonly put: Map<string, unknown>;
  readonly purge: string[];
}

/** Groups documents (and ids to purge) by the bucket they belong to. */
export function groupByBucket(
  documents: ReadonlyMap<string, unknown>,
  purged: readonly string[] = [],
): Map<number, BucketChange> {
  const changes = new Map<number, BucketChange>();
  const changeOf = (id: string) => {
    const bucket = bucketOf(id);
    let change = changes.get(bucket);
    if (!change) changes.set(bucket, (change = { put: new Map(), purge: [] }));
    return change;
  };
  for (const [id, document] of documents) changeOf(id).put.set(id, document);
  for (const id of purged) changeOf(id).purge.push(id);
  return changes;
}

/** The primary key of a document RxDB handed us (its schema guarantees a string there). */
export function primaryKeyOf(document: object, primaryPath: string): string {
  // Widening a document to a string-keyed record to read one field: no claim about the rest.
  return String((document as Readonly<Record<string, unknown>>)[primaryPath]);
}

/**
 * Whether a value read from IndexedDB or received from another tab can go into the memory
 * storage: an object with its primary key and the RxDB metadata the memory indexes are built
 * from. Anything else (damaged records, another program's data) is skipped, never loaded: it
 * would break the indexes of the whole collection. The document's own fields are not checked
 * here; the ledger store validates every document it reads (documents.ts).
 */
export function isStoredDocument<RxDocType>(
  value: unknown,
  primaryPath: string,
): value is RxDocumentData<RxDocType> {
  if (!isRecord(value)) return false;
  const meta = value['_meta'];
  return (
    typeof value[primaryPath] === 'string' &&
    typeof value['_rev'] === 'string' &&
    typeof value['_deleted'] === 'boolean' &&
    isRecord(value['_attachments']) &&
    isRecord(meta) &&
    typeof meta['lwt'] === 'number'
  );
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The items ordered by the bucket of their id (stable within a bucket). Writing in this order,
 * in chunks, makes each chunk touch a few neighbouring buckets instead of all of them.
 */
export function sortByBucket<T>(items: readonly T[], idOf: (item: T) => string): T[] {
  const keyed = items.map((item, index) => ({ item, index, bucket: bucketOf(idOf(item)) }));
  keyed.sort((a, b) => a.bucket - b.bucket || a.index - b.index);
  return keyed.map(({ item }) => item);
}
