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
  | {
      readonly kind: 'importBatches';
      readonly upserted: readonly ImportBatch[];
      readonly deleted: readonly ImportBatchId[];
    }
  | {
      readonly kind: 'rules';
      readonly upserted: readonly Rule[];
      readonly deleted: readonly RuleId[];
    }
  /** Everything was replaced (restore): reload from scratch. */
  | { readonly kind: 'reset' };

/** Cache keys are short names, not data: bounded so every adapter can index them. */
export const MAX_CACHE_KEY_LENGTH = 128;

/**
 * The device's ledger: accounts, categories and operations, kept across reloads.
 *
 * Contract (see ledger-store.contract.ts, run by every adapter):
 * - `save*` are upserts by id (when a call repeats an id, its last copy wins). Listeners receive
 *   each call's documents together, in one change, after they are readable. A call with nothing
 *   to save changes nothing and emits nothing.
 * - `delete*` remove by id. Deleting an unknown id is not an error; the change lists the ids that
 *   were actually removed, and a call that removed nothing emits nothing. Deletes do not cascade:
 *   keeping operations consistent with their accounts and categories is the use cases' job.
 * - Reads return documents exactly as saved (deep-equal, no extra keys), in no particular order,
 *   and never objects the store keeps: mutating them changes nothing stored.
 * - `replaceAll` leaves exactly the snapshot, clears the cache, and emits one `reset` (no other
 *   change). It is not atomic: if the page dies half-way, restore again (see each adapter).
 * - Cache entries are small JSON values kept beside the ledger (e.g. balances for a fast first
 *   screen); they are not part of the ledger, emit no change, and `replaceAll` clears them. Values
 *   go through JSON: what comes back is `JSON.parse(JSON.stringify(value))`, a value JSON cannot
 *   represent (`undefined`, a function) is refused with a TypeError, and a key longer than
 *   `MAX_CACHE_KEY_LENGTH` with a RangeError. An unknown key reads as `undefined`.
 * - Changes made by another instance of the same database (another tab) reach listeners too when
 *   the adapter can see them, grouped however that instance wrote them; another instance's
 *   `replaceAll` may arrive as document changes with a `reset` among them.
 * - After `close`, every method rejects and listeners hear nothing more; closing twice is fine.
 */
export interface LedgerStore {
  listAccounts(): Promise<Account[]>;
  listCategories(): Promise<Category[]>;
  listOperations(): Promise<Operation[]>;
  listOperationsOfAccount(accountId: AccountId): Promise<Operation[]>;
  countOperations(): Promise<number>;
  listImportBatches(): Promise<ImportBatch[]>;
  listRules(): Promise<Rule[]>;

  saveAccounts(accounts: readonly Account[]): Promise<void>;
  saveCategories(categories: readonly Category[]): Promise<void>;
  saveOperations(operations: readonly Operation[]): Promise<void>;
  saveImportBatches(batches: readonly ImportBatch[]): Promise<void>;
  saveRules(rules: readonly Rule[]): Promise<void>;

  deleteAccounts(ids: readonly AccountId[]): Promise<void>;
  deleteCategories(ids: readonly CategoryId[]): Promise<void>;
  deleteOperations(ids: readonly OperationId[]): Promise<void>;
  deleteImportBatches(ids: readonly ImportBatchId[]): Promise<void>;
  deleteRules(ids: readonly RuleId[]): Promise<void>;

  replaceAll(snapshot: LedgerSnapshot): Promise<void>;

  readCache(key: string): Promise<unknown>;
  writeCache(key: string, value: unknown): Promise<void>;

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: (change: LedgerChange) => void): () => void;

  close(): Promise<void>;
}
