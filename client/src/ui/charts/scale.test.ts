import { describe, expect, it } from 'vitest';
import { bandAt, indexAt, labelStride, linePath, linearScale, niceTicks } from './scale.ts';

describe('niceTicks', () => {
  it.each([
    // min, max, maxTicks, expected
    [0, 100_000, 6, [0, 20_000, 40_000, 60_000, 80_000, 100_000]],
    [-12_345, 87_000, 5, [-50_000, 0, 50_000, 100_000]],
    [150_000, 162_000, 5, [150_000, 155_000, 160_000, 165_000]],
    [0, 3, 6, [0, 1, 2, 3]],
    [500, 500, 5, [499, 500, 501]],
  ])('covers [%d, %d] in at most %d round steps', (min, max, count, expected) => {
    expect(niceTicks(min, max, count)).toEqual(expected);
  });

  it('always returns whole minor units that include the extremes', () => {
    for (const [min, max] of [
      [-7, 13],
      [1_234_567, 9_876_543],
      [-99_999_999, -1],
    ] as const) {
      const ticks = niceTicks(min, max, 6);
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(ticks[0]).toBeLessThanOrEqual(min);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(7);
    }
  });
});

describe('linearScale', () => {
  it('maps domain ends onto range ends, inverted y included', () => {
    const y = linearScale([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(100)).toBe(0);
    expect(y(25)).toBe(150);
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5);
  });
});

describe('labelStride and indexAt', () => {
  it('thins month labels to fit', () => {
    expect(labelStride(12, 600, 60)).toBe(2);
    expect(labelStride(12, 1200, 60)).toBe(1);
    expect(labelStride(120, 600, 60)).toBe(12);
  });
  it('finds the nearest month under the pointer, clamped', () => {
    expect(indexAt(0, 10, 110, 11)).toBe(0);
    expect(indexAt(54, 10, 110, 11)).toBe(4);
    expect(indexAt(500, 10, 110, 11)).toBe(10);
    expect(indexAt(50, 10, 110, 1)).toBe(0);
    expect(bandAt(10, 10, 110, 4)).toBe(0);
    expect(bandAt(60, 10, 110, 4)).toBe(2);
    expect(bandAt(200, 10, 110, 4)).toBe(3);
  });
});

describe('linePath', () => {
  it('lifts the pen over missing months', () => {
    const identity = (value: number) => value;
    expect(linePath([null, 1, 2, null, 4], identity, identity)).toBe('M1.0,1.0L2.0,2.0M4.0,4.0');
  });
});
