import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dequantizeRows, quantizeRows, zeroUnusedRows } from './quantize.ts';

describe('per-row int8 quantisation', () => {
  it('reads back every value within half a step of its row', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.float({ min: -4, max: 4, noNaN: true }), { minLength: 96, maxLength: 96 }),
        (rows, dim, pool) => {
          const values = Float32Array.from(
            { length: rows * dim },
            (_, i) => pool[i % pool.length]!,
          );
          const quantized = quantizeRows(values, rows, dim);
          const back = dequantizeRows(quantized);
          for (let row = 0; row < rows; row++) {
            const scale = quantized.scales[row]!;
            for (let j = 0; j < dim; j++) {
              const i = row * dim + j;
              expect(Math.abs(back[i]! - values[i]!)).toBeLessThanOrEqual(scale / 2 + 1e-6);
              expect(Math.abs(quantized.bytes[i]!)).toBeLessThanOrEqual(127);
            }
          }
        },
      ),
    );
  });

  it('maps each row maximum to ±127 exactly and a zero row to zeros', () => {
    const values = Float32Array.from([0.5, -1, 0.25, 0, 0, 0]);
    const quantized = quantizeRows(values, 2, 3);
    expect([...quantized.bytes]).toEqual([64, -127, 32, 0, 0, 0]);
    expect(quantized.scales[0]).toBeCloseTo(1 / 127, 7);
    expect(quantized.scales[1]).toBe(0);
    expect([...dequantizeRows(quantized).subarray(3)]).toEqual([0, 0, 0]);
  });

  it('zeroes the rows no training feature used', () => {
    const values = Float32Array.from([1, 2, 3, 4, 5, 6]);
    expect([...zeroUnusedRows(values, Uint8Array.from([0, 1, 0]), 2)]).toEqual([0, 0, 3, 4, 0, 0]);
  });
});
