import { afterEach, describe, expect, it } from 'vitest';
import {
  accountId,
  categoryId,
  currency,
  defaultCategories,
  generateDemoLedger,
  importBatchId,
  isoDate,
  ruleId,
  minor,
  operationId,
  type Account,
  type Category,
  type ImportBatch,
  type LedgerSnapshot,
  type Rule,
  type Operation,
} from '@tirelire/shared';
import { MAX_CACHE_KEY_LENGTH, type LedgerChange, type LedgerStore } from './ledger-store.ts';

/**
 * Opens the store called `name`. The same name means the same data once the store that had it open
 * is closed (that is how "reload the page" is tested); a name never used before means an empty
 * store. Names match /^[a-z][a-z0-9-]*$/, valid for IndexedDB and RxDB alike.
 */
export type OpenLedgerStore = (name: string) => Promise<LedgerStore>;

const NOW = Date.UTC(2025, 5, 30, 12);
/** Bulk writes on slow storages (fake-indexeddb in CI) take seconds, not milliseconds. */
const BULK_TIMEOUT_MS = 180_000;

/**
 * The behaviour every LedgerStore adapter must have; each adapter's test file calls this once.
 * The rules are the ones written on the port (ledger-store.ts): test names quote them. One file
 * over the usual size on purpose: a contract reads best as one list, its fixtures at the end.
 */
export function describeLedgerStoreContract(adapter: string, open: OpenLedgerStore): void {
  describe(`LedgerStore contract: ${adapter}`, () => {
    const opened: LedgerStore[] = [];
    let databases = 0;

    /** A store on a fresh database, closed after the test (whatever the test does). */
    async function openStore(name = `ledger-contract-${++databases}`): Promise<LedgerStore> {
      const store = await open(name);
      opened.push(store);
      return store;
    }

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    describe('documents', () => {
      it('starts empty', async () => {
        const store = await openStore();
        expect(await store.listAccounts()).toEqual([]);
        expect(await store.listCategories()).toEqual([]);
        expect(await store.listOperations()).toEqual([]);
        expect(await store.countOperations()).toBe(0);
        expect(await store.listImportBatches()).toEqual([]);
        expect(await store.listRules()).toEqual([]);
      });

      it('keeps rules exactly, every condition null or set, and deletes them by id', async () => {
        const store = await openStore();
        const rules = [rule(1), rule(2, everyCondition())];
        await store.saveRules(rules);
        expect(byId(await store.listRules())).toStrictEqual(rules);
        const heard = listen(store);
        await store.deleteRules([ruleId('rule-2'), ruleId('rule-404')]);
        await settle();
        expect(await store.listRules()).toStrictEqual([rules[0]]);
        expect(heard).toStrictEqual([{ kind: 'rules', upserted: [], deleted: [ruleId('rule-2')] }]);
      });

      it('keeps import batches, with the operations they merged, and deletes them by id', async () => {
        const store = await openStore();
        const batches = [importBatch(1), importBatch(2, { undoneAt: NOW + 9, bank: null })];
        await store.saveImportBatches(batches);
        expect(byId(await store.listImportBatches())).toStrictEqual(batches);
        const heard = listen(store);
        await store.deleteImportBatches([importBatchId('batch-1'), importBatchId('batch-404')]);
        await settle();
        expect(await store.listImportBatches()).toStrictEqual([batches[1]]);
        expect(heard).toStrictEqual([
          { kind: 'importBatches', upserted: [], deleted: [importBatchId('batch-1')] },
        ]);
      });

      it('reads documents back exactly as saved, nulls and extremes included', async () => {
        const store = await openStore();
        const categories = [category(1), category(2, { parentId: categoryId('cat-1') })];
        const accounts = [account(1), account(2, { archived: true, institution: '' })];
        const operations = [operation(1), operation(2, allNullable()), operation(3, extremes())];
        await store.saveCategories(categories);
        await store.saveAccounts(accounts);
        await store.saveOperations(operations);

        expect(byId(await store.listCategories())).toStrictEqual(categories);
        expect(byId(await store.listAccounts())).toStrictEqual(accounts);
        expect(byId(await store.listOperations())).toStrictEqual(operations);
      });

      it('saves are upserts by id', async () => {
        const store = await openStore();
        await store.saveOperations([operation(1), operation(2)]);
        const edited = operation(1, { label: 'Edited', categoryId: null, updatedAt: NOW + 5 });
        await store.saveOperations([edited]);
        await store.saveAccounts([account(1)]);
        await store.saveAccounts([account(1, { name: 'Renamed' })]);

        expect(byId(await store.listOperations())).toStrictEqual([edited, operation(2)]);
        expect(await store.countOperations()).toBe(2);
        expect(await store.listAccounts()).toStrictEqual([account(1, { name: 'Renamed' })]);
      });

      it('when a call repeats an id, its last copy wins', async () => {
        const store = await openStore();
        const last = operation(1, { note: 'last' });
        await store.saveOperations([operation(1, { note: 'first' }), last]);
        expect(await store.listOperations()).toStrictEqual([last]);
      });

      it('never hands out objects it keeps', async () => {
        const store = await openStore();
        const saved = operation(1);
        const input = structuredClone(saved);
        await store.saveOperations([input]);
        input.label = 'changed after saving';
        const [read] = await store.listOperations();
        read!.label = 'changed after reading';
        const categories = [category(1)];
        await store.saveCategories(categories);
        const [readCategory] = await store.listCategories();
        readCategory!.name.en = 'changed after reading';

        expect(await store.listOperations()).toStrictEqual([saved]);
        expect(await store.listCategories()).toStrictEqual(categories);
      });

      it("listOperationsOfAccount returns exactly that account's operations", async () => {
        const store = await openStore();
        const mine = [operation(1), operation(2, { date: isoDate('2024-01-01') })];
        const theirs = operation(3, { accountId: accountId('acc-2') });
        await store.saveOperations([...mine, theirs]);

        expect(byId(await store.listOperationsOfAccount(accountId('acc-1')))).toStrictEqual(mine);
        expect(await store.listOperationsOfAccount(accountId('acc-2'))).toStrictEqual([theirs]);
        expect(await store.listOperationsOfAccount(accountId('acc-unknown'))).toEqual([]);
      });

      it('counts operations through saves and deletes', async () => {
        const store = await openStore();
        await store.saveOperations([operation(1), operation(2), operation(3)]);
        expect(await store.countOperations()).toBe(3);
        await store.deleteOperations([operationId('op-2')]);
        expect(await store.countOperations()).toBe(2);
      });

      it('deletes by id; deleting an unknown id is not an error', async () => {
        const store = await openStore();
        await store.saveCategories([category(1), category(2)]);
        await store.saveAccounts([account(1), account(2)]);
        await store.saveOperations([operation(1), operation(2)]);

        await store.deleteOperations([operationId('op-1'), operationId('op-unknown')]);
        await store.deleteAccounts([accountId('acc-2'), accountId('acc-unknown')]);
        await store.deleteCategories([categoryId('cat-2'), categoryId('cat-unknown')]);
        await store.deleteOperations([operationId('op-unknown')]);

        expect(await store.listOperations()).toStrictEqual([operation(2)]);
        expect(await store.listAccounts()).toStrictEqual([account(1)]);
        expect(await store.listCategories()).toStrictEqual([category(1)]);
      });

      it('deletes do not cascade (consistency is the use cases’ job)', async () => {
        const store = await openStore();
        await store.saveCategories([category(1)]);
        await store.saveAccounts([account(1)]);
        await store.saveOperations([operation(1, { categoryId: categoryId('cat-1') })]);
        await store.deleteAccounts([accountId('acc-1')]);
        await store.deleteCategories([categoryId('cat-1')]);

        expect(await store.listOperations()).toStrictEqual([
          operation(1, { categoryId: categoryId('cat-1') }),
        ]);
      });
    });

    describe('changes', () => {
      it("listeners receive each save's documents together, after they are readable", async () => {
        const store = await openStore();
        const heard = listen(store);
        const reads: Promise<Operation[]>[] = [];
        store.subscribe(() => reads.push(store.listOperations()));
        const operations = [operation(1), operation(2), operation(3, allNullable())];
        await store.saveOperations(operations);
        await settle();

        expect(heard.map(normalised)).toStrictEqual([
          { kind: 'operations', upserted: operations, deleted: [] },
        ]);
        expect(reads).toHaveLength(1);
        expect(byId(await reads[0]!)).toStrictEqual(operations);
      });

      it('each kind of document is reported as its kind', async () => {
        const store = await openStore();
        const heard = listen(store);
        await store.saveAccounts([account(1)]);
        await store.saveCategories([category(1)]);
        await store.deleteAccounts([accountId('acc-1')]);
        await store.deleteCategories([categoryId('cat-1')]);
        await settle();

        expect(heard.map(normalised)).toStrictEqual([
          { kind: 'accounts', upserted: [account(1)], deleted: [] },
          { kind: 'categories', upserted: [category(1)], deleted: [] },
          { kind: 'accounts', upserted: [], deleted: [accountId('acc-1')] },
          { kind: 'categories', upserted: [], deleted: [categoryId('cat-1')] },
        ]);
      });

      it('a delete reports the ids that were removed, and nothing when none was', async () => {
        const store = await openStore();
        await store.saveOperations([operation(1), operation(2)]);
        const heard = listen(store);
        await store.deleteOperations([operationId('op-2'), operationId('op-unknown')]);
        await store.deleteOperations([operationId('op-unknown')]);
        await store.deleteOperations([]);
        await settle();

        expect(heard.map(normalised)).toStrictEqual([
          { kind: 'operations', upserted: [], deleted: [operationId('op-2')] },
        ]);
      });

      it('a call with nothing to save emits nothing; cache writes emit nothing', async () => {
        const store = await openStore();
        const heard = listen(store);
        await store.saveOperations([]);
        await store.saveAccounts([]);
        await store.saveCategories([]);
        await store.writeCache('balances', { 'acc-1': 100 });
        await settle();
        expect(heard).toEqual([]);
      });

      it('every listener hears every change until it unsubscribes', async () => {
        const store = await openStore();
        const first: LedgerChange[] = [];
        const second: LedgerChange[] = [];
        const stopFirst = store.subscribe((change) => first.push(change));
        store.subscribe((change) => second.push(change));
        await store.saveOperations([operation(1)]);
        stopFirst();
        stopFirst();
        // An update and an insert in one call: still one change.
        const edited = operation(1, { note: 'edited' });
        await store.saveOperations([edited, operation(2)]);
        await settle();

        expect(first).toHaveLength(1);
        expect(second.map(normalised)).toStrictEqual([
          { kind: 'operations', upserted: [operation(1)], deleted: [] },
          { kind: 'operations', upserted: [edited, operation(2)], deleted: [] },
        ]);
      });
    });

    describe('replaceAll', () => {
      it('leaves exactly the snapshot, clears the cache, and emits one reset', async () => {
        const store = await openStore();
        await store.saveCategories([category(1), category(2)]);
        await store.saveAccounts([account(1), account(2)]);
        await store.saveOperations([operation(1), operation(2), operation(3)]);
        await store.writeCache('balances', { 'acc-1': 100 });
        const snapshot: LedgerSnapshot = {
          categories: [category(2, { color: '#000000' }), category(3)],
          accounts: [account(2, { name: 'Restored' })],
          operations: [
            operation(3, { accountId: accountId('acc-2') }),
            operation(4, allNullable()),
          ],
          importBatches: [importBatch(3)],
          rules: [rule(3)],
        };
        const heard = listen(store);
        await store.replaceAll(snapshot);
        await settle();

        expect(heard).toStrictEqual([{ kind: 'reset' }]);
        expect(byId(await store.listCategories())).toStrictEqual(snapshot.categories);
        expect(await store.listAccounts()).toStrictEqual(snapshot.accounts);
        expect(byId(await store.listOperations())).toStrictEqual(snapshot.operations);
        expect(await store.countOperations()).toBe(2);
        expect(await store.listImportBatches()).toStrictEqual(snapshot.importBatches);
        expect(await store.listRules()).toStrictEqual(snapshot.rules);
        expect(await store.readCache('balances')).toBeUndefined();
      });

      it('an empty snapshot empties the ledger', async () => {
        const store = await openStore();
        await store.saveAccounts([account(1)]);
        await store.saveCategories([category(1)]);
        await store.saveOperations([operation(1)]);
        await store.saveImportBatches([importBatch(1)]);
        await store.saveRules([rule(1)]);
        await store.replaceAll({ accounts: [], categories: [], operations: [] });

        expect(await store.listAccounts()).toEqual([]);
        expect(await store.listCategories()).toEqual([]);
        expect(await store.listOperations()).toEqual([]);
        expect(await store.listImportBatches()).toEqual([]);
        expect(await store.listRules()).toEqual([]);
      });

      it('a realistic ledger restores whole', async () => {
        const store = await openStore();
        const ledger = demoLedger(300);
        await store.replaceAll(ledger);

        expect(byId(await store.listAccounts())).toStrictEqual(byId(ledger.accounts));
        expect(byId(await store.listCategories())).toStrictEqual(byId(ledger.categories));
        expect(byId(await store.listOperations())).toStrictEqual(byId(ledger.operations));
      });
    });

    describe('cache', () => {
      it('writes, reads and overwrites values; an unknown key reads as undefined', async () => {
        const store = await openStore();
        expect(await store.readCache('balances')).toBeUndefined();
        await store.writeCache('balances', { 'acc-1': 12_345, 'acc-2': -7 });
        await store.writeCache('count', 3);
        await store.writeCache('nothing', null);
        expect(await store.readCache('balances')).toStrictEqual({ 'acc-1': 12_345, 'acc-2': -7 });
        await store.writeCache('balances', ['now', 'a', 'list']);
        expect(await store.readCache('balances')).toStrictEqual(['now', 'a', 'list']);
        expect(await store.readCache('count')).toBe(3);
        expect(await store.readCache('nothing')).toBeNull();
        expect(await store.readCache('unknown')).toBeUndefined();
      });

      it('values go through JSON and come back as copies', async () => {
        const store = await openStore();
        const value = { at: new Date(NOW), missing: undefined, nested: { list: [1, 'two'] } };
        await store.writeCache('value', value);
        value.nested.list.push(3);
        const read = (await store.readCache('value')) as { nested: { list: unknown[] } };
        read.nested.list.push(4);

        expect(await store.readCache('value')).toStrictEqual({
          at: new Date(NOW).toISOString(),
          nested: { list: [1, 'two'] },
        });
      });

      it('refuses values JSON cannot represent, and over-long keys', async () => {
        const store = await openStore();
        await expect(store.writeCache('undefined', undefined)).rejects.toThrow(TypeError);
        await expect(store.writeCache('function', () => 1)).rejects.toThrow(TypeError);
        const longest = 'k'.repeat(MAX_CACHE_KEY_LENGTH);
        await expect(store.writeCache(`${longest}k`, 1)).rejects.toThrow(RangeError);
        await store.writeCache(longest, 1);
        expect(await store.readCache(longest)).toBe(1);
      });
    });

    describe('volume', () => {
      it(
        'saves 5,000 operations in one call, reported as one change, and reads them back',
        async () => {
          const store = await openStore();
          const ledger = demoLedger(6_000);
          const operations = ledger.operations.slice(0, 5_000);
          const heard = listen(store);
          await store.saveOperations(operations);
          await settle();

          expect(heard).toHaveLength(1);
          expect(heard[0]).toMatchObject({ kind: 'operations', deleted: [] });
          expect(heard[0]!.kind === 'operations' && heard[0]!.upserted.length).toBe(5_000);
          expect(await store.countOperations()).toBe(5_000);
          expect(byId(await store.listOperations())).toStrictEqual(byId(operations));
        },
        BULK_TIMEOUT_MS,
      );
    });

    describe('lifetime', () => {
      it('keeps the ledger and the cache across close and reopen', async () => {
        const name = `ledger-contract-reopen-${++databases}`;
        const ledger = demoLedger(200);
        const first = await openStore(name);
        await first.saveCategories(ledger.categories);
        await first.saveAccounts(ledger.accounts);
        await first.saveOperations(ledger.operations);
        await first.deleteOperations([ledger.operations[0]!.id]);
        await first.writeCache('balances', { 'demo-account-1': 42 });
        await first.close();

        const again = await openStore(name);
        expect(byId(await again.listCategories())).toStrictEqual(byId(ledger.categories));
        expect(byId(await again.listAccounts())).toStrictEqual(byId(ledger.accounts));
        expect(byId(await again.listOperations())).toStrictEqual(byId(ledger.operations.slice(1)));
        expect(await again.readCache('balances')).toStrictEqual({ 'demo-account-1': 42 });

        const other = await openStore();
        expect(await other.countOperations()).toBe(0);
      });

      it('after close every method rejects and listeners hear nothing; closing twice is fine', async () => {
        const store = await openStore();
        const heard = listen(store);
        await store.close();
        await store.close();

        await expect(store.listOperations()).rejects.toThrow();
        await expect(store.countOperations()).rejects.toThrow();
        await expect(store.saveOperations([operation(1)])).rejects.toThrow();
        await expect(store.deleteAccounts([accountId('acc-1')])).rejects.toThrow();
        await expect(
          store.replaceAll({ accounts: [], categories: [], operations: [] }),
        ).rejects.toThrow();
        await expect(store.readCache('balances')).rejects.toThrow();
        await expect(store.writeCache('balances', 1)).rejects.toThrow();
        expect(heard).toEqual([]);
      });
    });
  });
}

function listen(store: LedgerStore): LedgerChange[] {
  const heard: LedgerChange[] = [];
  store.subscribe((change) => heard.push(change));
  return heard;
}

/** Lets late notifications (from change streams, timers) arrive before we count them. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 50));
}

/** Order inside a change is not part of the contract; sort so changes compare. */
function normalised(change: LedgerChange): LedgerChange {
  switch (change.kind) {
    case 'reset':
      return change;
    case 'accounts':
      return { ...change, upserted: byId(change.upserted), deleted: [...change.deleted].sort() };
    case 'categories':
      return { ...change, upserted: byId(change.upserted), deleted: [...change.deleted].sort() };
    case 'operations':
      return { ...change, upserted: byId(change.upserted), deleted: [...change.deleted].sort() };
    case 'importBatches':
      return { ...change, upserted: byId(change.upserted), deleted: [...change.deleted].sort() };
    case 'rules':
      return { ...change, upserted: byId(change.upserted), deleted: [...change.deleted].sort() };
  }
}

function byId<T extends { readonly id: string }>(documents: readonly T[]): T[] {
  return [...documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function demoLedger(targetOperations: number): LedgerSnapshot {
  return generateDemoLedger({
    seed: 7,
    until: isoDate('2025-06-30'),
    years: 3,
    targetOperations,
    accountCount: 4,
    now: NOW,
  });
}

function account(n: number, overrides: Partial<Account> = {}): Account {
  return {
    id: accountId(`acc-${n}`),
    name: `Compte ${n}`,
    institution: 'Banque Exemple',
    type: 'checking',
    currency: currency('EUR'),
    openingBalanceMinor: minor(150_000),
    openingDate: isoDate('2023-01-01'),
    archived: false,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

function category(n: number, overrides: Partial<Category> = {}): Category {
  const base = defaultCategories(NOW)[n % 5]!;
  return {
    ...base,
    id: categoryId(`cat-${n}`),
    name: { en: `${base.name.en} ${n}`, fr: `${base.name.fr} ${n}` },
    parentId: null,
    ...overrides,
  };
}

function operation(n: number, overrides: Partial<Operation> = {}): Operation {
  return {
    id: operationId(`op-${n}`),
    accountId: accountId('acc-1'),
    date: isoDate('2025-03-14'),
    valueDate: isoDate('2025-03-15'),
    amountMinor: minor(-4_250 - n),
    currency: currency('EUR'),
    rawLabel: `CB CARREFOUR 13/03 N°${n}`,
    label: 'Carrefour',
    categoryId: categoryId('cat-1'),
    categorySource: 'model',
    note: 'Courses — semaine 11 🛒',
    origin: 'import',
    externalId: `FITID-${n}`,
    importBatchId: importBatchId('import-2025-03'),
    transferPeerId: operationId(`op-peer-${n}`),
    createdAt: NOW,
    updatedAt: NOW + n,
    ...overrides,
  };
}

function importBatch(n: number, overrides: Partial<ImportBatch> = {}): ImportBatch {
  return {
    id: importBatchId(`batch-${n}`),
    accountId: accountId('acc-1'),
    fileName: `relevé ${n}.csv`,
    format: 'csv',
    bank: 'Crédit Agricole',
    statementAccountId: '0123456X020',
    addedIds: [operationId(`op-${n}`), operationId(`op-${n + 100}`)],
    merged: [operation(n + 200, { origin: 'manual', ...allNullable() })],
    duplicates: n,
    csvMapping: {
      version: 1,
      hasHeader: true,
      date: 'Date',
      label: ['Libellé'],
      amount: 'Montant',
    },
    createdAt: NOW,
    undoneAt: null,
    ...overrides,
  };
}

function rule(n: number, overrides: Partial<Rule> = {}): Rule {
  return {
    id: ruleId(`rule-${n}`),
    name: `Boulangerie ${n}`,
    categoryId: categoryId('cat-1'),
    labelContains: 'boulangerie',
    labelPattern: null,
    amountMinMinor: null,
    amountMaxMinor: null,
    accountId: null,
    enabled: true,
    createdAt: NOW,
    updatedAt: NOW + n,
    ...overrides,
  };
}

function everyCondition(): Partial<Rule> {
  return {
    labelContains: 'Café',
    labelPattern: '^CB\\s+MONOP',
    amountMinMinor: minor(-10_000),
    amountMaxMinor: minor(-1),
    accountId: accountId('acc-2'),
    enabled: false,
  };
}

function allNullable(): Partial<Operation> {
  return {
    valueDate: null,
    categoryId: null,
    categorySource: null,
    externalId: null,
    importBatchId: null,
    transferPeerId: null,
  };
}

function extremes(): Partial<Operation> {
  return {
    amountMinor: minor(-Number.MAX_SAFE_INTEGER),
    currency: currency('JPY'),
    rawLabel: '',
    label: 'x'.repeat(500),
    note: '',
    date: isoDate('2024-02-29'),
    createdAt: 0,
    updatedAt: Number.MAX_SAFE_INTEGER,
  };
}
