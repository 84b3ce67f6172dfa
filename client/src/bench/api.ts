/**
 * What the benchmark page offers to client/bench/ledger.ts, import.ts and categorize.ts (through
 * `window.tirelireBench`).
 */
export interface BenchApi {
  seed(options: {
    operations: number;
    accounts: number;
    years: number;
  }): Promise<{ insertMs: number; operations: number }>;
  search(queries: string[]): Promise<{ loadMs: number; times: number[] }>;
  /** Imports one file into a new account of a fresh database, then imports it again. */
  importStatement(file: { name: string; base64: string }): Promise<ImportTimings>;
  /** Starts one fresh categoriser worker (the app's) and waits for its model. */
  categorizerLoad(): Promise<CategorizerLoadTiming>;
  /** One worker; a warm-up, then `runs` suggest calls of `operations` demo operations each. */
  categorizerSuggest(options: { operations: number; runs: number }): Promise<SuggestTimings>;
  /** One worker; `corrections` corrections, each followed by a suggestion for a sibling. */
  categorizerCorrection(options: { corrections: number }): Promise<CorrectionTimings>;
  /** One worker; `runs` retrainings of the personal layer on `confirmed` operations. */
  categorizerLearn(options: { confirmed: number; runs: number }): Promise<LearnTimings>;
  /** The worker's code on the page's thread, step by step, and a dense TF.js baseline. */
  categorizeOnPage(options: { operations: number; runs: number }): Promise<OnPageTimings>;
}

export interface CategorizerLoadTiming {
  /** From `new Worker` to ready() resolving with a model, seen from the page. */
  readonly ms: number;
  /** What the worker reports: from its script running to the model being usable. */
  readonly workerLoadMs: number;
  readonly backend: string;
  readonly modelVersion: string;
  /** The personal layer read back from IndexedDB at load (0: none stored). */
  readonly personalTrainedOn: number;
}

export interface SuggestTimings {
  readonly operations: number;
  readonly backend: string;
  readonly personalTrainedOn: number;
  /** Round trips of one call: no rules, no merchant memory (every answer from the model). */
  readonly modelOnlyMs: number[];
  /** The same with the merchant memory built from the ledger, as the app calls it. */
  readonly withMemoryMs: number[];
  readonly memoryEntries: number;
  /** Where the answers of the call with memory came from (a check that it did the work). */
  readonly sources: Readonly<Record<string, number>>;
}

export interface CorrectionTimings {
  readonly memoryEntries: number;
  /** Updating the memory with the correction, then the suggest round trip for a sibling. */
  readonly ms: number[];
}

export interface LearnTimings {
  readonly confirmed: number;
  readonly runs: readonly LearnRun[];
}

export interface LearnRun {
  readonly roundTripMs: number;
  /** What the worker reports: features, both models' pass and the training itself. */
  readonly workerMs: number;
  readonly trainedOn: number;
}

export interface OnPageTimings {
  readonly operations: number;
  readonly backend: string;
  /** The worker's API called on this thread (no message passing), no memory. */
  readonly suggestMs: number[];
  /**
   * Steps run alone: checking the request (as the worker does first), featuresOf operation by
   * operation, the sparse model's pass over those features (compared with the dense one).
   */
  readonly validateMs: number[];
  readonly featuresMs: number[];
  readonly sparsePredictMs: number[];
  /** structuredClone of the request and of the answer: the copies postMessage makes. */
  readonly cloneRequestMs: number[];
  readonly cloneAnswerMs: number[];
  /** Round trips of the same request and answer through a worker that computes nothing. */
  readonly echoMs: number[];
  readonly dense: DenseTimings;
}

export interface DenseTimings {
  readonly inputSize: number;
  readonly hidden: number;
  readonly classes: number;
  /** The same features through the dense model: building the multi-hot input, then TF.js. */
  readonly totalMs: number[];
  readonly inputMs: number[];
  readonly tfjsMs: number[];
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
