import type { MangoQuery, RxCollection } from 'rxdb';
import type { Subscription } from 'rxjs';
import {
  accountIdSchema,
  accountSchema,
  categoryIdSchema,
  categorySchema,
  importBatchIdSchema,
  importBatchSchema,
  operationIdSchema,
  ruleIdSchema,
  ruleSchema,
  operationSchema,
} from '@tirelire/shared';
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
import { createLedgerDatabase, type LedgerDatabase, type LedgerRxStorage } from './database.ts';
import {
  parseCacheJson,
  toDomain,
  type CorruptDocumentListener,
  type DocumentSchema,
} from './documents.ts';
import { getRxStorageMapped } from './mapped-storage/mapped-storage.ts';
import { ownWriteFilter } from './own-writes.ts';
import { RxdbLedgerReplication } from './replication/RxdbLedgerReplication.ts';
import type { LedgerReplication } from '../../ports/ledger-replication.ts';
import { queryStored, storedIds } from './queries.ts';
import { writeChunks } from './write-chunks.ts';

export interface RxdbLedgerStoreOptions {
  /** Hears about each stored document that failed validation and was skipped. */
  readonly onCorruptDocument?: CorruptDocumentListener;
}

/** One kind of ledger document: its collection, how to check it, how to report a change. */
interface Table<Id extends string, Doc extends { readonly id: Id }> {
  readonly name: 'accounts' | 'categories' | 'operations' | 'importBatches' | 'rules';
  readonly collection: RxCollection<Doc>;
  readonly schema: DocumentSchema<Doc>;
  readonly idSchema: DocumentSchema<Id>;
  readonly change: (upserted: readonly Doc[], deleted: readonly Id[]) => LedgerChange;
}

/**
 * The ledger in RxDB (in the browser: RxDB's memory storage, mapped to IndexedDB in buckets).
 *
 * Change notifications: a save or delete emits its own change once the whole call is written, so
 * each call's documents arrive together. Writes made elsewhere (another tab, through RxDB's
 * multi-instance channel; later, replication) come from RxDB's change stream, which also echoes
 * this store's own writes chunk by chunk: `ownWriteFilter` drops those echoes, so one local write
 * is reported exactly once. Another tab's `replaceAll` also posts a `reset` on a BroadcastChannel.
 */
export class RxdbLedgerStore implements LedgerStore {
  private readonly listeners = new Set<(change: LedgerChange) => void>();
  private readonly subscriptions: Subscription[] = [];
  private readonly resetChannel: BroadcastChannel | null;
  private readonly onCorrupt: CorruptDocumentListener;
  private readonly accounts: Table<AccountId, Account>;
  private readonly categories: Table<CategoryId, Category>;
  private readonly operations: Table<OperationId, Operation>;
  private readonly importBatches: Table<ImportBatchId, ImportBatch>;
  private readonly rules: Table<RuleId, Rule>;
  private isClosed = false;

  constructor(
    private readonly database: LedgerDatabase,
    options: RxdbLedgerStoreOptions = {},
  ) {
    this.onCorrupt =
      options.onCorruptDocument ??
      ((report) => console.warn('Skipped a damaged stored document', report));
    const { accounts, categories, operations, importBatches, rules } = database.collections;
    this.accounts = {
      name: 'accounts',
      collection: accounts,
      schema: accountSchema,
      idSchema: accountIdSchema,
      change: (upserted, deleted) => ({ kind: 'accounts', upserted, deleted }),
    };
    this.categories = {
      name: 'categories',
      collection: categories,
      schema: categorySchema,
      idSchema: categoryIdSchema,
      change: (upserted, deleted) => ({ kind: 'categories', upserted, deleted }),
    };
    this.operations = {
      name: 'operations',
      collection: operations,
      schema: operationSchema,
      idSchema: operationIdSchema,
      change: (upserted, deleted) => ({ kind: 'operations', upserted, deleted }),
    };
    this.importBatches = {
      name: 'importBatches',
      collection: importBatches,
      schema: importBatchSchema,
      idSchema: importBatchIdSchema,
      change: (upserted, deleted) => ({ kind: 'importBatches', upserted, deleted }),
    };
    this.rules = {
      name: 'rules',
      collection: rules,
      schema: ruleSchema,
      idSchema: ruleIdSchema,
      change: (upserted, deleted) => ({ kind: 'rules', upserted, deleted }),
    };
    this.listenToOtherWriters(this.rules);
    this.listenToOtherWriters(this.accounts);
    this.listenToOtherWriters(this.importBatches);
    this.listenToOtherWriters(this.categories);
    this.listenToOtherWriters(this.operations);
    this.resetChannel = database.multiInstance ? this.openResetChannel() : null;
  }

  listAccounts(): Promise<Account[]> {
    return this.find(this.accounts, {});
  }

  listCategories(): Promise<Category[]> {
    return this.find(this.categories, {});
  }

  listOperations(): Promise<Operation[]> {
    return this.find(this.operations, {});
  }

  listOperationsOfAccount(accountId: AccountId): Promise<Operation[]> {
    // Sorted like the [accountId, date] index, so the storage need not sort in memory.
    return this.find(this.operations, {
      selector: { accountId },
      sort: [{ accountId: 'asc' }, { date: 'asc' }],
    });
  }

  async countOperations(): Promise<number> {
    this.ensureOpen();
    return this.operations.collection.count().exec();
  }

  listRules(): Promise<Rule[]> {
    return this.find(this.rules, {});
  }

  saveRules(rules: readonly Rule[]): Promise<void> {
    return this.save(this.rules, rules);
  }

  deleteRules(ids: readonly RuleId[]): Promise<void> {
    return this.remove(this.rules, ids);
  }

  listImportBatches(): Promise<ImportBatch[]> {
    return this.find(this.importBatches, {});
  }

  saveImportBatches(batches: readonly ImportBatch[]): Promise<void> {
    return this.save(this.importBatches, batches);
  }

  deleteImportBatches(ids: readonly ImportBatchId[]): Promise<void> {
    return this.remove(this.importBatches, ids);
  }

  saveAccounts(accounts: readonly Account[]): Promise<void> {
    return this.save(this.accounts, accounts);
  }

  saveCategories(categories: readonly Category[]): Promise<void> {
    return this.save(this.categories, categories);
  }

  saveOperations(operations: readonly Operation[]): Promise<void> {
    return this.save(this.operations, operations);
  }

  deleteAccounts(ids: readonly AccountId[]): Promise<void> {
    return this.remove(this.accounts, ids);
  }

  deleteCategories(ids: readonly CategoryId[]): Promise<void> {
    return this.remove(this.categories, ids);
  }

  deleteOperations(ids: readonly OperationId[]): Promise<void> {
    return this.remove(this.operations, ids);
  }

  /**
   * Not atomic: RxDB has no transaction across collections. The order limits the damage if the
   * page dies half-way: the cache (derived data) goes first, then the snapshot is upserted, and
   * only then is whatever it does not contain removed. An interrupted restore leaves every
   * snapshot document plus some old ones, never a half-empty ledger; restoring again fixes it.
   */
  async replaceAll(snapshot: LedgerSnapshot): Promise<void> {
    this.ensureOpen();
    const { cache } = this.database.collections;
    await removeByIds(cache, await storedIds(cache), () => undefined);
    await this.replaceDocuments(this.categories, snapshot.categories);
    await this.replaceDocuments(this.accounts, snapshot.accounts);
    await this.replaceDocuments(this.operations, snapshot.operations);
    await this.replaceDocuments(this.importBatches, snapshot.importBatches ?? []);
    await this.replaceDocuments(this.rules, snapshot.rules ?? []);
    this.resetChannel?.postMessage(RESET_MESSAGE);
    this.emit({ kind: 'reset' });
  }

  async readCache(key: string): Promise<unknown> {
    this.ensureOpen();
    const document = await this.database.collections.cache.findOne(key).exec();
    return document ? parseCacheJson(key, document.get('json'), this.onCorrupt) : undefined;
  }

  async writeCache(key: string, value: unknown): Promise<void> {
    this.ensureOpen();
    if (key.length > MAX_CACHE_KEY_LENGTH)
      throw new RangeError(`Cache keys are at most ${MAX_CACHE_KEY_LENGTH} characters.`);
    // JSON.stringify returns undefined (typed as string) for undefined, functions and symbols.
    const json = JSON.stringify(value) as string | undefined;
    if (json === undefined) throw new TypeError(`The cache value for ${key} is not JSON.`);
    await this.database.collections.cache.upsert({ key, json });
  }

  /** Replication of this store's synced collections with the sync server (issue 6). */
  replication(): LedgerReplication {
    return new RxdbLedgerReplication(this.database);
  }

  subscribe(listener: (change: LedgerChange) => void): () => void {
    // Wrapped, so subscribing one function twice gives two independent subscriptions.
    const entry = (change: LedgerChange) => listener(change);
    if (!this.isClosed) this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    this.listeners.clear();
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.resetChannel?.close();
    await this.database.close();
  }

  private async find<Id extends string, Doc extends { readonly id: Id }>(
    table: Table<Id, Doc>,
    query: MangoQuery<Doc>,
  ): Promise<Doc[]> {
    this.ensureOpen();
    const stored = await queryStored(table.collection, query);
    return toDomain(table.name, table.schema, stored, this.onCorrupt);
  }

  private async save<Id extends string, Doc extends { readonly id: Id }>(
    table: Table<Id, Doc>,
    documents: readonly Doc[],
  ): Promise<void> {
    this.ensureOpen();
    // The last copy of a repeated id wins, as a sequence of upserts would have it.
    const latest = [...new Map(documents.map((document) => [document.id, document])).values()];
    const written = new Set<Id>();
    try {
      for (const chunk of writeChunks(latest, (document) => document.id)) {
        const result = await table.collection.bulkUpsert(chunk);
        const ok = new Set(result.success.map((document) => document.primary));
        for (const document of chunk) if (ok.has(document.id)) written.add(document.id);
        if (result.error.length > 0) throw writeError(table.name, result.error.length);
      }
    } finally {
      // Report what did get written even when a later chunk failed, so listeners stay in step;
      // in the caller's order, whatever order the chunks were written in.
      const change = latest.filter((document) => written.has(document.id));
      if (change.length > 0) this.emit(table.change(change, []));
    }
  }

  private async remove<Id extends string, Doc extends { readonly id: Id }>(
    table: Table<Id, Doc>,
    ids: readonly Id[],
  ): Promise<void> {
    this.ensureOpen();
    const unique = [...new Set(ids)];
    const removed = new Set<Id>();
    try {
      // RxDB skips unknown ids and reports only the documents it removed.
      await removeByIds(table.collection, unique, (id) => removed.add(id));
    } finally {
      if (removed.size > 0)
        this.emit(
          table.change(
            [],
            unique.filter((id) => removed.has(id)),
          ),
        );
    }
  }

  private async replaceDocuments<Id extends string, Doc extends { readonly id: Id }>(
    table: Table<Id, Doc>,
    documents: readonly Doc[],
  ): Promise<void> {
    for (const chunk of writeChunks(documents, (document) => document.id)) {
      const result = await table.collection.bulkUpsert(chunk);
      if (result.error.length > 0) throw writeError(table.name, result.error.length);
    }
    const keep = new Set<string>(documents.map((document) => document.id));
    const stale = (await storedIds(table.collection)).filter((id) => !keep.has(id));
    await removeByIds(table.collection, stale, () => undefined);
  }

  private listenToOtherWriters<Id extends string, Doc extends { readonly id: Id }>(
    table: Table<Id, Doc>,
  ): void {
    const isOwnWrite = ownWriteFilter(this.database.token);
    const subscription = table.collection.eventBulks$.subscribe((bulk) => {
      if (this.isClosed || bulk.isLocal || isOwnWrite(bulk)) return;
      const upserted: unknown[] = [];
      const deleted: unknown[] = [];
      for (const event of bulk.events) {
        if (event.operation === 'DELETE') deleted.push(event.documentId);
        else upserted.push(event.documentData);
      }
      const valid = toDomain(table.name, table.schema, upserted, this.onCorrupt);
      const validIds = toDomain(table.name, table.idSchema, deleted, this.onCorrupt);
      if (valid.length + validIds.length > 0) this.emit(table.change(valid, validIds));
    });
    this.subscriptions.push(subscription);
  }

  private openResetChannel(): BroadcastChannel {
    const channel = new BroadcastChannel(`tirelire-ledger-reset|${this.database.name}`);
    // Messages are untrusted like any input: only the exact reset message counts.
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (!this.isClosed && event.data === RESET_MESSAGE) this.emit({ kind: 'reset' });
    };
    return channel;
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

  private ensureOpen(): void {
    if (this.isClosed) throw new Error('This ledger store is closed.');
  }
}

const RESET_MESSAGE = 'reset';

/** Removes documents in chunks, calling `onRemoved` for each one that existed. */
async function removeByIds<Doc, Id extends string>(
  collection: RxCollection<Doc>,
  ids: readonly Id[],
  onRemoved: (id: Id) => void,
): Promise<void> {
  for (const chunk of writeChunks(ids, (id) => id)) {
    const result = await collection.bulkRemove(chunk);
    const removed = new Set(result.success.map((document) => document.primary));
    for (const id of chunk) if (removed.has(id)) onRemoved(id);
    if (result.error.length > 0) throw writeError(collection.name, result.error.length);
  }
}

function writeError(collection: string, failures: number): Error {
  return new Error(`Could not write ${failures} document(s) to ${collection}.`);
}

export interface OpenRxdbLedgerStoreOptions extends RxdbLedgerStoreOptions {
  readonly name: string;
  /**
   * The memory-mapped storage over the browser's IndexedDB when omitted (mapped-storage/); tests
   * pass it, or Dexie, over fake-indexeddb.
   */
  readonly storage?: LedgerRxStorage;
  /** Whether other tabs on the same database are heard (true in browsers). Default true. */
  readonly multiInstance?: boolean;
}

/** Opens the ledger named `name`, migrating it to the current schemas first. */
export async function openRxdbLedgerStore(
  options: OpenRxdbLedgerStoreOptions,
): Promise<RxdbLedgerStore> {
  const database = await createLedgerDatabase({
    name: options.name,
    storage: options.storage ?? getRxStorageMapped(),
    multiInstance: options.multiInstance ?? true,
  });
  return new RxdbLedgerStore(database, options);
}
