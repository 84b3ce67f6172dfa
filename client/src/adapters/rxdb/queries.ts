import type { MangoQuery, RxCollection } from 'rxdb';

/**
 * Runs a query on the collection's storage and returns the stored JSON, RxDB metadata included.
 *
 * This skips `RxQuery.exec()`, which would also build (and cache) one RxDocument per result: for
 * 100k operations that is time and memory spent on objects we would only turn back into JSON.
 * The query itself is RxDB's own preparation (`getPreparedQuery` adds the not-deleted condition
 * and picks the index), so results are the ones `exec()` would give. The output is untrusted:
 * callers validate it (documents.ts).
 */
export async function queryStored<Doc>(
  collection: RxCollection<Doc>,
  query: MangoQuery<Doc> = {},
): Promise<unknown[]> {
  const prepared = collection.find(query).getPreparedQuery();
  const result = await collection.storageInstance.query(prepared);
  return result.documents;
}

/** The primary keys of every (not deleted) document. */
export async function storedIds<Doc>(collection: RxCollection<Doc>): Promise<string[]> {
  const prepared = collection.find().getPreparedQuery();
  const result = await collection.storageInstance.query(prepared);
  const primaryPath = collection.schema.primaryPath;
  return result.documents.map((document) => String(document[primaryPath]));
}
