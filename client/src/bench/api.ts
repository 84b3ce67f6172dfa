/** What the benchmark page offers to client/bench/ledger.ts (through `window.tirelireBench`). */
export interface BenchApi {
  seed(options: {
    operations: number;
    accounts: number;
    years: number;
  }): Promise<{ insertMs: number; operations: number }>;
  search(queries: string[]): Promise<{ loadMs: number; times: number[] }>;
  /** Imports one file into a new account of a fresh database, then imports it again. */
  importStatement(file: { name: string; base64: string }): Promise<ImportTimings>;
}

export interface ImportTimings {
  readonly rows: number;
  /** Decoding and parsing, in the statement worker (message passing included). */
  readonly readMs: number;
  /** Dedup against the account's operations. */
  readonly planMs: number;
  /** Writing the batch and the operations to RxDB (IndexedDB). */
  readonly storeMs: number;
  readonly totalMs: number;
  readonly added: number;
  /** The same file again: read, plan against everything just stored, write nothing. */
  readonly reimportMs: number;
  readonly reimportAdded: number;
}

declare global {
  interface Window {
    tirelireBench?: BenchApi;
  }
}
