import type { Category, CategoryId, Language, Operation } from '@tirelire/shared';

export interface CategoryNode {
  readonly category: Category;
  readonly children: readonly CategoryNode[];
}

/**
 * Categories as a tree sorted by name in the person's language. A category whose parent is
 * missing (or that sits in a parent loop, which a synced edit could create) is shown at the top
 * level rather than lost.
 */
export function categoryTree(categories: readonly Category[], language: Language): CategoryNode[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  const byName = (a: Category, b: Category) => collator.compare(a.name[language], b.name[language]);
  const ids = new Set(categories.map((category) => category.id));
  const childrenOf = new Map<CategoryId | null, Category[]>();
  for (const category of categories) {
    const parent =
      category.parentId !== null && ids.has(category.parentId) && !isInLoop(category, categories)
        ? category.parentId
        : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), category]);
  }
  const build = (parent: CategoryId | null): CategoryNode[] =>
    (childrenOf.get(parent) ?? [])
      .sort(byName)
      .map((category) => ({ category, children: build(category.id) }));
  return build(null);
}

function isInLoop(category: Category, categories: readonly Category[]): boolean {
  const parents = new Map(categories.map((c) => [c.id, c.parentId]));
  const seen = new Set<CategoryId>([category.id]);
  let current = category.parentId;
  while (current !== null) {
    if (seen.has(current)) return true;
    seen.add(current);
    current = parents.get(current) ?? null;
  }
  return false;
}

/** The tree flattened in display order, with each category's depth (for indented <option>s). */
export function flattenTree(
  nodes: readonly CategoryNode[],
  depth = 0,
): { readonly category: Category; readonly depth: number }[] {
  return nodes.flatMap((node) => [
    { category: node.category, depth },
    ...flattenTree(node.children, depth + 1),
  ]);
}

/** A category and everything under it: none of them may become its parent. */
export function selfAndDescendants(
  id: CategoryId,
  categories: readonly Category[],
): Set<CategoryId> {
  const found = new Set<CategoryId>([id]);
  let hasGrown = true;
  while (hasGrown) {
    hasGrown = false;
    for (const category of categories) {
      if (category.parentId !== null && found.has(category.parentId) && !found.has(category.id)) {
        found.add(category.id);
        hasGrown = true;
      }
    }
  }
  return found;
}

/** How many operations use each category, and how many have none; one pass. */
export function usageCounts(operations: Iterable<Pick<Operation, 'categoryId'>>): {
  readonly byCategory: ReadonlyMap<CategoryId, number>;
  readonly uncategorised: number;
} {
  const byCategory = new Map<CategoryId, number>();
  let uncategorised = 0;
  for (const { categoryId } of operations) {
    if (categoryId === null) uncategorised += 1;
    else byCategory.set(categoryId, (byCategory.get(categoryId) ?? 0) + 1);
  }
  return { byCategory, uncategorised };
}
