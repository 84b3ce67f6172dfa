import {
  DEFAULT_CATEGORY_IDS,
  generateDemoLedger,
  isoDate,
  type CategoryId,
  type Operation,
} from '@tirelire/shared';
import type {
  CategorizeContext,
  CategorizeInput,
  ConfirmedOperation,
} from '../ports/category-model.ts';

/** The categorisation benchmark's load: demo operations with realistic raw bank labels. */
export interface CategorizeLoad {
  /** The first `operations`, as the worker receives them. */
  readonly inputs: CategorizeInput[];
  /** Every generated operation (the ledger the memory is built from). */
  readonly ledger: readonly Operation[];
  readonly categories: readonly CategoryId[];
}

/** Generated once per page: the same operations for every measurement and every run. */
const ledgers = new Map<number, readonly Operation[]>();

function demoLedger(operations: number): readonly Operation[] {
  let ledger = ledgers.get(operations);
  if (!ledger) {
    // A little more than asked: the generator aims at the target, it does not hit it exactly.
    ledger = generateDemoLedger({
      seed: 42,
      now: Date.UTC(2026, 10, 25),
      until: isoDate('2026-11-25'),
      years: 3,
      accountCount: 2,
      targetOperations: Math.ceil(operations * 1.2),
    }).operations;
    ledgers.set(operations, ledger);
  }
  return ledger;
}

export function categorizeLoad(operations: number): CategorizeLoad {
  const ledger = demoLedger(operations);
  if (ledger.length < operations) throw new Error(`only ${ledger.length} demo operations`);
  return {
    inputs: ledger.slice(0, operations).map(toInput),
    ledger,
    categories: DEFAULT_CATEGORY_IDS,
  };
}

export function toInput(operation: Operation): CategorizeInput {
  const { id, rawLabel, amountMinor, accountId, date } = operation;
  return { id, rawLabel, amountMinor, accountId, date };
}

/** The operations whose category the person chose, as the personal layer learns from them. */
export function confirmedOf(ledger: readonly Operation[]): ConfirmedOperation[] {
  const confirmed: ConfirmedOperation[] = [];
  for (const { rawLabel, amountMinor, date, categoryId, categorySource } of ledger)
    if (categorySource === 'user' && categoryId !== null)
      confirmed.push({ rawLabel, amountMinor, date, categoryId });
  return confirmed;
}

/** The app's context with no rules: `memory` as CategorizationModel passes it. */
export function contextOf(
  categories: readonly CategoryId[],
  memory: CategorizeContext['memory'] = [],
): CategorizeContext {
  return { rules: [], memory, categories, autoApply: true };
}
