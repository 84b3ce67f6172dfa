import * as tf from '@tensorflow/tfjs';
import type { SparseRows } from './sparse-rows.ts';

export interface ModelShape {
  /** B: rows of the embedding; a feature hash h uses row h mod B. */
  readonly buckets: number;
  /** D: width of an embedding row. */
  readonly dim: number;
  /** C: number of categories. */
  readonly classes: number;
}

/** The trained numbers, row-major, as the export and the reference model read them. */
export interface ModelWeights {
  /** B × D */
  readonly embedding: Float32Array;
  /** D × C */
  readonly head: Float32Array;
  /** C */
  readonly bias: Float32Array;
}

/** A batch of examples as the embedding bag consumes it: one entry per (example, feature). */
export interface BagBatch {
  readonly size: number;
  readonly buckets: tf.Tensor1D;
  readonly weights: tf.Tensor1D;
  /** Which example of the batch each entry belongs to. */
  readonly segments: tf.Tensor1D;
  /** Σ w_i per example, [size, 1]. */
  readonly weightSums: tf.Tensor2D;
}

export function bagBatch(rows: SparseRows, picks: readonly number[], buckets: number): BagBatch {
  let total = 0;
  for (const row of picks)
    total += (rows.offsets[row + 1] as number) - (rows.offsets[row] as number);
  const bucketIds = new Int32Array(total);
  const weights = new Float32Array(total);
  const segments = new Int32Array(total);
  const sums = new Float32Array(picks.length);
  let at = 0;
  picks.forEach((row, segment) => {
    for (let i = rows.offsets[row] as number; i < (rows.offsets[row + 1] as number); i++) {
      bucketIds[at] = (rows.hashes[i] as number) % buckets;
      weights[at] = rows.values[i] as number;
      segments[at] = segment;
      sums[segment] = (sums[segment] as number) + (rows.values[i] as number);
      at++;
    }
  });
  // An operation always has kind, amount and day features; the floor only guards the division.
  for (let i = 0; i < sums.length; i++) sums[i] = Math.max(sums[i] as number, 1e-6);
  return {
    size: picks.length,
    buckets: tf.tensor1d(bucketIds, 'int32'),
    weights: tf.tensor1d(weights, 'float32'),
    segments: tf.tensor1d(segments, 'int32'),
    weightSums: tf.tensor2d(sums, [picks.length, 1], 'float32'),
  };
}

export function disposeBatch(batch: BagBatch): void {
  tf.dispose([batch.buckets, batch.weights, batch.segments, batch.weightSums]);
}

/**
 * tf.unsortedSegmentSum whose gradient is a plain gather of dy: our segment ids are never
 * negative, and the generic gradient's masking of negative ids costs more on wasm than the whole
 * forward pass.
 */
function sumByExample(values: tf.Tensor2D, segments: tf.Tensor1D, count: number): tf.Tensor2D {
  const sum = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x] = inputs;
    if (!(x instanceof tf.Tensor)) throw new Error('sumByExample takes one tensor');
    return {
      value: tf.unsortedSegmentSum(x as tf.Tensor2D, segments, count),
      gradFunc: (dy: tf.Tensor2D) => tf.gather(dy, segments),
    };
  });
  return sum(values);
}

/**
 * The model of docs/categorisation.md: e = Σ w_i·E[h_i mod B] / Σ w_i, logits = e·W + b. The bag
 * is a gather of the used rows, weighted, summed per example by an unsorted segment sum: sparse
 * throughout, no dense 2^n input anywhere.
 */
export class EmbeddingBag {
  readonly embedding: tf.Variable<tf.Rank.R2>;
  readonly head: tf.Variable<tf.Rank.R2>;
  readonly bias: tf.Variable<tf.Rank.R1>;

  constructor(
    readonly shape: ModelShape,
    seed: number,
  ) {
    const { buckets, dim, classes } = shape;
    // fastText's initialisation: small uniform rows, so early sums stay near zero.
    this.embedding = tf.variable(
      tf.randomUniform([buckets, dim], -1 / dim, 1 / dim, 'float32', seed),
    );
    const headScale = Math.sqrt(2 / (dim + classes));
    this.head = tf.variable(tf.randomNormal([dim, classes], 0, headScale, 'float32', seed + 1));
    this.bias = tf.variable(tf.zeros([classes]));
  }

  pooled(batch: BagBatch): tf.Tensor2D {
    return tf.tidy(() => {
      const rows = tf.gather(this.embedding, batch.buckets);
      const weighted = tf.mul<tf.Tensor2D>(rows, tf.expandDims(batch.weights, 1));
      const summed = sumByExample(weighted, batch.segments, batch.size);
      return tf.div<tf.Tensor2D>(summed, batch.weightSums);
    });
  }

  logits(batch: BagBatch): tf.Tensor2D {
    return tf.tidy(() => tf.add<tf.Tensor2D>(tf.matMul(this.pooled(batch), this.head), this.bias));
  }

  weights(): ModelWeights {
    return {
      embedding: Float32Array.from(this.embedding.dataSync()),
      head: Float32Array.from(this.head.dataSync()),
      bias: Float32Array.from(this.bias.dataSync()),
    };
  }

  dispose(): void {
    tf.dispose([this.embedding, this.head, this.bias]);
  }
}
