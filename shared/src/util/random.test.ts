import { describe, expect, it } from 'vitest';
import { pick, randomInt, seededRandom } from './random.ts';

describe('seededRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 5 }, () => random());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('stays in [0, 1) and spreads evenly', () => {
    const random = seededRandom(123);
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i += 1) {
      const value = random();
      if (!(value >= 0 && value < 1)) outside += 1;
      const bucket = Math.floor(value * 10);
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    expect(outside).toBe(0);
    expect(buckets).toHaveLength(10);
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});

describe('randomInt and pick', () => {
  it('draws integers in an inclusive range, reaching both ends', () => {
    const random = seededRandom(5);
    const seen = new Set<number>();
    for (let i = 0; i < 1_000; i += 1) seen.add(randomInt(random, -2, 2));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
  });

  it('returns the end points for 0 and almost 1', () => {
    expect(randomInt(() => 0, 3, 7)).toBe(3);
    expect(randomInt(() => 0.999999, 3, 7)).toBe(7);
  });

  it('picks from a list and refuses an empty one', () => {
    expect(pick(() => 0.5, ['a', 'b', 'c'])).toBe('b');
    expect(pick(() => 0.999, ['a', 'b', 'c'])).toBe('c');
    expect(() => pick(() => 0, [])).toThrow(RangeError);
  });
});
