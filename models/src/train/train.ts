import * as tf from '@tensorflow/tfjs';
import {
  bagBatch,
  disposeBatch,
  EmbeddingBag,
  type ModelShape,
  type ModelWeights,
} from './embedding-bag.ts';
import { mulberry32, seedFrom } from './random.ts';
import type { SparseRows } from './sparse-rows.ts';
import { useWasmBackend } from './wasm-backend.ts';

export interface TrainOptions {
  readonly buckets: number;
  readonly dim: number;
  readonly classes: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  /**
   * Class weights are (mean count / class count)^power: 0 is plain cross-entropy, 1 fully
   * balanced. Rare categories (loans, insurance) otherwise barely move the loss.
   */
  readonly classWeightPower: number;
  readonly seed: number;
}

export interface TrainedModel {
  readonly shape: ModelShape;
  readonly weights: ModelWeights;
  /** Mean weighted cross-entropy of each epoch, as training saw it. */
  readonly epochLosses: number[];
  /** Which embedding rows any training feature used: the others were never trained. */
  readonly usedRows: Uint8Array;
}

/** Per-class loss weights from the class counts of the training rows. */
export function classWeights(labels: Int32Array, classes: number, power: number): Float32Array {
  const counts = new Float64Array(classes);
  for (const label of labels) counts[label] = (counts[label] as number) + 1;
  const present = [...counts].filter((count) => count > 0);
  const mean = present.reduce((sum, count) => sum + count, 0) / Math.max(1, present.length);
  return Float32Array.from(counts, (count) => (count > 0 ? (mean / count) ** power : 0));
}

/**
 * Trains the embedding bag with Adam on weighted cross-entropy, in shuffled mini-batches. Every
 * random choice (initial weights, batch order) comes from `seed`, so the same rows give the same
 * weights.
 */
export async function trainModel(
  rows: SparseRows,
  labels: Int32Array,
  options: TrainOptions,
): Promise<TrainedModel> {
  await useWasmBackend();
  const shape: ModelShape = {
    buckets: options.buckets,
    dim: options.dim,
    classes: options.classes,
  };
  const model = new EmbeddingBag(shape, seedFrom('init', options.seed));
  const optimizer = tf.train.adam(options.learningRate);
  const weightOfClass = classWeights(labels, options.classes, options.classWeightPower);
  const order = mulberry32(seedFrom('batches', options.seed));
  const all = Array.from({ length: rows.count }, (_, row) => row);
  const epochLosses: number[] = [];
  try {
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      const shuffled = order.shuffled(all);
      let lossSum = 0;
      for (let start = 0; start < shuffled.length; start += options.batchSize) {
        const picks = shuffled.slice(start, start + options.batchSize);
        lossSum += trainStep(model, optimizer, rows, labels, picks, weightOfClass) * picks.length;
      }
      epochLosses.push(lossSum / Math.max(1, rows.count));
    }
    return {
      shape,
      weights: model.weights(),
      epochLosses,
      usedRows: usedRows(rows, options.buckets),
    };
  } finally {
    model.dispose();
    optimizer.dispose();
  }
}

function trainStep(
  model: EmbeddingBag,
  optimizer: tf.Optimizer,
  rows: SparseRows,
  labels: Int32Array,
  picks: readonly number[],
  weightOfClass: Float32Array,
): number {
  const batch = bagBatch(rows, picks, model.shape.buckets);
  const targets = Int32Array.from(picks, (row) => labels[row] as number);
  const exampleWeights = Float32Array.from(targets, (label) => weightOfClass[label] as number);
  try {
    // minimize runs the loss under its own tape scope: tensors made inside it are freed there.
    const loss = optimizer.minimize(
      () => {
        const oneHot = tf.oneHot(tf.tensor1d(targets, 'int32'), model.shape.classes);
        const weights = tf.tensor1d(exampleWeights);
        return tf.losses.softmaxCrossEntropy(oneHot, model.logits(batch), weights);
      },
      true,
      [model.embedding, model.head, model.bias],
    );
    if (!loss) throw new Error('the optimizer returned no loss');
    const value = loss.dataSync()[0] ?? Number.NaN;
    loss.dispose();
    return value;
  } finally {
    disposeBatch(batch);
  }
}

function usedRows(rows: SparseRows, buckets: number): Uint8Array {
  const used = new Uint8Array(buckets);
  for (const hash of rows.hashes) used[hash % buckets] = 1;
  return used;
}
