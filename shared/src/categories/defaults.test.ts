import { describe, expect, it } from 'vitest';
import { categoryName, categorySchema } from './category.ts';
import { DEFAULT_CATEGORY_IDS, defaultCategories } from './defaults.ts';

describe('defaultCategories', () => {
  const categories = defaultCategories(1_700_000_000_000);

  it('are the 17 ids the model predicts, in order', () => {
    expect(DEFAULT_CATEGORY_IDS).toEqual([
      'groceries',
      'eating_out',
      'shopping',
      'transport',
      'housing',
      'utilities_telecom',
      'health',
      'leisure_travel',
      'education_kids',
      'insurance',
      'taxes_gov',
      'bank_fees',
      'loans_credit',
      'cash',
      'income',
      'transfers_savings',
      'other',
    ]);
    expect(categories.map((category) => category.id)).toEqual(DEFAULT_CATEGORY_IDS);
  });

  it('are valid, top-level, default and stamped', () => {
    for (const category of categories) {
      expect(categorySchema.parse(category)).toEqual(category);
      expect(category).toMatchObject({
        parentId: null,
        isDefault: true,
        createdAt: 1_700_000_000_000,
        updatedAt: 1_700_000_000_000,
      });
    }
  });

  it('have distinct colours and names in both languages', () => {
    expect(new Set(categories.map((c) => c.color)).size).toBe(17);
    expect(new Set(categories.map((c) => categoryName(c, 'en'))).size).toBe(17);
    expect(new Set(categories.map((c) => categoryName(c, 'fr'))).size).toBe(17);
    const groceries = categories[0]!;
    expect(categoryName(groceries, 'en')).toBe('Groceries');
    expect(categoryName(groceries, 'fr')).toBe('Alimentation');
  });

  it('are fresh objects each time', () => {
    const again = defaultCategories(1_700_000_000_000);
    expect(again).toEqual(categories);
    expect(again[0]).not.toBe(categories[0]);
  });
});

describe('categorySchema', () => {
  const valid = defaultCategories(1)[0]!;
  it.each([
    ['a colour without #', { color: '2e9d57' }],
    ['a short colour', { color: '#fff' }],
    ['an empty name', { name: { en: ' ', fr: 'x' } }],
    ['a missing language', { name: { en: 'x' } }],
    ['a long icon', { icon: 'x'.repeat(9) }],
  ])('rejects %s', (_, change) => {
    expect(categorySchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});
