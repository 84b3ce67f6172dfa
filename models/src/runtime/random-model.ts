import { seededRandom } from '@tirelire/shared';
import {
  CATEGORY_MODEL_FORMAT,
  CATEGORY_MODEL_FORMAT_VERSION,
  encodeEmbeddingScale,
} from '@tirelire/shared/categorize';
import type { CategoryModelFiles } from './tfjs-category-model.ts';

export interface RandomModelShape {
  buckets: number;
  dim: number;
  classes: readonly string[];
  seed: number;
  modelVersion?: string;
}

/**
 * The three model files for a model of random weights, in the shipped format: for tests (here
 * and in the client) that need a real model file without the trained one.
 */
export function randomModelFiles(shape: RandomModelShape): CategoryModelFiles {
  const { buckets, dim, classes, seed } = shape;
  const random = seededRandom(seed);
  const embedding = new Int8Array(buckets * dim);
  for (let i = 0; i < embedding.length; i += 1) embedding[i] = Math.round(random() * 254) - 127;
  const scales = Array.from({ length: buckets }, () => 0.001 + random() * 0.02);
  const weight = () => (random() * 2 - 1) * 2;
  return {
    manifest: {
      format: CATEGORY_MODEL_FORMAT,
      formatVersion: CATEGORY_MODEL_FORMAT_VERSION,
      modelVersion: shape.modelVersion ?? `random-${seed}`,
      buckets,
      dim,
      classes: [...classes],
      embeddingFile: 'embedding.i8',
      embeddingScaleFile: 'embedding-scale.f32',
      head: {
        weights: Array.from({ length: dim * classes.length }, weight),
        bias: Array.from({ length: classes.length }, weight),
      },
      thresholds: Object.fromEntries(classes.map((id) => [id, null])),
      metrics: {},
    },
    embedding: new Uint8Array(embedding.buffer),
    scale: encodeEmbeddingScale(scales),
  };
}
