/** What the benchmark page offers to client/bench/ledger.ts (through `window.tirelireBench`). */
export interface BenchApi {
  seed(options: {
    operations: number;
    accounts: number;
    years: number;
  }): Promise<{ insertMs: number; operations: number }>;
  search(queries: string[]): Promise<{ loadMs: number; times: number[] }>;
}

declare global {
  interface Window {
    tirelireBench?: BenchApi;
  }
}
