import { categoryId, type Operation } from '@tirelire/shared';
import type { Suggestion } from '@tirelire/shared/categorize';
import { describe, expect, it } from 'vitest';
import type { ReviewItem } from '../../app/categorization.ts';
import { testOperation } from '../testing/operations.ts';
import { alternativesOf, groupByMerchant, ruleTextFor, shownCategoryOf } from './review-groups.ts';

const suggestion = (category: string, alternatives: string[] = []): Suggestion => ({
  categoryId: categoryId(category),
  confidence: 0.8,
  source: 'model',
  reason: { kind: 'model', personal: false },
  alternatives: alternatives.map((id, rank) => ({
    categoryId: categoryId(id),
    p: 0.5 - rank / 10,
  })),
  autoApply: false,
});

const item = (operation: Operation, suggested?: Suggestion): ReviewItem => ({
  operation,
  suggestion: suggested,
  weight: 0,
});

const merchantOf = (operation: Operation) => operation.label.split(' ')[0] ?? '';

describe('groupByMerchant', () => {
  it('gathers a merchant’s items in queue order, numbering them across groups', () => {
    const items = [
      item(testOperation({ id: 'a', label: 'monop 1' })),
      item(testOperation({ id: 'b', label: 'free 1' })),
      item(testOperation({ id: 'c', label: 'monop 2' })),
      item(testOperation({ id: 'd', label: 'sncf 1' })),
    ];
    const groups = groupByMerchant(items, 100, merchantOf);
    expect(
      groups.map((group) => [
        group.merchant,
        group.entries.map((e) => [e.item.operation.id, e.index]),
      ]),
    ).toEqual([
      [
        'monop',
        [
          ['a', 0],
          ['c', 1],
        ],
      ],
      ['free', [['b', 2]]],
      ['sncf', [['d', 3]]],
    ]);
  });

  it('shows only the first page', () => {
    const items = Array.from({ length: 250 }, (_, n) =>
      item(testOperation({ id: `op-${n}`, label: `m${n % 7} x` })),
    );
    const groups = groupByMerchant(items, 100, merchantOf);
    expect(groups.reduce((sum, group) => sum + group.entries.length, 0)).toBe(100);
  });
});

describe('shownCategoryOf', () => {
  it('prefers the category applied automatically, then the suggestion', () => {
    const auto = testOperation({ id: 'a', categoryId: 'shopping', categorySource: 'model' });
    expect(shownCategoryOf(item(auto, suggestion('groceries')))).toBe('shopping');
    expect(shownCategoryOf(item(testOperation({ id: 'b' }), suggestion('groceries')))).toBe(
      'groceries',
    );
    expect(shownCategoryOf(item(testOperation({ id: 'c' })))).toBeNull();
  });
});

describe('alternativesOf', () => {
  it('offers up to three other existing categories, without repeats', () => {
    const suggested = suggestion('groceries', [
      'groceries',
      'eating_out',
      'gone',
      'shopping',
      'eating_out',
      'health',
      'cash',
    ]);
    const exists = (id: string) => id !== 'gone';
    expect(alternativesOf(suggested, categoryId('groceries'), exists)).toEqual([
      'eating_out',
      'shopping',
      'health',
    ]);
    expect(alternativesOf(undefined, null, exists)).toEqual([]);
  });
});

describe('ruleTextFor', () => {
  it('keeps the merchant key when the labels contain it', () => {
    expect(ruleTextFor('monop', ['CB MONOP 12/03 PARIS', 'CB Monop’ 14/03'])).toBe('monop');
    expect(ruleTextFor('cafe de flore', ['CB CAFÉ DE FLORE'])).toBe('cafe de flore');
  });

  it('falls back to the key’s longest word found in every label', () => {
    expect(ruleTextFor('releve visa', ['PRLV RELEVE CARTE VISA', 'RELEVE CB VISA'])).toBe('releve');
    expect(ruleTextFor('ab cd', ['xyz'])).toBe('ab cd');
  });
});
