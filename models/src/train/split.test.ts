import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupedFolds, isHeldBack, randomFolds } from './split.ts';

describe('groupedFolds', () => {
  it('never puts one merchant in two folds', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom('monop', 'sncf', 'free', 'edf', 'tesco', 'amazon', 'uber', 'ikea'),
          {
            minLength: 1,
            maxLength: 200,
          },
        ),
        fc.integer({ min: 2, max: 6 }),
        fc.integer(),
        (groups, k, seed) => {
          const folds = groupedFolds(
            groups.map((group) => ({ group })),
            k,
            seed,
          );
          const foldOfGroup = new Map<string, number>();
          groups.forEach((group, i) => {
            const fold = folds[i]!;
            expect(fold).toBeGreaterThanOrEqual(0);
            expect(fold).toBeLessThan(k);
            expect(foldOfGroup.get(group) ?? fold).toBe(fold);
            foldOfGroup.set(group, fold);
          });
        },
      ),
    );
  });

  it('balances folds and is the same for the same seed', () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ group: `m${i % 97}` }));
    const folds = groupedFolds(items, 5, 7);
    const sizes = [0, 1, 2, 3, 4].map((fold) => folds.filter((f) => f === fold).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(11);
    expect(groupedFolds(items, 5, 7)).toEqual(folds);
  });
});

describe('isHeldBack', () => {
  it('holds back about the requested share of merchants, by merchant', () => {
    const groups = Array.from({ length: 4000 }, (_, i) => `merchant-${i}`);
    const share = groups.filter((group) => isHeldBack(group, 0.15, 1)).length / groups.length;
    expect(share).toBeGreaterThan(0.13);
    expect(share).toBeLessThan(0.17);
    expect(groups.map((group) => isHeldBack(group, 0.15, 1))).toEqual(
      groups.map((group) => isHeldBack(group, 0.15, 1)),
    );
  });
});

describe('randomFolds', () => {
  it('keeps a key in one fold but splits merchants across folds', () => {
    const keys = Array.from({ length: 500 }, (_, i) => `label-${i % 100}`);
    const folds = randomFolds(keys, 5, 3);
    keys.forEach((key, i) => expect(folds[keys.indexOf(key)]).toBe(folds[i]));
    expect(new Set(folds).size).toBe(5);
  });
});
