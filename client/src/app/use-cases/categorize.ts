import type { CategoryId, CategorySource, Operation } from '@tirelire/shared';
import type { LedgerDeps } from '../deps.ts';

/**
 * The person chose (or confirmed) the category of these operations: it becomes theirs
 * (`categorySource: 'user'`), which is what merchant memory and the personal layer learn from.
 */
export async function confirmCategory(
  deps: LedgerDeps,
  operations: readonly Operation[],
  categoryId: CategoryId,
): Promise<Operation[]> {
  const now = deps.clock.now();
  const confirmed = operations.map((operation) => ({
    ...operation,
    categoryId,
    categorySource: 'user' as const,
    updatedAt: now,
  }));
  await deps.store.saveOperations(confirmed);
  return confirmed;
}

/** A category applied on the person's behalf: marked with where it came from until they confirm. */
export interface AutomaticCategory {
  readonly operation: Operation;
  readonly categoryId: CategoryId;
  readonly source: Exclude<CategorySource, 'user'>;
}

/**
 * Applies confident suggestions to uncategorised operations. An operation that got a category in
 * the meantime (the person was quicker) is left alone.
 */
export async function applyAutomaticCategories(
  deps: LedgerDeps,
  changes: readonly AutomaticCategory[],
): Promise<Operation[]> {
  const now = deps.clock.now();
  const applied = changes
    .filter((change) => change.operation.categoryId === null)
    .map((change) => ({
      ...change.operation,
      categoryId: change.categoryId,
      categorySource: change.source,
      updatedAt: now,
    }));
  if (applied.length > 0) await deps.store.saveOperations(applied);
  return applied;
}
