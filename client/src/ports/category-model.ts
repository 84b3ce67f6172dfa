import type { AccountId, CategoryId, IsoDate, OperationId, Result } from '@tirelire/shared';
import type { MerchantMemoryEntry, Rule, Suggestion } from '@tirelire/shared/categorize';

/** An operation to categorise: what the rules, the merchant memory and the model look at. */
export interface CategorizeInput {
  id: OperationId;
  rawLabel: string;
  amountMinor: number;
  accountId: AccountId;
  date: IsoDate;
}

/**
 * What the decision needs besides the operations. The merchant memory travels as plain entries
 * (`[...memory]`) so it crosses the worker boundary as data.
 */
export interface CategorizeContext {
  rules: readonly Rule[];
  memory: readonly (readonly [merchantKey: string, entry: MerchantMemoryEntry])[];
  /** The categories that exist now: nothing is suggested outside them. */
  categories: readonly CategoryId[];
  /** Whether the person lets confident suggestions be applied without asking. */
  autoApply: boolean;
}

/** An operation whose category the person chose: what the personal layer learns from. */
export interface ConfirmedOperation {
  rawLabel: string;
  amountMinor: number;
  date: IsoDate;
  categoryId: CategoryId;
}

export type CategorizerStatus =
  | {
      /** The TF.js backend running the model: 'webgl', 'wasm' or 'cpu'. */
      backend: string;
      modelVersion: string;
      /** From the worker's start to the model being usable. */
      loadMs: number;
      /** Operations the personal layer was trained on; 0 when there is none yet. */
      personalTrainedOn: number;
    }
  /** The model could not be loaded: suggestions come from rules and memory only. */
  | { failed: string };

export type CategorizerError =
  /** The request was malformed (it crosses a thread boundary: checked there). */
  | 'invalid_request'
  /** The categoriser stopped (its worker died). */
  | 'unavailable'
  /** Something unexpected went wrong inside (a bug): this call failed, the next may not. */
  | 'internal';

export interface LearnReport {
  /** Confirmed operations the new personal layer learnt from. */
  trainedOn: number;
  ms: number;
}

/**
 * Suggests categories on the device: rules, then merchant memory, then the model (the default
 * model blended with the person's own layer). Adapters decide where it runs: a Web Worker in
 * the app, so classifying thousands of operations never freezes the page.
 *
 * Contract (category-model.contract.ts): one answer per operation, in order, null when nothing
 * fits; bad input is a failed Result, never a rejected promise; without a model, rules and
 * memory still answer; the personal layer learns from confirmed operations and outlives a
 * restart; calls may overlap.
 */
export interface Categorizer {
  /** Resolves once the model has loaded, or failed to. */
  ready(): Promise<CategorizerStatus>;
  suggest(
    operations: readonly CategorizeInput[],
    context: CategorizeContext,
  ): Promise<Result<(Suggestion | null)[], CategorizerError>>;
  /** Retrains the personal layer on all of `confirmed` (not only the new ones), and keeps it. */
  learn(
    confirmed: readonly ConfirmedOperation[],
    categories: readonly CategoryId[],
  ): Promise<Result<LearnReport, CategorizerError>>;
  close(): void;
}
