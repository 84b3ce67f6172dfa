import * as tf from '@tensorflow/tfjs-core';
import { isoDate, seededRandom, type RandomSource } from '@tirelire/shared';
import {
  embed as referenceEmbed,
  featuresOf,
  parseModelFiles,
  predictDefault,
  type FeatureVector,
  type LoadedModel,
} from '@tirelire/shared/categorize';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackendName } from './choose-backend.ts';
import { randomModelFiles, type RandomModelShape } from './random-model.ts';
import { startBackend } from './start-backend.ts';
import { createTfjsCategoryModel, type TfjsCategoryModel } from './tfjs-category-model.ts';

const SHAPES: RandomModelShape[] = [
  { buckets: 64, dim: 4, classes: ['food', 'rent', 'salary'], seed: 1 },
  { buckets: 4_096, dim: 16, classes: Array.from({ length: 12 }, (_, i) => `c${i}`), seed: 2 },
];

/** Sorted unique hashes over the whole 32-bit range, so `mod B` matters. */
function randomVector(random: RandomSource, weights: (random: RandomSource) => number) {
  const size = Math.floor(random() * 60);
  const indices = [
    ...new Set(Array.from({ length: size }, () => Math.floor(random() * 2 ** 32))),
  ].sort((a, b) => a - b);
  return {
    indices: Uint32Array.from(indices),
    values: Float32Array.from(indices, () => weights(random)),
  };
}

// Like featuresOf's (0.5 and 1, summed when a hash repeats), and arbitrary ones, which take
// the Gather path (more than a handful of distinct weights).
const featureLikeWeights = (random: RandomSource) => [0.5, 1, 1.5, 2][Math.floor(random() * 4)]!;
const arbitraryWeights = (random: RandomSource) => random() * 3;

function vectors(seed: number, count: number): FeatureVector[] {
  const random = seededRandom(seed);
  const labels = ['CB MONOP 12/03 PARIS', 'PRLV SEPA FREE MOBILE', 'VIR SALAIRE ACME', ''];
  return [
    ...Array.from({ length: count }, (_, i) =>
      randomVector(random, i % 3 === 0 ? arbitraryWeights : featureLikeWeights),
    ),
    { indices: new Uint32Array(), values: new Float32Array() },
    { indices: Uint32Array.of(7, 9), values: Float32Array.of(0, 0) },
    ...labels.map((label) =>
      featuresOf({ label, amountMinor: -1250, date: isoDate('2024-03-12') }),
    ),
  ];
}

function loaded(shape: RandomModelShape): LoadedModel {
  const files = randomModelFiles(shape);
  const parsed = parseModelFiles(files.manifest, files.embedding, files.scale);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

async function model(shape: RandomModelShape, options = {}): Promise<TfjsCategoryModel> {
  const created = await createTfjsCategoryModel(randomModelFiles(shape), options);
  if (!created.ok) throw new Error(created.message);
  return created.value;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-5) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i += 1) {
    expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThanOrEqual(tolerance);
  }
}

describe.each<BackendName>(['cpu', 'wasm'])('TfjsCategoryModel on %s', (backend) => {
  beforeAll(async () => {
    expect(await startBackend(backend)).toBe(backend);
  });

  it.each(SHAPES)('equals the reference model (B=$buckets, D=$dim)', async (shape) => {
    const reference = loaded(shape);
    const batch = vectors(shape.seed, 300);
    for (const embedding of ['weight-groups', 'gather'] as const) {
      // Chunks smaller than the batch, so chunk boundaries are crossed too.
      const tfjs = await model(shape, { embedding, chunkSize: 128 });
      const probabilities = tfjs.predict(batch);
      const embeddings = tfjs.embed(batch);
      expect(probabilities).toHaveLength(batch.length);
      batch.forEach((features, i) => {
        expectClose(probabilities[i]!, predictDefault(reference, features));
        expectClose(embeddings[i]!, referenceEmbed(reference, features));
      });
      tfjs.dispose();
    }
  });

  it('leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const tfjs = await model(SHAPES[0]!);
    const batch = vectors(3, 50);
    tfjs.predict(batch);
    tfjs.embed(batch);
    const layer = tfjs.trainPersonal(
      batch.map((features, i) => ({ features, categoryId: i % 2 ? 'food' : 'mine' })),
      ['food', 'mine'],
      { maxEpochs: 2 },
    );
    tfjs.predictBoth(batch, layer);
    const copy = tfjs.loadPersonal(tfjs.serializePersonal(layer));
    copy?.dispose();
    layer.dispose();
    tfjs.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('answers an empty batch with nothing', async () => {
    const tfjs = await model(SHAPES[0]!);
    expect(tfjs.predict([])).toEqual([]);
    expect(tfjs.predictBoth([], null)).toEqual({ defaults: [], personal: null });
    tfjs.dispose();
  });
});

describe('createTfjsCategoryModel', () => {
  it('refuses files that do not agree, with the reason', async () => {
    const files = randomModelFiles(SHAPES[0]!);
    const truncated = await createTfjsCategoryModel({
      ...files,
      embedding: new Uint8Array(10),
    });
    expect(truncated.ok ? null : truncated.code).toBe('invalid_model');
    const notAManifest = await createTfjsCategoryModel({ ...files, manifest: { format: 'x' } });
    expect(notAManifest.ok ? null : notAManifest.message).toMatch(/manifest/);
  });
});
