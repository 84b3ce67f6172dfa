import { describe, expect, it } from 'vitest';
import { categoryId, defaultCategories, type Category } from '@tirelire/shared';
import { categoryOptions } from './category-options.ts';

const defaults = defaultCategories(0);
const child = (id: string, parent: string, en: string): Category => ({
  ...defaults[0]!,
  id: categoryId(id),
  parentId: categoryId(parent),
  name: { en, fr: en },
  isDefault: false,
});

describe('categoryOptions', () => {
  it('sorts by name in the current language', () => {
    const en = categoryOptions(defaults, 'en').map((option) => option.name);
    expect(en.slice(0, 3)).toEqual(['Bank fees', 'Cash withdrawal', 'Eating out']);
    const fr = categoryOptions(defaults, 'fr').map((option) => option.name);
    expect(fr.slice(0, 3)).toEqual(['Achats', 'Alimentation', 'Assurances']);
    // Accents sort with their letter, not after "Z".
    expect(fr.indexOf('Énergie & télécoms')).toBeLessThan(fr.indexOf('Frais bancaires'));
  });

  it('puts sub-categories under their parent, and shows orphans and cycles once', () => {
    const categories = [
      ...defaults,
      child('bio', 'groceries', 'Organic'),
      child('bakery', 'groceries', 'Bakery'),
      child('orphan', 'missing', 'Orphan'),
      child('loop-a', 'loop-b', 'Loop A'),
      child('loop-b', 'loop-a', 'Loop B'),
    ];
    const options = categoryOptions(categories, 'en');
    expect(options).toHaveLength(categories.length);
    const at = options.findIndex((option) => option.category.id === 'groceries');
    expect(options.slice(at, at + 3).map((o) => [o.name, o.depth])).toEqual([
      ['Groceries', 0],
      ['Bakery', 1],
      ['Organic', 1],
    ]);
    expect(options.find((o) => o.name === 'Orphan')?.depth).toBe(0);
    expect(options.filter((o) => o.name.startsWith('Loop'))).toHaveLength(2);
  });
});
