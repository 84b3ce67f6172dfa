import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeOperation } from '../testing/fixtures.ts';
import { minor } from '../money/money.ts';
import { isoDate } from './dates.ts';
import { categoryId } from './ids.ts';
import type { Operation } from './operation.ts';
import { compareBy, operationPredicate, searchKey, type OperationFilter } from './query.ts';

const coffee = makeOperation({
  id: 'coffee',
  label: 'CAFÉ DE FLORE',
  rawLabel: 'CB CAFE DE FLORE 12/03 PARIS',
  note: 'Réunion avec Zoé',
  date: '2024-03-12',
  amountMinor: -450,
  categoryId: 'eating_out',
});
const salary = makeOperation({
  id: 'salary',
  label: 'Salaire ACME',
  rawLabel: 'VIR SEPA SALAIRE ACME SAS 1234',
  date: '2024-03-28',
  amountMinor: 280_000,
  categoryId: 'income',
});
const groceries = makeOperation({
  id: 'groceries',
  label: 'Monoprix',
  rawLabel: 'CB MONOP 02/03 PARIS 75',
  note: 'bœuf, café',
  date: '2024-03-02',
  amountMinor: -4_520,
  categoryId: null,
});
const rent = makeOperation({
  id: 'rent',
  label: 'Loyer',
  rawLabel: 'VIR SEPA LOYER SCI L’ÉTOILE',
  date: '2024-04-02',
  amountMinor: -95_000,
  categoryId: 'housing',
});
const all = [coffee, salary, groceries, rent];

function ids(filter: OperationFilter, operations: readonly Operation[] = all): string[] {
  return operations.filter(operationPredicate(filter)).map((operation) => operation.id);
}

describe('operationPredicate', () => {
  it('keeps everything with an empty filter', () => {
    expect(ids({})).toEqual(['coffee', 'salary', 'groceries', 'rent']);
    expect(ids({ text: '   ', categoryIds: [] })).toEqual([
      'coffee',
      'salary',
      'groceries',
      'rent',
    ]);
  });

  it('finds text whatever its case and accents', () => {
    expect(ids({ text: 'cafe' })).toEqual(['coffee', 'groceries']);
    expect(ids({ text: 'CAFÉ' })).toEqual(['coffee', 'groceries']);
    expect(ids({ text: 'zoe' })).toEqual(['coffee']);
    expect(ids({ text: 'reunion' })).toEqual(['coffee']);
    expect(ids({ text: 'étoile' })).toEqual(['rent']);
  });

  it('searches the label, the raw label and the note', () => {
    expect(ids({ text: 'flore' })).toEqual(['coffee']);
    expect(ids({ text: 'sepa' })).toEqual(['salary', 'rent']);
    expect(ids({ text: 'monop 75' })).toEqual(['groceries']);
  });

  it('requires every word (AND), in any order', () => {
    expect(ids({ text: 'paris cafe' })).toEqual(['coffee', 'groceries']); // café is in a note
    expect(ids({ text: 'paris flore' })).toEqual(['coffee']);
    expect(ids({ text: '  PARIS   monop ' })).toEqual(['groceries']);
    expect(ids({ text: 'cafe salaire' })).toEqual([]);
  });

  it('matches spelled-out ligatures and typographic apostrophes', () => {
    expect(ids({ text: 'boeuf' })).toEqual(['groceries']);
    expect(ids({ text: "l'etoile" })).toEqual(['rent']);
  });

  it('does not match across the boundary between fields', () => {
    // label "Loyer" + raw label "VIR…": "loyer vir" as one word must not match.
    expect(ids({ text: 'loyervir' })).toEqual([]);
    expect(searchKey(rent).includes('loyer vir')).toBe(false);
  });

  it('uses precomputed keys when given', () => {
    const keys = new Map(all.map((operation) => [operation.id, searchKey(operation)]));
    const predicate = operationPredicate({ text: 'cafe' }, (operation) => {
      const key = keys.get(operation.id);
      if (key === undefined) throw new Error('no key');
      return key;
    });
    expect(all.filter(predicate).map((operation) => operation.id)).toEqual(['coffee', 'groceries']);
    const fake = operationPredicate({ text: 'cafe' }, () => 'nothing here');
    expect(all.filter(fake)).toEqual([]);
  });

  it('filters on an inclusive date range', () => {
    expect(ids({ from: isoDate('2024-03-12') })).toEqual(['coffee', 'salary', 'rent']);
    expect(ids({ to: isoDate('2024-03-12') })).toEqual(['coffee', 'groceries']);
    expect(ids({ from: isoDate('2024-03-12'), to: isoDate('2024-03-28') })).toEqual([
      'coffee',
      'salary',
    ]);
    expect(ids({ from: isoDate('2024-03-13'), to: isoDate('2024-03-27') })).toEqual([]);
  });

  it('filters on an inclusive signed amount range', () => {
    expect(ids({ minAmountMinor: minor(0) })).toEqual(['salary']);
    expect(ids({ maxAmountMinor: minor(-450) })).toEqual(['coffee', 'groceries', 'rent']);
    expect(ids({ minAmountMinor: minor(-4_520), maxAmountMinor: minor(-450) })).toEqual([
      'coffee',
      'groceries',
    ]);
    expect(ids({ minAmountMinor: minor(-449), maxAmountMinor: minor(-451) })).toEqual([]);
  });

  it('filters on categories', () => {
    expect(ids({ categoryIds: [categoryId('eating_out')] })).toEqual(['coffee']);
    expect(ids({ categoryIds: [categoryId('housing'), categoryId('income')] })).toEqual([
      'salary',
      'rent',
    ]);
    expect(ids({ categoryIds: [categoryId('health')] })).toEqual([]);
  });

  it('filters on uncategorised operations, alone or beside categories', () => {
    expect(ids({ isUncategorisedOnly: true })).toEqual(['groceries']);
    expect(ids({ isUncategorisedOnly: false })).toEqual(['coffee', 'salary', 'groceries', 'rent']);
    expect(ids({ isUncategorisedOnly: true, categoryIds: [categoryId('housing')] })).toEqual([
      'groceries',
      'rent',
    ]);
  });

  it('combines filters with AND', () => {
    expect(
      ids({
        text: 'paris',
        from: isoDate('2024-03-01'),
        maxAmountMinor: minor(-1_000),
      }),
    ).toEqual(['groceries']);
    expect(ids({ text: 'sepa', categoryIds: [categoryId('income')] })).toEqual(['salary']);
  });
});

describe('compareBy', () => {
  const a = makeOperation({ id: 'a', date: '2024-01-01', amountMinor: -500, label: 'beta 10' });
  const b = makeOperation({ id: 'b', date: '2024-01-02', amountMinor: 100, label: 'Alpha' });
  const c = makeOperation({ id: 'c', date: '2024-01-03', amountMinor: -500, label: 'beta 9' });
  const d = makeOperation({ id: 'd', date: '2024-01-03', amountMinor: 100, label: 'alpha' });
  const ops = [a, b, c, d];

  const sorted = (sort: Parameters<typeof compareBy>[0]) =>
    [...ops].sort(compareBy(sort)).map((operation) => operation.id);

  it('sorts by date, chronologically or newest first', () => {
    expect(sorted({ field: 'date', direction: 'asc' })).toEqual(['a', 'b', 'c', 'd']);
    expect(sorted({ field: 'date', direction: 'desc' })).toEqual(['d', 'c', 'b', 'a']);
  });

  it('sorts by signed amount, ties newest first', () => {
    expect(sorted({ field: 'amount', direction: 'asc' })).toEqual(['c', 'a', 'd', 'b']);
    expect(sorted({ field: 'amount', direction: 'desc' })).toEqual(['d', 'b', 'c', 'a']);
  });

  it('sorts labels case-insensitively with numbers in numeric order, ties newest first', () => {
    expect(sorted({ field: 'label', direction: 'asc' })).toEqual(['d', 'b', 'c', 'a']);
    expect(sorted({ field: 'label', direction: 'desc' })).toEqual(['a', 'c', 'd', 'b']);
  });

  it('is a total order: the result does not depend on the input order', () => {
    const pool = [
      ...ops,
      makeOperation({ id: 'e', date: '2024-01-03', amountMinor: 100, label: 'ALPHA' }),
      makeOperation({
        id: 'f',
        date: '2024-01-03',
        amountMinor: 100,
        label: 'alpha',
        createdAt: 0,
      }),
    ];
    for (const field of ['date', 'amount', 'label'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const compare = compareBy({ field, direction });
        const expected = [...pool].sort(compare).map((operation) => operation.id);
        fc.assert(
          fc.property(fc.shuffledSubarray(pool, { minLength: pool.length }), (shuffled) => {
            expect(shuffled.sort(compare).map((operation) => operation.id)).toEqual(expected);
          }),
          { numRuns: 50 },
        );
        for (const x of pool)
          for (const y of pool)
            expect(Math.sign(compare(x, y)) + Math.sign(compare(y, x)) === 0).toBe(true);
      }
    }
  });
});
