import { describe, expect, it } from 'vitest';
import { testCategory, testOperation } from '../testing/operations.ts';
import {
  monthsEndingWith,
  OTHER_KEY,
  spendingByCategory,
  UNCATEGORISED_KEY,
} from './spending-by-category.ts';

const categories = [
  testCategory('groceries'),
  testCategory('eating_out'),
  testCategory('bakery', 'eating_out'),
  testCategory('housing'),
];

describe('monthsEndingWith', () => {
  it('lists months oldest first, across a year boundary', () => {
    expect(monthsEndingWith('2025-02', 4)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });
});

describe('spendingByCategory', () => {
  it('sums spending per top-level category and month, as positive amounts', () => {
    const operations = [
      testOperation({ id: '1', date: '2025-03-02', amountMinor: -1250, categoryId: 'groceries' }),
      testOperation({ id: '2', date: '2025-03-20', amountMinor: -750, categoryId: 'groceries' }),
      testOperation({ id: '3', date: '2025-02-10', amountMinor: -400, categoryId: 'bakery' }),
      testOperation({ id: '4', date: '2025-03-11', amountMinor: -600, categoryId: 'eating_out' }),
      testOperation({ id: '5', date: '2025-03-11', amountMinor: -300 }),
    ];
    const [eur, ...others] = spendingByCategory(operations, categories, '2025-03', { months: 3 });
    expect(others).toEqual([]);
    expect(eur?.months).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(eur?.series.map((s) => [s.key, s.kind, s.values, s.total])).toEqual([
      ['groceries', 'category', [0, 0, 2000], 2000],
      ['eating_out', 'category', [0, 400, 600], 1000],
      [UNCATEGORISED_KEY, 'uncategorised', [0, 0, 300], 300],
    ]);
    expect(eur?.monthTotals).toEqual([0, 400, 2900]);
    expect(eur?.total).toBe(3300);
  });

  it('leaves out income, transfers between own accounts, and months outside the window', () => {
    const operations = [
      testOperation({ id: '1', date: '2025-03-02', amountMinor: 5000, categoryId: 'groceries' }),
      testOperation({ id: '2', date: '2025-03-02', amountMinor: -5000, origin: 'transfer' }),
      testOperation({ id: '3', date: '2025-03-02', amountMinor: -5000, transferPeerId: 'x' }),
      testOperation({ id: '4', date: '2024-12-31', amountMinor: -100, categoryId: 'groceries' }),
      testOperation({ id: '5', date: '2025-04-01', amountMinor: -100, categoryId: 'groceries' }),
    ];
    expect(spendingByCategory(operations, categories, '2025-03', { months: 3 })).toEqual([]);
  });

  it('keeps currencies apart, never adding them', () => {
    const operations = [
      testOperation({ id: '1', date: '2025-03-02', amountMinor: -100, categoryId: 'groceries' }),
      testOperation({
        id: '2',
        date: '2025-03-02',
        amountMinor: -90000,
        currency: 'JPY',
        categoryId: 'groceries',
      }),
    ];
    const result = spendingByCategory(operations, categories, '2025-03', { months: 1 });
    expect(result.map((entry) => [entry.currency, entry.total])).toEqual([
      ['JPY', 90000],
      ['EUR', 100],
    ]);
  });

  it('groups the smaller categories as “other”, and counts a deleted category as uncategorised', () => {
    const many = Array.from({ length: 5 }, (_, n) => testCategory(`c${n}`));
    const operations = [
      ...many.map((category, n) =>
        testOperation({
          id: `o${n}`,
          date: '2025-03-01',
          amountMinor: -(n + 1) * 100,
          categoryId: category.id,
        }),
      ),
      testOperation({ id: 'gone', date: '2025-03-01', amountMinor: -50, categoryId: 'deleted' }),
    ];
    const [eur] = spendingByCategory(operations, many, '2025-03', { months: 1, maxCategories: 2 });
    expect(eur?.series.map((s) => [s.key, s.total])).toEqual([
      ['c4', 500],
      ['c3', 400],
      [OTHER_KEY, 600],
      [UNCATEGORISED_KEY, 50],
    ]);
  });

  it('does not make an “other” of a single category', () => {
    const three = Array.from({ length: 3 }, (_, n) => testCategory(`c${n}`));
    const operations = three.map((category, n) =>
      testOperation({
        id: `o${n}`,
        date: '2025-03-01',
        amountMinor: -100 * (n + 1),
        categoryId: category.id,
      }),
    );
    const [eur] = spendingByCategory(operations, three, '2025-03', { months: 1, maxCategories: 2 });
    expect(eur?.series.map((s) => s.key)).toEqual(['c2', 'c1', 'c0']);
  });

  it('survives a cycle of parents', () => {
    const cyclic = [testCategory('a', 'b'), testCategory('b', 'a')];
    const operations = [
      testOperation({ id: '1', date: '2025-03-01', amountMinor: -100, categoryId: 'a' }),
    ];
    const [eur] = spendingByCategory(operations, cyclic, '2025-03', { months: 1 });
    expect(eur?.total).toBe(100);
  });
});
