import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryId, type CategoryId } from '../ledger/ids.ts';
import { blend, Blender, personalWeight, type Prediction } from './blend.ts';

const ids = (...names: string[]): CategoryId[] => names.map(categoryId);
const all = new Set(ids('a', 'b', 'c', 'd'));

function asRecord(predictions: Prediction[]): Record<string, number> {
  return Object.fromEntries(predictions.map((p) => [p.categoryId, p.p]));
}

describe('personalWeight', () => {
  it('is n / (n + 30)', () => {
    expect(personalWeight(0)).toBe(0);
    expect(personalWeight(30)).toBe(0.5);
    expect(personalWeight(90)).toBe(0.75);
    expect(personalWeight(-5)).toBe(0);
  });
});

describe('blend', () => {
  it('is the default model alone without a personal layer, sorted', () => {
    const result = blend([0.2, 0.5, 0.3], ids('a', 'b', 'c'), null, all);
    expect(result).toEqual([
      { categoryId: 'b', p: 0.5 },
      { categoryId: 'c', p: 0.3 },
      { categoryId: 'a', p: 0.2 },
    ]);
  });

  it('mixes λ·personal + (1 − λ)·default with λ = n / (n + 30)', () => {
    const personal = { probs: [1, 0], classes: ids('a', 'd'), trainedOn: 30 }; // λ = 0.5
    const result = asRecord(blend([0.2, 0.8], ids('a', 'b'), personal, all));
    expect(result['a']).toBeCloseTo(0.5 * 1 + 0.5 * 0.2, 12);
    expect(result['b']).toBeCloseTo(0.5 * 0.8, 12);
    expect(result['d']).toBeUndefined(); // p = 0
  });

  it('lets the personal layer name categories the default model does not know', () => {
    const personal = { probs: [0.9, 0.1], classes: ids('d', 'a'), trainedOn: 90 }; // λ = 0.75
    const result = blend([1], ids('a'), personal, all);
    expect(result[0]).toEqual({ categoryId: 'd', p: expect.closeTo(0.675, 12) as number });
  });

  it('ignores a personal layer trained on nothing', () => {
    const personal = { probs: [1], classes: ids('d'), trainedOn: 0 };
    expect(blend([0.4, 0.6], ids('a', 'b'), personal, all)).toEqual(
      blend([0.4, 0.6], ids('a', 'b'), null, all),
    );
  });

  it('drops the mass on deleted categories and renormalises', () => {
    const result = asRecord(
      blend([0.5, 0.3, 0.2], ids('a', 'b', 'c'), null, new Set(ids('b', 'c'))),
    );
    expect(result).toEqual({
      b: expect.closeTo(0.6, 12) as number,
      c: expect.closeTo(0.4, 12) as number,
    });
  });

  it('uses one side alone when the other has nothing left, and gives nothing from nothing', () => {
    const personal = { probs: [1], classes: ids('d'), trainedOn: 5 };
    expect(blend([1], ids('x'), personal, all)).toEqual([{ categoryId: 'd', p: 1 }]);
    expect(blend([1], ids('x'), null, all)).toEqual([]);
    expect(blend([], [], null, all)).toEqual([]);
  });

  it('refuses probabilities that do not line up with their classes', () => {
    expect(() => blend([0.5, 0.5], ids('a'), null, all)).toThrow(RangeError);
  });

  it('sums to 1, sorted descending, over existing categories only', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const distribution = fc
      .uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: names.length })
      .chain((classes) =>
        fc.record({
          classes: fc.constant(ids(...classes)),
          probs: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
            minLength: classes.length,
            maxLength: classes.length,
          }),
        }),
      );
    fc.assert(
      fc.property(
        distribution,
        fc.option(fc.tuple(distribution, fc.nat(10_000))),
        fc.subarray(names),
        (fromDefault, personal, existingNames) => {
          const existing = new Set(ids(...existingNames));
          const result = blend(
            fromDefault.probs,
            fromDefault.classes,
            personal && { ...personal[0], trainedOn: personal[1] },
            existing,
          );
          if (result.length === 0) return;
          expect(result.reduce((sum, p) => sum + p.p, 0)).toBeCloseTo(1, 9);
          for (let i = 0; i < result.length; i += 1) {
            expect(existing.has(result[i]!.categoryId)).toBe(true);
            expect(result[i]!.p).toBeGreaterThan(0);
            if (i > 0) expect(result[i]!.p).toBeLessThanOrEqual(result[i - 1]!.p);
          }
          expect(new Set(result.map((p) => p.categoryId)).size).toBe(result.length);
        },
      ),
    );
  });
});

describe('Blender', () => {
  const names = ['a', 'b', 'c', 'd', 'e', 'f'];
  // Classes may repeat (they add up) and probabilities may be anything blend has to ignore.
  const probability = fc.oneof(
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.constantFrom(0, 1e-320, 0.25, 0.5, -0.1, NaN, Infinity),
  );
  const classes = fc.array(fc.constantFrom(...names), { maxLength: 8 }).map((list) => ids(...list));
  const probsFor = (list: readonly CategoryId[]) =>
    fc.array(probability, { minLength: list.length, maxLength: list.length });

  it('gives exactly the first entries of blend, operation after operation', () => {
    fc.assert(
      fc.property(
        classes,
        fc.option(fc.tuple(classes, fc.constantFrom(0, 1, 30, 45, 10_000))),
        fc.subarray(names),
        fc.nat(8),
        fc.integer({ min: 1, max: 6 }),
        fc.nat(),
        (defaultClasses, personalShape, existingNames, count, operations, seed) => {
          const existing = new Set(ids(...existingNames));
          const personal = personalShape && {
            classes: personalShape[0],
            trainedOn: personalShape[1],
          };
          const blender = new Blender(defaultClasses, personal, existing);
          const batch = fc.sample(
            fc.tuple(probsFor(defaultClasses), fc.option(probsFor(personal?.classes ?? []))),
            { numRuns: operations, seed },
          );
          for (const [defaultProbs, personalProbs] of batch) {
            const expected = blend(
              defaultProbs,
              defaultClasses,
              personal && personalProbs && { ...personal, probs: personalProbs },
              existing,
            ).slice(0, count);
            expect(blender.top(defaultProbs, personal && personalProbs, count)).toEqual(expected);
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('breaks ties by category id, as blend sorts', () => {
    const blender = new Blender(ids('c', 'a', 'b', 'd'), null, all);
    expect(blender.top([0.25, 0.25, 0.25, 0.25], null, 3)).toEqual(
      ids('a', 'b', 'c').map((categoryId) => ({ categoryId, p: 0.25 })),
    );
  });

  it('refuses probabilities that do not line up with their classes, as blend does', () => {
    const personal = { classes: ids('d'), trainedOn: 30 };
    const blender = new Blender(ids('a'), personal, all);
    expect(() => blender.top([0.5, 0.5], null, 3)).toThrow(RangeError);
    expect(() => blender.top([1], [0.5, 0.5], 3)).toThrow(RangeError);
    // And is left as it was: the next operation blends normally.
    expect(blender.top([1], [1], 3)).toEqual(
      blend([1], ids('a'), { ...personal, probs: [1] }, all),
    );
  });
});
