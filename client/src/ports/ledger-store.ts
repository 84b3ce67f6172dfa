import type {
  Account,
  AccountId,
  Category,
  CategoryId,
  LedgerSnapshot,
  Operation,
  OperationId,
} from '@tirelire/shared';

/** What changed in the store, whoever changed it (this tab, another tab, later: sync). */
export type LedgerChange =
  | {
      readonly kind: 'accounts';
      readonly upserted: readonly Account[];
      readonly deleted: readonly AccountId[];
    }
  | {
      readonly kind: 'categories';
      readonly upserted: readonly Category[];
      readonly deleted: readonly CategoryId[];
    }
  | {
      readonly kind: 'operations';
      readonly upserted: readonly Operation[];
      readonly deleted: readonly OperationId[];
    }
  /** Everything was replaced (restore): reload from scratch. */
  | { readonly kind: 'reset' };

/**
 * The device's ledger: accounts, categories and operations, kept across reloads.
 *
 * Contract (see ledger-store.contract.ts, run by every adapter):
 * - `save*` are upserts by id and are atomic per call in what they report: listeners receive each
 *   call's documents together, after they are readable.
 * - Reads return documents exactly as saved (deep-equal), in no particular order.
 * - Deleting an unknown id is not an error.
 * - `replaceAll` leaves exactly the snapshot, and emits one `reset`.
 * - Cache entries are small JSON values kept beside the ledger (e.g. balances for a fast first
 *   screen); they are not part of the ledger and `replaceAll` clears them.
 */
export interface LedgerStore {
  listAccounts(): Promise<Account[]>;
  listCategories(): Promise<Category[]>;
  listOperations(): Promise<Operation[]>;
  listOperationsOfAccount(accountId: AccountId): Promise<Operation[]>;
  countOperations(): Promise<number>;

  saveAccounts(accounts: readonly Account[]): Promise<void>;
  saveCategories(categories: readonly Category[]): Promise<void>;
  saveOperations(operations: readonly Operation[]): Promise<void>;

  deleteAccounts(ids: readonly AccountId[]): Promise<void>;
  deleteCategories(ids: readonly CategoryId[]): Promise<void>;
  deleteOperations(ids: readonly OperationId[]): Promise<void>;

  replaceAll(snapshot: LedgerSnapshot): Promise<void>;

  readCache(key: string): Promise<unknown>;
  writeCache(key: string, value: unknown): Promise<void>;

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: (change: LedgerChange) => void): () => void;

  close(): Promise<void>;
}
