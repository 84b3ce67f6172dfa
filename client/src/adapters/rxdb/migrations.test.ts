import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { describe, expect, it } from 'vitest';
import { foldText, generateDemoLedger, isoDate, type Operation } from '@tirelire/shared';
import { createLedgerDatabase, type LedgerRxStorage } from './database.ts';
import { getRxStorageMapped } from './mapped-storage/mapped-storage.ts';
import { migrationStrategies, missingMigrationStrategies } from './migrations.ts';
import { RxdbLedgerStore } from './RxdbLedgerStore.ts';
import { ledgerSchemas, operationsSchema } from './schemas.ts';

/** RxDB migrates by reading the old collection through the storage: both storages must allow it. */
const storages: readonly { readonly label: string; readonly storage: LedgerRxStorage }[] = [
  { label: 'mapped', storage: getRxStorageMapped({ indexedDB, IDBKeyRange }) },
  { label: 'Dexie', storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) },
];

/** A test-only next version of the operations schema: adds a folded label for search. */
const operationsV1 = {
  ...operationsSchema,
  version: 1,
  properties: { ...operationsSchema.properties, labelFolded: { type: 'string' } },
  required: [...operationsSchema.required, 'labelFolded'],
};

const toV1 = {
  1: (document: Operation) => ({ ...document, labelFolded: foldText(document.label) }),
};

for (const { label, storage } of storages) {
  describe(`schema migrations (${label})`, () => {
    it('every collection has a strategy for every version from 1 to its current one', () => {
      expect(missingMigrationStrategies(ledgerSchemas, migrationStrategies)).toEqual([]);
    });

    it('a version without a strategy is caught before anything opens', async () => {
      const schemas = { ...ledgerSchemas, operations: operationsV1 };
      expect(missingMigrationStrategies(schemas, migrationStrategies)).toEqual(['operations v1']);
      await expect(
        createLedgerDatabase({
          name: 'migrations-missing',
          storage,
          multiInstance: false,
          schemas,
        }),
      ).rejects.toThrow('Missing migration strategies: operations v1');
    });

    it('opening with a newer schema migrates every stored document first', async () => {
      const name = 'migrations-v0-to-v1';
      const { operations } = generateDemoLedger({
        seed: 11,
        until: isoDate('2025-06-30'),
        years: 1,
        targetOperations: 300,
        accountCount: 2,
        now: Date.UTC(2025, 5, 30),
      });
      const v0 = await createLedgerDatabase({ name, storage, multiInstance: false });
      await v0.collections.operations.bulkUpsert(operations);
      await v0.collections.cache.upsert({ key: 'kept', json: '1' });
      await v0.close();

      const v1 = await createLedgerDatabase({
        name,
        storage,
        multiInstance: false,
        schemas: { ...ledgerSchemas, operations: operationsV1 },
        migrationStrategies: { ...migrationStrategies, operations: toV1 },
      });
      const migrated = await v1.collections.operations.find().exec();
      const store = new RxdbLedgerStore(v1);
      try {
        expect(v1.collections.operations.schema.version).toBe(1);
        expect(migrated).toHaveLength(operations.length);
        for (const document of migrated) {
          expect(document.get('labelFolded')).toBe(foldText(document.get('label') as string));
        }
        // The domain shape has no labelFolded: the store's validation drops what it does not know.
        expect(sortById(await store.listOperations())).toStrictEqual(sortById(operations));
        expect(await store.readCache('kept')).toBe(1);
      } finally {
        await store.close();
      }
    });
  });
}

function sortById(operations: readonly Operation[]): Operation[] {
  return [...operations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
