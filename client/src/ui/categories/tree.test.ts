import { categoryId, defaultCategories, type Category, type CategoryId } from '@tirelire/shared';
import { describe, expect, it } from 'vitest';
import { categoryTree, flattenTree, selfAndDescendants, usageCounts } from './tree.ts';

function category(id: string, en: string, fr: string, parent: string | null = null): Category {
  return {
    id: categoryId(id),
    name: { en, fr },
    color: '#123456',
    icon: '',
    parentId: parent === null ? null : categoryId(parent),
    isDefault: false,
    createdAt: 0,
    updatedAt: 0,
  };
}

const names = (nodes: ReturnType<typeof flattenTree>) =>
  nodes.map(({ category: c, depth }) => `${'-'.repeat(depth)}${c.name.en}`);

describe('categoryTree', () => {
  const categories = [
    category('food', 'Food', 'Nourriture'),
    category('bakery', 'Bakery', 'Boulangerie', 'food'),
    category('cafe', 'Cafe', 'Café', 'food'),
    category('eclair', 'Eclairs', 'Éclairs', 'bakery'),
    category('auto', 'Car', 'Voiture'),
  ];

  it('nests children under parents, sorted by name in the chosen language', () => {
    expect(names(flattenTree(categoryTree(categories, 'en')))).toEqual([
      'Car',
      'Food',
      '-Bakery',
      '--Eclairs',
      '-Cafe',
    ]);
    // French order: "Boulangerie" < "Café"; "Nourriture" < "Voiture"; accents sort as letters.
    expect(flattenTree(categoryTree(categories, 'fr')).map((n) => n.category.name.fr)).toEqual([
      'Nourriture',
      'Boulangerie',
      'Éclairs',
      'Café',
      'Voiture',
    ]);
  });

  it('keeps orphans and parent loops at the top level instead of losing them', () => {
    const odd = [
      category('a', 'A', 'A', 'b'),
      category('b', 'B', 'B', 'a'),
      category('c', 'C', 'C', 'gone'),
    ];
    expect(names(flattenTree(categoryTree(odd, 'en')))).toEqual(['A', 'B', 'C']);
  });

  it('lists every default category once', () => {
    const defaults = defaultCategories(0);
    expect(flattenTree(categoryTree(defaults, 'fr'))).toHaveLength(defaults.length);
  });
});

describe('selfAndDescendants', () => {
  it('finds the whole branch, whatever the order of the list', () => {
    const categories = [
      category('eclair', 'Eclairs', 'Éclairs', 'bakery'),
      category('bakery', 'Bakery', 'Boulangerie', 'food'),
      category('food', 'Food', 'Nourriture'),
      category('car', 'Car', 'Voiture'),
    ];
    expect([...selfAndDescendants(categoryId('food'), categories)].sort()).toEqual([
      'bakery',
      'eclair',
      'food',
    ]);
  });
});

describe('usageCounts', () => {
  it('counts operations per category and the uncategorised ones', () => {
    const op = (categoryId: CategoryId | null) => ({ categoryId });
    const counts = usageCounts([op(categoryId('food')), op(categoryId('food')), op(null)]);
    expect(counts.byCategory.get(categoryId('food'))).toBe(2);
    expect(counts.uncategorised).toBe(1);
  });
});
