import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  accountId,
  generateDemoLedger,
  isoDate,
  operationId,
  type Account,
  type Operation,
} from '@tirelire/shared';
import type { LedgerChange } from '../../ports/ledger-store.ts';
import { describeLedgerStoreContract } from '../../ports/ledger-store.contract.ts';
import { createLedgerDatabase, type LedgerRxStorage } from './database.ts';
import type { CorruptDocument } from './documents.ts';
import { getRxStorageMapped } from './mapped-storage/mapped-storage.ts';
import { openRxdbLedgerStore, RxdbLedgerStore } from './RxdbLedgerStore.ts';

// fake-indexeddb keeps its databases for the life of this test file, so reopening a name finds
// its data, as a page reload would.
const dexie = getRxStorageDexie({ indexedDB, IDBKeyRange });
const mapped = getRxStorageMapped({ indexedDB, IDBKeyRange });

/**
 * The storages the adapter runs on: the memory-mapped one (the app's) and Dexie. Each also has a
 * second storage standing for another tab: RxDB refuses a second database with the same storage
 * name and database name in one process, so the second tab's storage has another name. Dexie's
 * broadcast channel is keyed by its fixed storage name and the mapped storage's by database and
 * collection names, so the two "tabs" still hear each other.
 */
const storages: readonly {
  readonly label: string;
  readonly storage: LedgerRxStorage;
  readonly secondTab: LedgerRxStorage;
}[] = [
  {
    label: 'mapped',
    storage: mapped,
    secondTab: getRxStorageMapped({ indexedDB, IDBKeyRange, name: 'mapped-second-tab' }),
  },
  {
    label: 'Dexie',
    storage: dexie,
    secondTab: {
      name: 'dexie-second-tab',
      rxdbVersion: dexie.rxdbVersion,
      createStorageInstance: (params) => dexie.createStorageInstance(params),
    },
  },
];

const demo = generateDemoLedger({
  seed: 3,
  until: isoDate('2025-06-30'),
  years: 1,
  targetOperations: 60,
  accountCount: 2,
  now: Date.UTC(2025, 5, 30),
});

for (const { label, storage, secondTab } of storages) {
  describeLedgerStoreContract(`RxdbLedgerStore (${label} on fake-indexeddb)`, (name) =>
    openRxdbLedgerStore({ name, storage, multiInstance: false }),
  );

  describe(`RxdbLedgerStore on ${label}`, () => {
    const toClose: { close(): Promise<unknown> }[] = [];
    afterEach(async () => {
      await Promise.all(toClose.splice(0).map((closable) => closable.close()));
    });

    it('skips stored documents that fail validation and reports them', async () => {
      const name = 'rxdb-corrupt';
      const database = await createLedgerDatabase({ name, storage, multiInstance: false });
      const [good, bad] = demo.operations as [Operation, Operation];
      const badOperation: unknown = { ...bad, date: '31/12/2024', amountMinor: 1.5 };
      const badAccount: unknown = { ...demo.accounts[0], currency: 'EURO' };
      const noId: unknown = { ...good, id: 'has spaces' };
      await database.collections.operations.bulkUpsert([good, badOperation as Operation]);
      await database.collections.operations.bulkUpsert([noId as Operation]);
      await database.collections.accounts.bulkUpsert([badAccount as Account, demo.accounts[1]!]);
      await database.collections.cache.upsert({ key: 'balances', json: '{"truncated' });
      await database.close();

      const reports: CorruptDocument[] = [];
      const store = await openRxdbLedgerStore({
        name,
        storage,
        multiInstance: false,
        onCorruptDocument: (report) => reports.push(report),
      });
      toClose.push(store);

      expect(await store.listOperations()).toStrictEqual([good]);
      expect(await store.listAccounts()).toStrictEqual([demo.accounts[1]]);
      expect(await store.readCache('balances')).toBeUndefined();
      // Reads come in no particular order, and neither do the reports.
      expect(reports).toHaveLength(4);
      expect(reports).toEqual(
        expect.arrayContaining([
          {
            collection: 'operations',
            id: bad.id,
            reason: expect.stringMatching(/^date: /) as string,
          },
          {
            collection: 'operations',
            id: 'has spaces',
            reason: expect.stringMatching(/^id: /) as string,
          },
          {
            collection: 'accounts',
            id: demo.accounts[0]!.id,
            reason: expect.any(String) as string,
          },
          { collection: 'cache', id: 'balances', reason: 'json: not JSON text' },
        ]),
      );
    });

    describe('with another tab on the same database', () => {
      // Two RxDatabases on one name in one process stand for two tabs (see `storages`).
      async function openTabs(name: string) {
        const first = await openRxdbLedgerStore({ name, storage, multiInstance: true });
        toClose.push(first);
        const second = await openRxdbLedgerStore({ name, storage: secondTab, multiInstance: true });
        toClose.push(second);
        return [first, second] as const;
      }

      it("hears the other tab's writes, and its own writes once", async () => {
        const [first, second] = await openTabs('rxdb-tabs');
        const heardByFirst = listen(first);
        const heardBySecond = listen(second);
        const operations = demo.operations.slice(0, 3);

        await first.saveOperations(operations);
        await vi.waitFor(() => expect(heardBySecond).toHaveLength(1));
        await first.deleteOperations([operations[0]!.id, operationId('op-unknown')]);
        await vi.waitFor(() => expect(heardBySecond).toHaveLength(2));
        const edited = { ...operations[1]!, note: 'edited in the other tab' };
        await second.saveOperations([edited]);
        await second.saveAccounts(demo.accounts);
        await vi.waitFor(() => expect(heardByFirst).toHaveLength(4));
        await settle();

        expect(heardBySecond).toStrictEqual([
          { kind: 'operations', upserted: operations, deleted: [] },
          { kind: 'operations', upserted: [], deleted: [operations[0]!.id] },
          { kind: 'operations', upserted: [edited], deleted: [] },
          { kind: 'accounts', upserted: demo.accounts, deleted: [] },
        ]);
        expect(heardByFirst).toStrictEqual(heardBySecond);
      });

      it("reloads on the other tab's replaceAll", async () => {
        const [first, second] = await openTabs('rxdb-tabs-reset');
        await first.saveOperations(demo.operations);
        await first.saveAccounts([demo.accounts[0]!]);
        const heardByFirst = listen(first);
        const heardBySecond = listen(second);

        await first.replaceAll({ ...demo, operations: demo.operations.slice(0, 10) });
        await vi.waitFor(() => expect(heardBySecond).toContainEqual({ kind: 'reset' }));
        await settle();

        expect(heardByFirst).toStrictEqual([{ kind: 'reset' }]);
        expect(heardBySecond.filter((change) => change.kind === 'reset')).toHaveLength(1);
        expect(await second.countOperations()).toBe(10);
      });
    });

    it('is the store main.ts can wrap around a database it opened', async () => {
      const database = await createLedgerDatabase({
        name: 'rxdb-wrap',
        storage,
        multiInstance: false,
      });
      const store = new RxdbLedgerStore(database);
      toClose.push(store);
      await store.saveAccounts([demo.accounts[0]!]);
      expect(await store.listAccounts()).toStrictEqual([demo.accounts[0]]);
      expect(await store.listOperationsOfAccount(accountId('demo-account-9'))).toEqual([]);
    });
  });
}

function listen(store: RxdbLedgerStore): LedgerChange[] {
  const heard: LedgerChange[] = [];
  store.subscribe((change) => heard.push(change));
  return heard;
}

function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 100));
}
