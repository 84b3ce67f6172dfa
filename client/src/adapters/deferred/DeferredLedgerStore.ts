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
import type { LedgerChange, LedgerStore } from '../../ports/ledger-store.ts';

interface Subscription {
  readonly listener: (change: LedgerChange) => void;
  unsubscribe: (() => void) | null;
  isCancelled: boolean;
}

/**
 * A LedgerStore usable before the real one has opened: every call waits for it, and listeners
 * registered early are attached as soon as it exists. This lets the app paint its first screen
 * while IndexedDB is still opening, without a single "not ready" branch in use cases or UI.
 */
export class DeferredLedgerStore implements LedgerStore {
  private store: LedgerStore | null = null;
  private readonly pending = new Set<Subscription>();

  constructor(private readonly opening: Promise<LedgerStore>) {
    opening.then(
      (store) => {
        this.store = store;
        for (const subscription of this.pending) {
          if (!subscription.isCancelled)
            subscription.unsubscribe = store.subscribe(subscription.listener);
        }
        this.pending.clear();
      },
      // Failures reach every caller through `ready()`; nothing more to do here.
      () => undefined,
    );
  }

  private ready(): Promise<LedgerStore> {
    return this.store ? Promise.resolve(this.store) : this.opening;
  }

  async listAccounts(): Promise<Account[]> {
    return (await this.ready()).listAccounts();
  }
  async listCategories(): Promise<Category[]> {
    return (await this.ready()).listCategories();
  }
  async listOperations(): Promise<Operation[]> {
    return (await this.ready()).listOperations();
  }
  async listRules(): Promise<Rule[]> {
    return (await this.ready()).listRules();
  }
  async saveRules(rules: readonly Rule[]): Promise<void> {
    return (await this.ready()).saveRules(rules);
  }
  async deleteRules(ids: readonly RuleId[]): Promise<void> {
    return (await this.ready()).deleteRules(ids);
  }
  async listImportBatches(): Promise<ImportBatch[]> {
    return (await this.ready()).listImportBatches();
  }
  async saveImportBatches(batches: readonly ImportBatch[]): Promise<void> {
    return (await this.ready()).saveImportBatches(batches);
  }
  async deleteImportBatches(ids: readonly ImportBatchId[]): Promise<void> {
    return (await this.ready()).deleteImportBatches(ids);
  }
  async listOperationsOfAccount(accountId: AccountId): Promise<Operation[]> {
    return (await this.ready()).listOperationsOfAccount(accountId);
  }
  async countOperations(): Promise<number> {
    return (await this.ready()).countOperations();
  }
  async saveAccounts(accounts: readonly Account[]): Promise<void> {
    return (await this.ready()).saveAccounts(accounts);
  }
  async saveCategories(categories: readonly Category[]): Promise<void> {
    return (await this.ready()).saveCategories(categories);
  }
  async saveOperations(operations: readonly Operation[]): Promise<void> {
    return (await this.ready()).saveOperations(operations);
  }
  async deleteAccounts(ids: readonly AccountId[]): Promise<void> {
    return (await this.ready()).deleteAccounts(ids);
  }
  async deleteCategories(ids: readonly CategoryId[]): Promise<void> {
    return (await this.ready()).deleteCategories(ids);
  }
  async deleteOperations(ids: readonly OperationId[]): Promise<void> {
    return (await this.ready()).deleteOperations(ids);
  }
  async replaceAll(snapshot: LedgerSnapshot): Promise<void> {
    return (await this.ready()).replaceAll(snapshot);
  }
  async readCache(key: string): Promise<unknown> {
    return (await this.ready()).readCache(key);
  }
  async writeCache(key: string, value: unknown): Promise<void> {
    return (await this.ready()).writeCache(key, value);
  }

  subscribe(listener: (change: LedgerChange) => void): () => void {
    const subscription: Subscription = { listener, unsubscribe: null, isCancelled: false };
    if (this.store) subscription.unsubscribe = this.store.subscribe(listener);
    else this.pending.add(subscription);
    return () => {
      subscription.isCancelled = true;
      subscription.unsubscribe?.();
      this.pending.delete(subscription);
    };
  }

  async close(): Promise<void> {
    return (await this.ready()).close();
  }
}
