import { computed, signal, batch } from '@preact/signals';
import {
  accountBalances,
  type Account,
  type AccountId,
  type Category,
  type CategoryId,
  type ImportBatch,
  type MinorUnits,
  type Rule,
  type Operation,
  type OperationId,
} from '@tirelire/shared';
import type { LedgerChange, LedgerStore } from '../ports/ledger-store.ts';
import type { StartupSnapshotStore } from '../ports/startup-snapshot-store.ts';

/**
 * The ledger as the UI sees it: reactive, in memory, always the store's latest state.
 *
 * Writes never touch these signals directly: use cases write to the store, and the store's
 * change stream flows back here. That one path keeps tabs (and, later, synced devices) consistent.
 *
 * Start-up is in three steps so the first screen is fast at 100k operations: the last session's
 * startup snapshot (accounts, categories, balances; read synchronously) paints it; the store then
 * replaces accounts and categories with what it holds; all operations load last, balances are
 * recomputed exactly, and the snapshot is refreshed for the next start.
 */
export class LedgerState {
  readonly accounts = signal<readonly Account[]>([]);
  readonly categories = signal<readonly Category[]>([]);
  readonly operationsById = signal<ReadonlyMap<OperationId, Operation>>(new Map());
  /** Every import, newest first: the history that undo works from. Loaded with the operations. */
  readonly importBatches = signal<readonly ImportBatch[]>([]);
  /** The person's categorisation rules, loaded with accounts and categories. */
  readonly rules = signal<readonly Rule[]>([]);
  readonly isReady = signal(false);
  readonly areOperationsLoaded = signal(false);
  private readonly cachedBalances = signal<ReadonlyMap<AccountId, MinorUnits>>(new Map());
  private unsubscribe: (() => void) | null = null;

  readonly operations = computed(() => [...this.operationsById.value.values()]);

  readonly operationsByAccount = computed(() => {
    const grouped = new Map<AccountId, Operation[]>();
    for (const operation of this.operationsById.value.values()) {
      const list = grouped.get(operation.accountId);
      if (list) list.push(operation);
      else grouped.set(operation.accountId, [operation]);
    }
    return grouped;
  });

  /** Exact once operations are loaded; until then, the balances saved at the last session. */
  readonly balances = computed<ReadonlyMap<AccountId, MinorUnits>>(() =>
    this.areOperationsLoaded.value
      ? accountBalances(this.accounts.value, this.operationsById.value.values())
      : this.cachedBalances.value,
  );

  readonly categoriesById = computed(
    () => new Map<CategoryId, Category>(this.categories.value.map((c) => [c.id, c])),
  );
  readonly accountsById = computed(
    () => new Map<AccountId, Account>(this.accounts.value.map((a) => [a.id, a])),
  );

  constructor(
    private readonly store: LedgerStore,
    private readonly snapshots: StartupSnapshotStore,
  ) {}

  /** Shows the last session's snapshot at once; false when there is none to show. */
  showStartupSnapshot(): boolean {
    const snapshot = this.snapshots.read();
    if (!snapshot) return false;
    batch(() => {
      this.accounts.value = snapshot.accounts;
      this.categories.value = snapshot.categories;
      this.cachedBalances.value = new Map(
        Object.entries(snapshot.balances) as [AccountId, MinorUnits][],
      );
      this.isReady.value = true;
    });
    return true;
  }

  /** Loads accounts and categories from the store; resolves before the operations are loaded. */
  async open(): Promise<void> {
    this.unsubscribe = this.store.subscribe((change) => {
      void this.apply(change);
    });
    const [accounts, categories, rules] = await Promise.all([
      this.store.listAccounts(),
      this.store.listCategories(),
      this.store.listRules(),
    ]);
    batch(() => {
      this.accounts.value = accounts;
      this.categories.value = categories;
      this.rules.value = rules;
      this.isReady.value = true;
    });
  }

  /** Loads every operation; the app calls it right after the first screen is painted. */
  async loadOperations(): Promise<void> {
    const [operations, importBatches] = await Promise.all([
      this.store.listOperations(),
      this.store.listImportBatches(),
    ]);
    batch(() => {
      this.operationsById.value = new Map(operations.map((o) => [o.id, o]));
      this.importBatches.value = newestFirst(importBatches);
      this.areOperationsLoaded.value = true;
    });
    this.saveStartupSnapshot();
  }

  private async apply(change: LedgerChange): Promise<void> {
    switch (change.kind) {
      case 'accounts':
        this.accounts.value = mergeById(this.accounts.value, change.upserted, change.deleted);
        break;
      case 'categories':
        this.categories.value = mergeById(this.categories.value, change.upserted, change.deleted);
        break;
      case 'operations': {
        const next = new Map(this.operationsById.value);
        for (const id of change.deleted) next.delete(id);
        for (const operation of change.upserted) next.set(operation.id, operation);
        this.operationsById.value = next;
        break;
      }
      case 'rules':
        this.rules.value = mergeById(this.rules.value, change.upserted, change.deleted);
        return;
      case 'importBatches':
        this.importBatches.value = newestFirst(
          mergeById(this.importBatches.value, change.upserted, change.deleted),
        );
        return;
      case 'reset':
        await this.reload();
        return;
    }
    this.saveStartupSnapshot();
  }

  private async reload(): Promise<void> {
    const [accounts, categories, operations, importBatches, rules] = await Promise.all([
      this.store.listAccounts(),
      this.store.listCategories(),
      this.store.listOperations(),
      this.store.listImportBatches(),
      this.store.listRules(),
    ]);
    batch(() => {
      this.rules.value = rules;
      this.importBatches.value = newestFirst(importBatches);
      this.accounts.value = accounts;
      this.categories.value = categories;
      this.operationsById.value = new Map(operations.map((o) => [o.id, o]));
      this.areOperationsLoaded.value = true;
    });
    this.saveStartupSnapshot();
  }

  /** Only once balances are exact: a snapshot must never carry guessed figures forward. */
  private saveStartupSnapshot(): void {
    if (!this.areOperationsLoaded.value) return;
    this.snapshots.write({
      accounts: [...this.accounts.value],
      categories: [...this.categories.value],
      balances: Object.fromEntries(this.balances.value),
    });
  }

  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}

function newestFirst(batches: readonly ImportBatch[]): ImportBatch[] {
  return [...batches].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
}

function mergeById<T extends { readonly id: string }>(
  current: readonly T[],
  upserted: readonly T[],
  deleted: readonly string[],
): T[] {
  const byId = new Map(current.map((item) => [item.id, item]));
  for (const id of deleted) byId.delete(id);
  for (const item of upserted) byId.set(item.id, item);
  return [...byId.values()];
}
