import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../ledger/dates.ts';
import { featuresOf, type FeatureVector } from './features.ts';
import {
  CATEGORY_MODEL_FORMAT,
  encodeEmbeddingScale,
  parseModelFiles,
  type LoadedModel,
} from './model-format.ts';
import { embed, headProbabilities, predictDefault, softmax } from './reference-model.ts';

function model(spec: {
  buckets: number;
  dim: number;
  classes: string[];
  embedding: number[];
  scale: number[];
  weights: number[];
  bias: number[];
}): LoadedModel {
  const result = parseModelFiles(
    {
      format: CATEGORY_MODEL_FORMAT,
      formatVersion: 1,
      modelVersion: 'test',
      buckets: spec.buckets,
      dim: spec.dim,
      classes: spec.classes,
      embeddingFile: 'embedding.i8',
      embeddingScaleFile: 'embedding-scale.f32',
      head: { weights: spec.weights, bias: spec.bias },
      thresholds: {},
      metrics: {},
    },
    new Uint8Array(Int8Array.from(spec.embedding).buffer),
    encodeEmbeddingScale(spec.scale),
  );
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

// B = 3, D = 2, C = 3. Rows: r0 = [2, -4]·0.5 = [1, -2]; r1 = [10, 0]·0.1 = [1, 0]; r2 = [0, 3]·1.
const tiny = model({
  buckets: 3,
  dim: 2,
  classes: ['a', 'b', 'c'],
  embedding: [2, -4, 10, 0, 0, 3],
  scale: [0.5, 0.1, 1],
  weights: [1, 0, -1, 0, 2, 1], // W[0] = [1, 0, -1], W[1] = [0, 2, 1]
  bias: [0, 0, 1],
});

const vector = (indices: number[], values: number[]): FeatureVector => ({
  indices: Uint32Array.from(indices),
  values: Float32Array.from(values),
});

describe('embed', () => {
  it('is the weighted mean of the scaled rows, hashes taken modulo the bucket count', () => {
    // Hash 3 is row 0 (weight 1), hash 5 is row 2 (weight 0.5): (1·[1, −2] + 0.5·[0, 3]) / 1.5.
    const e = embed(tiny, vector([3, 5], [1, 0.5]));
    expect(e[0]).toBeCloseTo(1 / 1.5, 6);
    expect(e[1]).toBeCloseTo(-0.5 / 1.5, 6);
    expect(Array.from(embed(tiny, vector([4], [2])))).toEqual([Math.fround(1), 0]); // row 1
    expect(embed(tiny, vector([2 ** 32 - 1], [1]))[1]).toBe(-2); // (2^32 − 1) mod 3 = 0
  });

  it('is zero without features', () => {
    expect(Array.from(embed(tiny, vector([], [])))).toEqual([0, 0]);
  });
});

describe('predictDefault', () => {
  it('is softmax(e · W + b)', () => {
    // e = [1, 0] (row 1): logits = [1, 0, −1] + [0, 0, 1] = [1, 0, 0].
    const p = predictDefault(tiny, vector([1], [1]));
    const z = Math.E + 2;
    expect(p[0]).toBeCloseTo(Math.E / z, 6);
    expect(p[1]).toBeCloseTo(1 / z, 6);
    expect(p[2]).toBeCloseTo(1 / z, 6);
  });

  it('is softmax of the bias without features', () => {
    expect(Array.from(predictDefault(tiny, vector([], [])))).toEqual(
      Array.from(softmax([0, 0, 1])),
    );
    expect(Array.from(headProbabilities(tiny, [0, 0]))).toEqual(Array.from(softmax([0, 0, 1])));
  });

  it('gives probabilities summing to 1 for any label', () => {
    const random = model({
      buckets: 64,
      dim: 4,
      classes: ['a', 'b', 'c', 'd', 'e'],
      embedding: Array.from({ length: 256 }, (_, i) => ((i * 37) % 255) - 127),
      scale: Array.from({ length: 64 }, (_, i) => 0.01 * (i + 1)),
      weights: Array.from({ length: 20 }, (_, i) => Math.sin(i) * 3),
      bias: [0.1, -0.2, 0.3, 0, 1],
    });
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.integer(), (label, amountMinor) => {
        const p = predictDefault(
          random,
          featuresOf({ label, amountMinor, date: isoDate('2024-03-12') }),
        );
        expect(p.length).toBe(5);
        expect(p.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 5);
        for (const value of p) expect(value >= 0 && value <= 1).toBe(true);
      }),
    );
  });
});

describe('softmax', () => {
  it('does not overflow or underflow into NaN', () => {
    expect(Array.from(softmax([1000, 0]))).toEqual([1, 0]);
    expect(Array.from(softmax([-1000, -1000]))).toEqual([0.5, 0.5]);
    expect(Array.from(softmax([]))).toEqual([]);
  });

  it('does not change under a shift of all logits', () => {
    const a = softmax([1, 2, 3]);
    const b = softmax([101, 102, 103]);
    for (let i = 0; i < 3; i += 1) expect(a[i]).toBeCloseTo(b[i]!, 6);
  });
});
