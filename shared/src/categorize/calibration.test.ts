import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryId } from '../ledger/ids.ts';
import {
  isAutoApplicable,
  thresholdForPrecision,
  thresholdsByCategory,
  type CalibrationScore,
} from './calibration.ts';

const scores = (...list: [number, boolean][]): CalibrationScore[] =>
  list.map(([p, correct]) => ({ p, correct }));

describe('thresholdForPrecision', () => {
  it('is the lowest probability from which precision and support are reached', () => {
    // From the top: 20 right at 0.99…0.80; then a wrong one at 0.79 (20/21 ≥ 95 %), another wrong
    // at 0.78 (20/22 < 95 %).
    const right = Array.from({ length: 20 }, (_, i): [number, boolean] => [0.99 - i * 0.01, true]);
    const list = scores(...right, [0.79, false], [0.78, false], [0.5, true]);
    expect(thresholdForPrecision(list)).toBe(0.79);
  });

  it('needs enough predictions', () => {
    const nineteen = Array.from({ length: 19 }, (_, i): [number, boolean] => [
      0.9 + i * 0.001,
      true,
    ]);
    expect(thresholdForPrecision(scores(...nineteen))).toBeNull();
    expect(thresholdForPrecision(scores(...nineteen), 0.95, 19)).toBe(0.9);
    expect(thresholdForPrecision([])).toBeNull();
  });

  it('is null when the precision is never reached', () => {
    const coinFlips = Array.from({ length: 40 }, (_, i): [number, boolean] => [
      i / 40,
      i % 2 === 0,
    ]);
    expect(thresholdForPrecision(scores(...coinFlips))).toBeNull();
  });

  it('accepts exactly 95 % (19 of 20)', () => {
    const list = Array.from({ length: 20 }, (_, i): [number, boolean] => [0.5 + i / 100, i !== 10]);
    expect(thresholdForPrecision(scores(...list))).toBe(0.5);
  });

  it('takes equal probabilities together', () => {
    // 20 right at 0.9 and 2 wrong at 0.9: the threshold 0.9 takes all 22 (20/22 < 95 %).
    const list = [
      ...Array.from({ length: 20 }, (): [number, boolean] => [0.9, true]),
      [0.9, false],
      [0.9, false],
    ] as [number, boolean][];
    expect(thresholdForPrecision(scores(...list))).toBeNull();
  });

  it('gives a threshold that does reach the target', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ p: fc.double({ min: 0, max: 1, noNaN: true }), correct: fc.boolean() }),
          { maxLength: 80 },
        ),
        fc.constantFrom(0.5, 0.8, 0.95),
        fc.integer({ min: 1, max: 10 }),
        (list, precision, minSupport) => {
          const t = thresholdForPrecision(list, precision, minSupport);
          if (t === null) return;
          const above = list.filter((s) => s.p >= t);
          expect(above.length).toBeGreaterThanOrEqual(minSupport);
          expect(above.filter((s) => s.correct).length / above.length).toBeGreaterThanOrEqual(
            precision - 1e-9,
          );
          // And no lower observed probability qualifies.
          for (const lower of list.filter((s) => s.p < t)) {
            const from = list.filter((s) => s.p >= lower.p);
            const ok =
              from.length >= minSupport &&
              from.filter((s) => s.correct).length >= precision * from.length - 1e-9;
            expect(ok).toBe(false);
          }
        },
      ),
    );
  });
});

describe('thresholdsByCategory', () => {
  it('calibrates each class on the predictions it came first in', () => {
    const a = categoryId('a');
    const b = categoryId('b');
    const heldOut = [
      ...Array.from({ length: 20 }, (_, i) => ({ predicted: a, p: 0.7 + i / 100, actual: a })),
      ...Array.from({ length: 20 }, (_, i) => ({
        predicted: b,
        p: 0.7 + i / 100,
        actual: i % 2 ? a : b,
      })),
    ];
    expect(thresholdsByCategory([a, b, categoryId('c')], heldOut)).toEqual({
      a: 0.7,
      b: null,
      c: null,
    });
  });
});

describe('isAutoApplicable', () => {
  const thresholds = { groceries: 0.8, transport: null };
  it.each([
    ['groceries', 0.8, true],
    ['groceries', 0.79, false],
    ['transport', 0.99, false],
    ['unknown', 0.99, false],
    ['constructor', 0.99, false],
  ])('%s at %d: %s', (id, p, expected) => {
    expect(isAutoApplicable({ categoryId: categoryId(id), p }, thresholds)).toBe(expected);
  });
});
