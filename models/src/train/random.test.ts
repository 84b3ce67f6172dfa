import { describe, expect, it } from 'vitest';
import { mulberry32, seedFrom } from './random.ts';

describe('seeded random', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const draw = (seed: number) => {
      const random = mulberry32(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    for (const value of draw(3)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('draws integers in bounds and shuffles without losing items', () => {
    const random = mulberry32(7);
    const ints = Array.from({ length: 1000 }, () => random.int(2, 5));
    expect(new Set(ints)).toEqual(new Set([2, 3, 4, 5]));
    expect(random.shuffled([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('derives distinct seeds per purpose', () => {
    expect(seedFrom('fold-0', 1)).not.toBe(seedFrom('fold-1', 1));
    expect(seedFrom('fold-0', 1)).toBe(seedFrom('fold-0', 1));
  });
});
