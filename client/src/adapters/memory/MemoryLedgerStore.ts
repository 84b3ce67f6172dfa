import type {
  Account,
  AccountId,
  Category,
  CategoryId,
  ImportBatch,
  ImportBatchId,
  LedgerSnapshot,
  Rule,
  RuleId,
  Operation,
  OperationId,
} from '@tirelire/shared';
import {
  MAX_CACHE_KEY_LENGTH,
  type LedgerChange,
  type LedgerStore,
} from '../../ports/ledger-store.ts';

/** What one named memory database holds; every store opened on that name shares it. */
export interface MemoryLedgerData {
  readonly accounts: Map<AccountId, Account>;
  readonly categories: Map<CategoryId, Category>;
  readonly operations: Map<OperationId, Operation>;
  readonly importBatches: Map<ImportBatchId, ImportBatch>;
  readonly rules: Map<RuleId, Rule>;
  /** JSON text, so values round-trip exactly as through the IndexedDB adapter. */
  readonly cache: Map<string, string>;
}

export function emptyMemoryLedger(): MemoryLedgerData {
  return {
    accounts: new Map(),
    categories: new Map(),
    operations: new Map(),
    importBatches: new Map(),
    rules: new Map(),
    cache: new Map(),
  };
}

/**
 * Named memory databases, so closing a store and opening the same name finds its data, as with
 * IndexedDB. An object rather than a module-level map: each test or process owns its own.
 */
export class MemoryLedgerDatabases {
  private readonly byName = new Map<string, MemoryLedgerData>();

  open(name: string): Promise<MemoryLedgerStore> {
    let data = this.byName.get(name);
    if (!data) {
      data = emptyMemoryLedger();
      this.byName.set(name, data);
    }
    return Promise.resolve(new MemoryLedgerStore(data));
  }
}

/** One kind of document: where it is kept, and how a change to it is reported. */
interface Table<Id, Doc> {
  readonly map: Map<Id, Doc>;
  readonly change: (upserted: Doc[], deleted: Id[]) => LedgerChange;
}

/**
 * The ledger in plain maps: for tests, a demo without persistence, and as the contract's
 * reference. Documents are cloned on the way in and out, so no caller can change what is stored
 * behind the store's back (which would hide bugs that an IndexedDB adapter reveals).
 * Stores opened on one name share data but not listeners: unlike tabs, they do not hear each other.
 */
export class MemoryLedgerStore implements LedgerStore {
  private readonly listeners = new Set<(change: LedgerChange) => void>();
  private isClosed = false;
  private readonly accounts: Table<AccountId, Account>;
  private readonly categories: Table<CategoryId, Category>;
  private readonly operations: Table<OperationId, Operation>;
  private readonly importBatches: Table<ImportBatchId, ImportBatch>;
  private readonly rules: Table<RuleId, Rule>;

  constructor(private readonly data: MemoryLedgerData = emptyMemoryLedger()) {
    this.accounts = {
      map: data.accounts,
      change: (upserted, deleted) => ({ kind: 'accounts', upserted, deleted }),
    };
    this.categories = {
      map: data.categories,
      change: (upserted, deleted) => ({ kind: 'categories', upserted, deleted }),
    };
    this.operations = {
      map: data.operations,
      change: (upserted, deleted) => ({ kind: 'operations', upserted, deleted }),
    };
    this.importBatches = {
      map: data.importBatches,
      change: (upserted, deleted) => ({ kind: 'importBatches', upserted, deleted }),
    };
    this.rules = {
      map: data.rules,
      change: (upserted, deleted) => ({ kind: 'rules', upserted, deleted }),
    };
  }

  listAccounts(): Promise<Account[]> {
    return this.run(() => structuredClone([...this.data.accounts.values()]));
  }

  listCategories(): Promise<Category[]> {
    return this.run(() => structuredClone([...this.data.categories.values()]));
  }

  listOperations(): Promise<Operation[]> {
    return this.run(() => structuredClone([...this.data.operations.values()]));
  }

  listOperationsOfAccount(accountId: AccountId): Promise<Operation[]> {
    return this.run(() =>
      structuredClone([...this.data.operations.values()].filter((o) => o.accountId === accountId)),
    );
  }

  countOperations(): Promise<number> {
    return this.run(() => this.data.operations.size);
  }

  listImportBatches(): Promise<ImportBatch[]> {
    return this.run(() => structuredClone([...this.data.importBatches.values()]));
  }

  saveAccounts(accounts: readonly Account[]): Promise<void> {
    return this.run(() => this.save(this.accounts, accounts));
  }

  saveCategories(categories: readonly Category[]): Promise<void> {
    return this.run(() => this.save(this.categories, categories));
  }

  saveOperations(operations: readonly Operation[]): Promise<void> {
    return this.run(() => this.save(this.operations, operations));
  }

  listRules(): Promise<Rule[]> {
    return this.run(() => structuredClone([...this.data.rules.values()]));
  }

  saveRules(rules: readonly Rule[]): Promise<void> {
    return this.run(() => this.save(this.rules, rules));
  }

  deleteRules(ids: readonly RuleId[]): Promise<void> {
    return this.run(() => this.remove(this.rules, ids));
  }

  saveImportBatches(batches: readonly ImportBatch[]): Promise<void> {
    return this.run(() => this.save(this.importBatches, batches));
  }

  deleteImportBatches(ids: readonly ImportBatchId[]): Promise<void> {
    return this.run(() => this.remove(this.importBatches, ids));
  }

  deleteAccounts(ids: readonly AccountId[]): Promise<void> {
    return this.run(() => this.remove(this.accounts, ids));
  }

  deleteCategories(ids: readonly CategoryId[]): Promise<void> {
    return this.run(() => this.remove(this.categories, ids));
  }

  deleteOperations(ids: readonly OperationId[]): Promise<void> {
    return this.run(() => this.remove(this.operations, ids));
  }

  replaceAll(snapshot: LedgerSnapshot): Promise<void> {
    return this.run(() => {
      // Cloned before anything is cleared, so a snapshot that cannot be cloned changes nothing.
      const copy = structuredClone(snapshot);
      this.data.cache.clear();
      replaceMap(this.data.accounts, copy.accounts);
      replaceMap(this.data.categories, copy.categories);
      replaceMap(this.data.operations, copy.operations);
      replaceMap(this.data.importBatches, copy.importBatches ?? []);
      replaceMap(this.data.rules, copy.rules ?? []);
      this.emit({ kind: 'reset' });
    });
  }

  readCache(key: string): Promise<unknown> {
    return this.run(() => {
      const json = this.data.cache.get(key);
      return json === undefined ? undefined : (JSON.parse(json) as unknown);
    });
  }

  writeCache(key: string, value: unknown): Promise<void> {
    return this.run(() => {
      if (key.length > MAX_CACHE_KEY_LENGTH)
        throw new RangeError(`Cache keys are at most ${MAX_CACHE_KEY_LENGTH} characters.`);
      // JSON.stringify returns undefined (typed as string) for undefined, functions and symbols.
      const json = JSON.stringify(value) as string | undefined;
      if (json === undefined) throw new TypeError(`The cache value for ${key} is not JSON.`);
      this.data.cache.set(key, json);
    });
  }

  subscribe(listener: (change: LedgerChange) => void): () => void {
    // Wrapped, so subscribing one function twice gives two independent subscriptions.
    const entry = (change: LedgerChange) => listener(change);
    if (!this.isClosed) this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  close(): Promise<void> {
    this.isClosed = true;
    this.listeners.clear();
    return Promise.resolve();
  }

  /** Runs `body` as an async call: rejects (never throws) when closed or when `body` throws. */
  private run<T>(body: () => T): Promise<T> {
    return new Promise((resolve) => {
      if (this.isClosed) throw new Error('This ledger store is closed.');
      resolve(body());
    });
  }

  private save<Id, Doc extends { readonly id: Id }>(
    table: Table<Id, Doc>,
    documents: readonly Doc[],
  ): void {
    if (documents.length === 0) return;
    const latest = new Map<Id, Doc>();
    for (const document of documents) latest.set(document.id, structuredClone(document));
    for (const [id, document] of latest) table.map.set(id, document);
    this.emit(table.change(structuredClone([...latest.values()]), []));
  }

  private remove<Id, Doc>(table: Table<Id, Doc>, ids: readonly Id[]): void {
    const removed = [...new Set(ids)].filter((id) => table.map.delete(id));
    if (removed.length > 0) this.emit(table.change([], removed));
  }

  private emit(change: LedgerChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        // A failing listener is a bug to surface, but not the writer's: its data is saved.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

function replaceMap<Id, Doc extends { readonly id: Id }>(
  map: Map<Id, Doc>,
  documents: readonly Doc[],
): void {
  map.clear();
  for (const document of documents) map.set(document.id, document);
}
