import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateDemoLedger, isoDate, type Operation } from '@tirelire/shared';
import { createLedgerDatabase } from '../database.ts';
import { migrationStrategies } from '../migrations.ts';
import { openRxdbLedgerStore, type RxdbLedgerStore } from '../RxdbLedgerStore.ts';
import { ledgerSchemas, operationsSchema } from '../schemas.ts';
import { BUCKET_COUNT, bucketOf } from './buckets.ts';
import { bucketDatabaseName, type BucketRecord } from './idb-buckets.ts';
import { getRxStorageMapped } from './mapped-storage.ts';

/**
 * The mapped storage under the ledger store (the contract suite runs on it too, in
 * RxdbLedgerStore.test.ts): what it puts in IndexedDB, and how tabs stay in step.
 */

const storage = getRxStorageMapped({ indexedDB, IDBKeyRange });
/** Another tab's storage (RxDB wants another storage name for a second database in a page). */
const otherTab = getRxStorageMapped({ indexedDB, IDBKeyRange, name: 'mapped-other-tab' });

const { operations } = generateDemoLedger({
  seed: 5,
  until: isoDate('2025-06-30'),
  years: 2,
  targetOperations: 3_000,
  accountCount: 3,
  now: Date.UTC(2025, 5, 30),
});

const toClose: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(toClose.splice(0).map((closable) => closable.close()));
});

async function open(name: string, tab = storage, multiInstance = false): Promise<RxdbLedgerStore> {
  const store = await openRxdbLedgerStore({ name, storage: tab, multiInstance });
  toClose.push(store);
  return store;
}

describe('mapped storage', () => {
  it('persists acknowledged writes in few records, deletions as tombstones', async () => {
    const store = await open('mapped-persist');
    await store.saveOperations(operations);
    const [deleted, ...kept] = operations as [Operation, ...Operation[]];
    await store.deleteOperations([deleted.id]);
    await store.close();

    const records = await bucketRecords('mapped-persist', 'operations');
    const buckets = new Set(operations.map((operation) => bucketOf(operation.id)));
    expect(records).toHaveLength(buckets.size);
    expect(records.length).toBeLessThanOrEqual(BUCKET_COUNT);
    const stored = records.flatMap((record) => Object.values(record.docs));
    expect(stored).toHaveLength(operations.length);
    expect(stored).toContainEqual(expect.objectContaining({ id: deleted.id, _deleted: true }));

    const reopened = await open('mapped-persist');
    expect(sortById(await reopened.listOperations())).toStrictEqual(sortById(kept));
  });

  it('keeps each schema version apart, and drops the old one once migrated', async () => {
    const name = 'mapped-migration';
    const v0 = await createLedgerDatabase({ name, storage, multiInstance: false });
    await v0.collections.operations.bulkUpsert(operations.slice(0, 100));
    await v0.close();
    const v1 = await createLedgerDatabase({
      name,
      storage,
      multiInstance: false,
      schemas: { ...ledgerSchemas, operations: { ...operationsSchema, version: 1 } },
      migrationStrategies: { ...migrationStrategies, operations: { 1: (doc: unknown) => doc } },
    });
    toClose.push(v1);
    expect(await v1.collections.operations.count().exec()).toBe(100);
    expect(await bucketRecords(name, 'operations', 0)).toEqual([]);
    const migrated = await bucketRecords(name, 'operations', 1);
    expect(migrated.flatMap((record) => Object.keys(record.docs))).toHaveLength(100);
  });

  describe('with another tab', () => {
    async function openTabs(name: string) {
      return [await open(name, storage, true), await open(name, otherTab, true)] as const;
    }

    it("hears the other tab's writes and deletions", async () => {
      const [first, second] = await openTabs('mapped-tabs');
      await first.saveOperations(operations.slice(0, 500));
      await vi.waitFor(async () => expect(await second.countOperations()).toBe(500));
      await second.deleteOperations([operations[0]!.id]);
      await vi.waitFor(async () => expect(await first.countOperations()).toBe(499));
    });

    it('agrees with IndexedDB when both tabs write one document at once', async () => {
      const name = 'mapped-tabs-race';
      const [first, second] = await openTabs(name);
      const original = operations[0]!;
      for (let round = 0; round < 5; round += 1) {
        await Promise.all([
          first.saveOperations([{ ...original, note: `first ${round}` }]),
          second.saveOperations([{ ...original, note: `second ${round}` }]),
        ]);
      }
      const onDisk = await bucketRecords(name, 'operations');
      const stored = onDisk.flatMap((record) => Object.values(record.docs));
      expect(stored).toHaveLength(1);
      const note = (stored[0] as Operation).note;
      await vi.waitFor(async () => {
        expect((await first.listOperations())[0]?.note).toBe(note);
        expect((await second.listOperations())[0]?.note).toBe(note);
      });
    });

    it('hears writes made while it was loading', async () => {
      const name = 'mapped-tabs-loading';
      const first = await open(name, storage, true);
      await first.saveOperations(operations.slice(0, 1_000));
      // The second tab opens while the first keeps writing.
      const [second] = await Promise.all([
        open(name, otherTab, true),
        first.saveOperations(operations.slice(1_000, 2_000)),
      ]);
      await vi.waitFor(async () => expect(await second.countOperations()).toBe(2_000));
    });
  });
});

/** The bucket records of one collection, straight from IndexedDB. */
async function bucketRecords(
  databaseName: string,
  collection: string,
  schemaVersion = 0,
): Promise<BucketRecord[]> {
  const request = indexedDB.open(bucketDatabaseName(databaseName));
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new Error('open failed'));
  });
  const read = database.transaction('buckets').objectStore('buckets').getAll();
  const records = await new Promise<BucketRecord[]>((resolve) => {
    read.onsuccess = () => resolve(read.result as BucketRecord[]);
  });
  database.close();
  return records.filter(
    (record) => record.collection === collection && record.schemaVersion === schemaVersion,
  );
}

function sortById(list: readonly Operation[]): Operation[] {
  return [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
