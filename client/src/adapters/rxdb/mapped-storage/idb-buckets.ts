import { BUCKET_COUNT, isRecord, type BucketChange } from './buckets.ts';

/** Where the buckets live; tests pass fake-indexeddb's, browsers use their own. */
export interface IndexedDbEnvironment {
  readonly indexedDB: IDBFactory;
  readonly IDBKeyRange: typeof IDBKeyRange;
}

/** One bucket as stored: key [collection, schemaVersion, bucket]. */
export interface BucketRecord {
  readonly collection: string;
  readonly schemaVersion: number;
  readonly bucket: number;
  /** Transactions that wrote this bucket so far: orders writes across tabs (write-order.ts). */
  readonly writes: number;
  /** The documents, by primary key, exactly as the memory storage holds them. Untrusted. */
  readonly docs: Record<string, unknown>;
}

const STORE = 'buckets';

/** One IndexedDB database per RxDB database, holding the buckets of all its collections. */
export function bucketDatabaseName(databaseName: string): string {
  return `rxdb-mapped--${databaseName}`;
}

/**
 * The buckets of one collection at one schema version (RxDB migrates by reading the old version
 * while writing the new one, so both must be addressable side by side).
 */
export class BucketFile {
  private constructor(
    private readonly database: IDBDatabase,
    private readonly range: IDBKeyRange,
    private readonly collection: string,
    private readonly schemaVersion: number,
  ) {}

  static async open(
    environment: IndexedDbEnvironment,
    databaseName: string,
    collection: string,
    schemaVersion: number,
  ): Promise<BucketFile> {
    const database = await openDatabase(environment.indexedDB, bucketDatabaseName(databaseName));
    const range = environment.IDBKeyRange.bound(
      [collection, schemaVersion, 0],
      [collection, schemaVersion, BUCKET_COUNT - 1],
    );
    return new BucketFile(database, range, collection, schemaVersion);
  }

  /** Every bucket record of the collection, in one read (one record per bucket, so ≤ 256). */
  async load(): Promise<BucketRecord[]> {
    const records = await this.run('readonly', (store) => store.getAll(this.range));
    return Array.isArray(records) ? records.filter(isBucketRecord) : [];
  }

  /**
   * Writes the changes in ONE transaction: each touched bucket is read, only its changed
   * documents replaced (or purged), and put back. IndexedDB runs read-write transactions on one
   * store strictly one after another, across tabs too, so a bucket that two tabs write is never
   * clobbered: the second read sees the first write. That is why no cross-tab lock
   * (navigator.locks) is taken: it would serialise exactly what IndexedDB already serialises.
   *
   * Resolves with each bucket's new write count once the transaction has committed; rejects,
   * with nothing written, otherwise. Writes are 'strict': Chromium (since 121) and Firefox
   * default to 'relaxed', which survives a browser crash but not a power cut, and an operation
   * the app said it saved must survive both. It measured no slower on the 100k bulk insert,
   * which makes only a few transactions.
   */
  write(changes: ReadonlyMap<number, BucketChange>): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    return this.run('readwrite', (store, fail) => {
      for (const [bucket, change] of changes) {
        const request = store.get([this.collection, this.schemaVersion, bucket]);
        request.onsuccess = () => {
          try {
            const stored: unknown = request.result;
            const previous = isBucketRecord(stored) ? stored : null;
            // The record was just deserialised for us: it is ours to change in place.
            const docs = previous ? previous.docs : {};
            for (const [id, document] of change.put) docs[id] = document;
            for (const id of change.purge) Reflect.deleteProperty(docs, id);
            const writes = (previous?.writes ?? 0) + 1;
            const record: BucketRecord = {
              collection: this.collection,
              schemaVersion: this.schemaVersion,
              bucket,
              writes,
              docs,
            };
            store.put(record);
            counts.set(bucket, writes);
          } catch (error) {
            // A document IndexedDB cannot clone: abort, so no bucket is written at all. (A full
            // disk aborts the transaction by itself, later.)
            fail(error);
          }
        };
      }
      return null;
    }).then(() => counts);
  }

  /** Deletes every bucket of the collection (RxDB's `remove()`). */
  async clear(): Promise<void> {
    await this.run('readwrite', (store) => store.delete(this.range));
  }

  close(): void {
    this.database.close();
  }

  /**
   * Runs one transaction; resolves with the result of the request `body` returns (if any) once
   * the transaction has committed, rejects if it aborts for any reason.
   */
  private run(
    mode: IDBTransactionMode,
    body: (store: IDBObjectStore, fail: (error: unknown) => void) => IDBRequest | null,
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const transaction = this.database.transaction(
        STORE,
        mode,
        mode === 'readwrite' ? { durability: 'strict' } : undefined,
      );
      let failure: unknown = null;
      const fail = (error: unknown) => {
        failure ??= error;
        transaction.abort();
      };
      const request = body(transaction.objectStore(STORE), fail);
      transaction.oncomplete = () => resolve(request?.result);
      transaction.onabort = () =>
        reject(toError(failure ?? transaction.error ?? 'IndexedDB transaction aborted'));
    });
  }
}

function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, {
        keyPath: ['collection', 'schemaVersion', 'bucket'],
      });
    };
    request.onsuccess = () => {
      const database = request.result;
      // Another tab deleting or upgrading the database: let it, our next write will fail loudly.
      database.onversionchange = () => database.close();
      resolve(database);
    };
    request.onerror = () => reject(toError(request.error ?? `Could not open ${name}`));
  });
}

function isBucketRecord(value: unknown): value is BucketRecord {
  return (
    isRecord(value) &&
    typeof value['bucket'] === 'number' &&
    typeof value['writes'] === 'number' &&
    isRecord(value['docs'])
  );
}

function toError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
