import { categoryName, type Category, type Language } from '@tirelire/shared';
import { localeOf } from '../i18n/i18n.ts';

export interface CategoryOption {
  readonly category: Category;
  /** 0 for a top-level category, 1 for a sub-category shown under its parent. */
  readonly depth: number;
  readonly name: string;
}

/**
 * Categories in the order a select shows them: sorted by name in the current language, each
 * sub-category right under its parent. Every category shows exactly once, even when its parent is
 * gone or a sync left a cycle of parents (it then shows at top level).
 */
export function categoryOptions(
  categories: readonly Category[],
  language: Language,
): CategoryOption[] {
  const collator = new Intl.Collator(localeOf(language), { sensitivity: 'base', numeric: true });
  const byName = [...categories].sort((a, b) =>
    collator.compare(categoryName(a, language), categoryName(b, language)),
  );
  const ids = new Set(categories.map((category) => category.id));
  const options: CategoryOption[] = [];
  const shown = new Set<Category>();
  const visit = (category: Category, depth: number) => {
    if (shown.has(category)) return;
    shown.add(category);
    options.push({ category, depth, name: categoryName(category, language) });
    for (const child of byName) {
      if (child.parentId === category.id) visit(child, depth + 1);
    }
  };
  for (const category of byName) {
    if (category.parentId === null || !ids.has(category.parentId)) visit(category, 0);
  }
  for (const category of byName) visit(category, 0);
  return options;
}
