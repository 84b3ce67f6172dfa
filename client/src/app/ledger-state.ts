import { computed, signal, batch } from '@preact/signals';
import {
  accountBalances,
  minorUnitsSchema,
  accountIdSchema,
  type Account,
  type AccountId,
  type Category,
  type CategoryId,
  type MinorUnits,
  type Operation,
  type OperationId,
} from '@tirelire/shared';
import { z } from 'zod';
import type { LedgerChange, LedgerStore } from '../ports/ledger-store.ts';

const BALANCE_CACHE_KEY = 'balances-v1';
const balanceCacheSchema = z.record(accountIdSchema, minorUnitsSchema);

/**
 * The ledger as the UI sees it: reactive, in memory, always the store's latest state.
 *
 * Writes never touch these signals directly: use cases write to the store, and the store's
 * change stream flows back here. That one path keeps tabs (and, later, synced devices) consistent.
 *
 * Start-up is in two steps so the first screen is fast at 100k operations: accounts, categories
 * and the cached balances come first (a few documents); all operations load after, and then the
 * balances are recomputed exactly and the cache refreshed.
 */
export class LedgerState {
  readonly accounts = signal<readonly Account[]>([]);
  readonly categories = signal<readonly Category[]>([]);
  readonly operationsById = signal<ReadonlyMap<OperationId, Operation>>(new Map());
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

  constructor(private readonly store: LedgerStore) {}

  /** Loads the first screen's data; resolves before the operations are all in memory. */
  async open(): Promise<void> {
    this.unsubscribe = this.store.subscribe((change) => {
      void this.apply(change);
    });
    const [accounts, categories, cache] = await Promise.all([
      this.store.listAccounts(),
      this.store.listCategories(),
      this.store.readCache(BALANCE_CACHE_KEY),
    ]);
    const balances = balanceCacheSchema.safeParse(cache);
    batch(() => {
      this.accounts.value = accounts;
      this.categories.value = categories;
      if (balances.success)
        this.cachedBalances.value = new Map(
          Object.entries(balances.data) as [AccountId, MinorUnits][],
        );
      this.isReady.value = true;
    });
  }

  /** Loads every operation; the app calls it right after the first screen is painted. */
  async loadOperations(): Promise<void> {
    const operations = await this.store.listOperations();
    batch(() => {
      this.operationsById.value = new Map(operations.map((o) => [o.id, o]));
      this.areOperationsLoaded.value = true;
    });
    await this.saveBalanceCache();
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
      case 'reset':
        await this.reload();
        return;
    }
    if (this.areOperationsLoaded.value && change.kind !== 'categories')
      await this.saveBalanceCache();
  }

  private async reload(): Promise<void> {
    const [accounts, categories, operations] = await Promise.all([
      this.store.listAccounts(),
      this.store.listCategories(),
      this.store.listOperations(),
    ]);
    batch(() => {
      this.accounts.value = accounts;
      this.categories.value = categories;
      this.operationsById.value = new Map(operations.map((o) => [o.id, o]));
      this.areOperationsLoaded.value = true;
    });
    await this.saveBalanceCache();
  }

  private async saveBalanceCache(): Promise<void> {
    await this.store.writeCache(BALANCE_CACHE_KEY, Object.fromEntries(this.balances.value));
  }

  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
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
