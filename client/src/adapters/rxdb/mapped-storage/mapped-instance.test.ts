import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { fillWithDefaultSettings, type RxDocumentData, type RxStorageInstance } from 'rxdb';
import { OPEN_MEMORY_INSTANCES } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bucketOf } from './buckets.ts';
import { bucketDatabaseName, type BucketRecord } from './idb-buckets.ts';
import { getRxStorageMapped } from './mapped-storage.ts';

/** The storage alone, without RxDB's collections on top: what it does when IndexedDB fails. */

interface Thing {
  readonly id: string;
  readonly value: unknown;
}

const storage = getRxStorageMapped({ indexedDB, IDBKeyRange });
const schema = fillWithDefaultSettings<Thing>({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 20 }, value: {} },
  required: ['id'],
});

let opened: RxStorageInstance<Thing, unknown, unknown>[] = [];
afterEach(async () => {
  await Promise.all(opened.map((instance) => instance.close()));
  opened = [];
  vi.restoreAllMocks();
});

async function open(databaseName: string) {
  const instance = await storage.createStorageInstance<Thing>({
    databaseName,
    collectionName: 'things',
    schema,
    options: {},
    multiInstance: false,
    databaseInstanceToken: 'test',
    devMode: false,
  });
  opened.push(instance);
  return instance;
}

function thing(id: string, value: unknown, revision = 1): RxDocumentData<Thing> {
  return {
    id,
    value,
    _deleted: false,
    _attachments: {},
    _rev: `${revision}-test`,
    _meta: { lwt: 1 },
  };
}

describe('mapped storage instance', () => {
  it('rejects a write IndexedDB refuses, undoing it in memory and telling no one', async () => {
    const things = await open('mapped-refused-write');
    const events: unknown[] = [];
    things.changeStream().subscribe((bulk) => events.push(...bulk.events));
    const kept = thing('kept', 'first');
    await things.bulkWrite([{ document: kept }], 'test');

    // A function cannot be cloned into IndexedDB: memory takes the write, the transaction aborts.
    const write = things.bulkWrite(
      [
        { previous: kept, document: thing('kept', 'edited', 2) },
        { document: thing('new', () => 'not cloneable') },
      ],
      'test',
    );
    await expect(write).rejects.toThrow();
    expect(await things.findDocumentsById(['kept', 'new'], true)).toStrictEqual([kept]);
    expect(events).toHaveLength(1);

    // The collection still works, and what is on disk is exactly what was acknowledged.
    const edited = thing('kept', 'edited', 2);
    expect(await things.bulkWrite([{ previous: kept, document: edited }], 'test')).toEqual({
      error: [],
    });
    expect(events).toHaveLength(2);
    await things.close();
    const reopened = await open('mapped-refused-write');
    expect(await reopened.findDocumentsById(['kept', 'new'], true)).toStrictEqual([edited]);
  });

  it('reports conflicts like the memory storage, and persists only what it accepted', async () => {
    const things = await open('mapped-conflicts');
    const first = thing('a', 1);
    await things.bulkWrite([{ document: first }], 'test');
    const result = await things.bulkWrite(
      [{ document: thing('a', 'no previous') }, { document: thing('b', 2) }],
      'test',
    );
    expect(result.error.map((error) => [error.documentId, error.status])).toEqual([['a', 409]]);
    await things.close();
    const reopened = await open('mapped-conflicts');
    expect(await reopened.findDocumentsById(['a', 'b'], true)).toStrictEqual([
      first,
      thing('b', 2),
    ]);
  });

  it('reloads from IndexedDB on every open, keeping no memory state after close', async () => {
    const before = OPEN_MEMORY_INSTANCES.size;
    const things = await open('mapped-reopen');
    await things.bulkWrite([{ document: thing('a', 1) }], 'test');
    await things.close();
    expect(OPEN_MEMORY_INSTANCES.size).toBe(before);
    await clearBuckets('mapped-reopen');

    const reopened = await open('mapped-reopen');
    expect(await reopened.findDocumentsById(['a'], true)).toEqual([]);
  });

  it('skips damaged stored entries and loads the rest', async () => {
    const things = await open('mapped-damaged');
    await things.bulkWrite([{ document: thing('good', 1) }], 'test');
    await things.close();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await addToBucket('mapped-damaged', {
      collection: 'things',
      schemaVersion: 0,
      bucket: bucketOf('no-meta'),
      writes: 1,
      docs: { 'no-meta': { id: 'no-meta', value: 1 }, 'wrong-key': thing('other-id', 1) },
    });

    const reopened = await open('mapped-damaged');
    expect(await reopened.findDocumentsById(['good', 'no-meta', 'other-id'], true)).toStrictEqual([
      thing('good', 1),
    ]);
    expect(warn).toHaveBeenCalledWith('Skipped 2 damaged stored document(s) of things.');
  });
});

async function withBuckets(databaseName: string, body: (store: IDBObjectStore) => void) {
  const request = indexedDB.open(bucketDatabaseName(databaseName));
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new Error('open failed'));
  });
  const transaction = database.transaction('buckets', 'readwrite');
  body(transaction.objectStore('buckets'));
  await new Promise((resolve) => (transaction.oncomplete = resolve));
  database.close();
}

function clearBuckets(databaseName: string): Promise<void> {
  return withBuckets(databaseName, (store) => store.clear());
}

/** Adds entries to a bucket record, as something other than the storage would. */
function addToBucket(databaseName: string, record: BucketRecord): Promise<void> {
  return withBuckets(databaseName, (store) => {
    const key = [record.collection, record.schemaVersion, record.bucket];
    const request = store.get(key);
    request.onsuccess = () => {
      const stored = request.result as BucketRecord | undefined;
      store.put({ ...record, docs: { ...stored?.docs, ...record.docs } });
    };
  });
}
