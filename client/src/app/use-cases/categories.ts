import {
  categoryId,
  categorySchema,
  fail,
  ok,
  type Category,
  type CategoryId,
  type Operation,
  type Result,
} from '@tirelire/shared';
import type { LedgerDeps } from '../deps.ts';

export type CategoryError = 'invalid' | 'same_category' | 'not_found';

export interface CategoryDraft {
  readonly name: { readonly en: string; readonly fr: string };
  readonly color: string;
  readonly icon: string;
  readonly parentId: CategoryId | null;
}

export async function addCategory(
  deps: LedgerDeps,
  draft: CategoryDraft,
): Promise<Result<Category, CategoryError>> {
  const now = deps.clock.now();
  const parsed = categorySchema.safeParse({
    ...draft,
    id: categoryId(`c_${deps.newId()}`.slice(0, 64).replace(/[^A-Za-z0-9_-]/g, '')),
    isDefault: false,
    createdAt: now,
    updatedAt: now,
  });
  if (!parsed.success)
    return fail('invalid', parsed.error.issues[0]?.message ?? 'Invalid category');
  await deps.store.saveCategories([parsed.data]);
  return ok(parsed.data);
}

/** Renames, recolours or re-parents a category; its id (what operations point at) never changes. */
export async function updateCategory(
  deps: LedgerDeps,
  category: Category,
  draft: CategoryDraft,
): Promise<Result<Category, CategoryError>> {
  const parsed = categorySchema.safeParse({ ...category, ...draft, updatedAt: deps.clock.now() });
  if (!parsed.success)
    return fail('invalid', parsed.error.issues[0]?.message ?? 'Invalid category');
  if (parsed.data.parentId === category.id)
    return fail('invalid', 'A category cannot be its own parent');
  await deps.store.saveCategories([parsed.data]);
  return ok(parsed.data);
}

/**
 * Deletes a category, moving its operations (and sub-categories) to `replacement`, or leaving
 * them uncategorised when it is null. Merging A into B is deleting A with B as the replacement.
 * Operations are reassigned before the category goes, so none ever points at a missing one.
 */
export async function deleteCategory(
  deps: LedgerDeps,
  category: Category,
  replacement: CategoryId | null,
  allCategories: readonly Category[],
  allOperations: readonly Operation[],
): Promise<Result<number, CategoryError>> {
  if (replacement === category.id) return fail('same_category', 'Choose another category');
  if (replacement !== null && !allCategories.some((c) => c.id === replacement))
    return fail('not_found', 'The replacement category does not exist');
  const now = deps.clock.now();
  const moved = allOperations
    .filter((operation) => operation.categoryId === category.id)
    .map((operation) => ({
      ...operation,
      categoryId: replacement,
      categorySource: replacement === null ? null : operation.categorySource,
      updatedAt: now,
    }));
  if (moved.length > 0) await deps.store.saveOperations(moved);
  const children = allCategories
    .filter((child) => child.parentId === category.id)
    .map((child) => ({
      ...child,
      parentId: replacement === child.id ? null : replacement,
      updatedAt: now,
    }));
  if (children.length > 0) await deps.store.saveCategories(children);
  // Rules follow their category like operations do: moved, or gone with it.
  const rules = (await deps.store.listRules()).filter((rule) => rule.categoryId === category.id);
  if (replacement === null) await deps.store.deleteRules(rules.map((rule) => rule.id));
  else
    await deps.store.saveRules(
      rules.map((rule) => ({ ...rule, categoryId: replacement, updatedAt: now })),
    );
  await deps.store.deleteCategories([category.id]);
  return ok(moved.length);
}
