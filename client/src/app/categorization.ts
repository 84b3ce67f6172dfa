import { batch, computed, effect, signal } from '@preact/signals';
import {
  buildMerchantMemory,
  normalizeLabel,
  rememberConfirmation,
  type MerchantMemory,
  type Suggestion,
} from '@tirelire/shared/categorize';
import type { CategoryId, Operation, OperationId } from '@tirelire/shared';
import type { Categorizer, CategorizeInput } from '../ports/category-model.ts';
import type { LedgerDeps } from './deps.ts';
import type { LedgerState } from './ledger-state.ts';
import type { PreferencesModel } from './preferences.ts';
import {
  applyAutomaticCategories,
  confirmCategory,
  type AutomaticCategory,
} from './use-cases/categorize.ts';

export type CategorizerStatus =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly backend: string; readonly modelVersion: string }
  /** The model could not load: rules and merchant memory still suggest. */
  | { readonly kind: 'degraded'; readonly reason: string };

export interface ReviewItem {
  readonly operation: Operation;
  readonly suggestion: Suggestion | undefined;
  /** What settling this merchant is worth: the sum of |amount| of its operations in the queue. */
  readonly weight: number;
}

/** Operations still waiting for the person: no category, or one applied for them unconfirmed. */
export function needsReview(operation: Operation): boolean {
  // A transfer between own accounts is not spending or income: it needs no category.
  if (operation.transferPeerId !== null) return false;
  return operation.categoryId === null || operation.categorySource !== 'user';
}

/** Suggestions are asked in slices so a 100k-operation ledger never blocks the worker for long. */
const SUGGEST_SLICE = 5_000;
/** Retraining waits for a pause in corrections, so ten quick clicks cost one training. */
const LEARN_DELAY_MS = 3_000;

/**
 * The categorisation the screens see: a suggestion for every operation that needs one, kept in
 * step with the ledger; confident ones applied (marked until confirmed) when the person allows it;
 * every confirmation remembered at once (merchant memory) and learnt by the personal layer soon
 * after. No operation leaves the device: the categorizer is a worker of this page.
 */
export class CategorizationModel {
  readonly suggestions = signal<ReadonlyMap<OperationId, Suggestion>>(new Map());
  readonly status = signal<CategorizerStatus>({ kind: 'loading' });
  private memory: MerchantMemory = new Map();
  private readonly merchantKeys = new Map<string, string>();
  /** Operation objects already suggested for: the ledger's objects are replaced on every change. */
  private seen = new WeakSet<Operation>();
  private stop: (() => void) | null = null;
  private running: Promise<void> = Promise.resolve();
  private learnTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly deps: LedgerDeps,
    private readonly state: LedgerState,
    private readonly categorizer: Categorizer,
    private readonly preferences: PreferencesModel,
  ) {}

  readonly reviewQueue = computed<readonly ReviewItem[]>(() => {
    const suggestions = this.suggestions.value;
    const waiting = this.state.operations.value.filter(needsReview);
    const weightByMerchant = new Map<string, number>();
    for (const op of waiting) {
      const key = this.merchantKeyOf(op.rawLabel);
      weightByMerchant.set(key, (weightByMerchant.get(key) ?? 0) + Math.abs(op.amountMinor));
    }
    return waiting
      .map((operation) => ({
        operation,
        suggestion: suggestions.get(operation.id),
        weight: weightByMerchant.get(this.merchantKeyOf(operation.rawLabel)) ?? 0,
      }))
      .sort(
        (a, b) =>
          b.weight - a.weight ||
          (a.operation.date < b.operation.date ? 1 : a.operation.date > b.operation.date ? -1 : 0),
      );
  });

  start(): void {
    void this.categorizer.ready().then((ready) => {
      this.status.value =
        'failed' in ready
          ? { kind: 'degraded', reason: ready.failed }
          : { kind: 'ready', backend: ready.backend, modelVersion: ready.modelVersion };
      // A device without a personal layer yet (new device, cleared storage): rebuild it from the
      // choices already in the ledger.
      if (!('failed' in ready) && ready.personalTrainedOn === 0) this.scheduleLearning(0);
    });
    this.stop = effect(() => {
      const operations = this.state.operations.value;
      const loaded = this.state.areOperationsLoaded.value;
      // Rules and the setting are read so that changing them re-suggests.
      const rules = this.state.rules.value;
      const autoApply = this.preferences.value.value.autoCategorize;
      if (!loaded) return;
      void rules;
      void autoApply;
      this.running = this.running.then(() => this.refresh(operations)).catch(() => undefined);
    });
  }

  /** Resolves once the latest change has been suggested for (tests and the benchmark wait on it). */
  settled(): Promise<void> {
    return this.running;
  }

  /** The person accepts the suggestion, or picks another category: theirs from now on. */
  async choose(operationIds: readonly OperationId[], categoryId: CategoryId): Promise<void> {
    const byId = this.state.operationsById.value;
    const operations = operationIds
      .map((id) => byId.get(id))
      .filter((op): op is Operation => op !== undefined);
    const confirmed = await confirmCategory(this.deps, operations, categoryId);
    for (const operation of confirmed) this.memory = rememberConfirmation(this.memory, operation);
    this.scheduleLearning();
  }

  /** Accepts the current suggestion of each operation (one click or key in the review queue). */
  async accept(operationIds: readonly OperationId[]): Promise<void> {
    const suggestions = this.suggestions.value;
    const byCategory = new Map<CategoryId, OperationId[]>();
    for (const id of operationIds) {
      const categoryId =
        suggestions.get(id)?.categoryId ?? this.state.operationsById.value.get(id)?.categoryId;
      if (!categoryId) continue;
      byCategory.set(categoryId, [...(byCategory.get(categoryId) ?? []), id]);
    }
    for (const [categoryId, ids] of byCategory) await this.choose(ids, categoryId);
  }

  close(): void {
    this.stop?.();
    if (this.learnTimer !== null) clearTimeout(this.learnTimer);
    this.categorizer.close();
  }

  private merchantKeyOf(rawLabel: string): string {
    let key = this.merchantKeys.get(rawLabel);
    if (key === undefined) {
      key = normalizeLabel(rawLabel).merchantKey;
      this.merchantKeys.set(rawLabel, key);
    }
    return key;
  }

  /**
   * Suggests for what changed since the last time: new or edited operations, and every operation
   * of a merchant whose memory changed (so one correction moves all its siblings at once).
   */
  private async refresh(operations: readonly Operation[]): Promise<void> {
    const fresh = operations.filter((op) => !this.seen.has(op));
    if (fresh.length === 0 && this.suggestions.value.size > 0) return;
    const isFirst = this.suggestions.value.size === 0 && this.memory.size === 0;
    const before = this.memory;
    this.memory = isFirst
      ? buildMerchantMemory(operations)
      : fresh.reduce(
          (memory, op) =>
            op.categorySource === 'user' ? rememberConfirmation(memory, op) : memory,
          this.memory,
        );
    const changedMerchants = new Set<string>();
    for (const [key, entry] of this.memory)
      if (before.get(key)?.categoryId !== entry.categoryId) changedMerchants.add(key);
    const targets = operations.filter(
      (op) =>
        needsReview(op) &&
        (!this.seen.has(op) || changedMerchants.has(this.merchantKeyOf(op.rawLabel))),
    );
    for (const op of fresh) this.seen.add(op);
    const next = new Map(this.suggestions.value);
    const live = new Set(operations.map((op) => op.id));
    for (const id of next.keys()) if (!live.has(id)) next.delete(id);
    for (const op of operations) if (!needsReview(op)) next.delete(op.id);

    const context = {
      rules: this.state.rules.value,
      memory: [...this.memory],
      categories: this.state.categories.value.map((c) => c.id),
      autoApply: this.preferences.value.value.autoCategorize,
    };
    const automatic: AutomaticCategory[] = [];
    for (let start = 0; start < targets.length; start += SUGGEST_SLICE) {
      const slice = targets.slice(start, start + SUGGEST_SLICE);
      const inputs: CategorizeInput[] = slice.map((op) => ({
        id: op.id,
        rawLabel: op.rawLabel,
        amountMinor: op.amountMinor,
        accountId: op.accountId,
        date: op.date,
      }));
      const answered = await this.categorizer.suggest(inputs, context);
      // A failed answer (the worker stopped) leaves these operations without a suggestion.
      const results = answered.ok ? answered.value : [];
      slice.forEach((op, index) => {
        const suggestion = results[index];
        if (!suggestion) {
          next.delete(op.id);
          return;
        }
        next.set(op.id, suggestion);
        if (suggestion.autoApply && op.categoryId === null)
          automatic.push({
            operation: op,
            categoryId: suggestion.categoryId,
            source: suggestion.source,
          });
      });
    }
    batch(() => {
      this.suggestions.value = next;
    });
    if (context.autoApply && automatic.length > 0)
      await applyAutomaticCategories(this.deps, automatic);
  }

  private scheduleLearning(delayMs = LEARN_DELAY_MS): void {
    if (this.learnTimer !== null) clearTimeout(this.learnTimer);
    this.learnTimer = setTimeout(() => {
      this.learnTimer = null;
      const confirmed = this.state.operations.value
        .filter((op) => op.categorySource === 'user' && op.categoryId !== null)
        .map((op) => ({
          rawLabel: op.rawLabel,
          amountMinor: op.amountMinor,
          date: op.date,
          categoryId: op.categoryId as CategoryId,
        }));
      if (confirmed.length === 0) return;
      void this.categorizer.learn(
        confirmed,
        this.state.categories.value.map((c) => c.id),
      );
    }, delayMs);
  }
}
