import * as tf from '@tensorflow/tfjs-core';
import { seededRandom, type RandomSource } from '@tirelire/shared';
import { personalLayerState, type PersonalLayerState } from './personal-layer.ts';

export interface PersonalTrainingOptions {
  /** Adam's learning rate. */
  learningRate?: number;
  maxEpochs?: number;
  /** The largest mini-batch; smaller data sets get smaller ones (see batchSizeFor). */
  batchSize?: number;
  /** Stop once the epoch's mean loss has not improved by `minImprovement` for this many epochs. */
  patience?: number;
  minImprovement?: number;
  /** L2 penalty on the weights: keeps a layer trained on a handful of operations modest. */
  l2?: number;
  /** Seeds the initial weights and the shuffling: the same data gives the same layer. */
  seed?: number;
}

const DEFAULT_TRAINING: Required<PersonalTrainingOptions> = {
  learningRate: 0.05,
  maxEpochs: 30,
  batchSize: 128,
  patience: 3,
  minImprovement: 1e-3,
  l2: 1e-4,
  seed: 20_240_229,
};

export interface PersonalTrainingSet {
  modelVersion: string;
  classes: readonly string[];
  /** Row-major [n, inputSize]: each operation's embedding, then its default probabilities. */
  inputs: Float32Array;
  inputSize: number;
  /** Index into `classes` of each operation's confirmed category. */
  labels: Int32Array;
}

/**
 * Softmax regression trained with Adam on mini-batches. The gradients are written out (for a
 * softmax over a linear layer, d loss / d logits = p − y) rather than taken by autodiff, which
 * keeps TF.js's gradient registry (and its bundle weight) out of the worker.
 */
export function trainPersonalLayer(
  set: PersonalTrainingSet,
  options: PersonalTrainingOptions = {},
): PersonalLayerState {
  const config = { ...DEFAULT_TRAINING, ...options };
  const { inputSize, labels } = set;
  const count = labels.length;
  const classCount = set.classes.length;
  if (classCount === 0) throw new RangeError('A personal layer needs at least one category.');
  const random = seededRandom(config.seed);
  const batchSize = batchSizeFor(count, config.batchSize);
  const weights = tf.tidy(() => tf.variable(glorotUniform(inputSize, classCount, random), true));
  const bias = tf.tidy(() => tf.variable(tf.zeros([classCount]), true));
  const optimizer = tf.train.adam(config.learningRate);
  try {
    let best = Infinity;
    let stale = 0;
    for (let epoch = 0; epoch < config.maxEpochs && count > 0; epoch += 1) {
      const order = shuffled(count, random);
      // Summed on the device and read once per epoch: a read per step would stall WebGL.
      let epochLoss: tf.Tensor = tf.scalar(0);
      for (let start = 0; start < count; start += batchSize) {
        const batch = miniBatch(set, classCount, order.subarray(start, start + batchSize));
        const loss = step(batch, weights, bias, optimizer, config.l2);
        const total = tf.add(epochLoss, loss);
        tf.dispose([epochLoss, loss]);
        epochLoss = total;
      }
      const meanLoss = (epochLoss.dataSync()[0] ?? 0) / count;
      epochLoss.dispose();
      if (meanLoss < best - config.minImprovement) {
        best = meanLoss;
        stale = 0;
      } else if ((stale += 1) >= config.patience) {
        break;
      }
    }
  } finally {
    optimizer.dispose();
  }
  return personalLayerState(
    set.modelVersion,
    set.classes,
    count,
    // Plain tensors, detached from the optimizer's variables, so disposing the state is enough.
    tf.clone(weights),
    tf.clone(bias) as tf.Tensor1D,
    [weights, bias],
  );
}

interface MiniBatch {
  /** [size, inputSize] */
  x: Float32Array;
  /** [size, classCount], one-hot */
  y: Float32Array;
  size: number;
}

/**
 * The picked rows, copied in JavaScript: cheaper than tf.gather, which on wasm costs ~50 ns an
 * element (it was most of the training time).
 */
function miniBatch(set: PersonalTrainingSet, classCount: number, picked: Int32Array): MiniBatch {
  const { inputs, inputSize, labels } = set;
  const x = new Float32Array(picked.length * inputSize);
  const y = new Float32Array(picked.length * classCount);
  picked.forEach((row, i) => {
    x.set(inputs.subarray(row * inputSize, (row + 1) * inputSize), i * inputSize);
    y[i * classCount + (labels[row] ?? 0)] = 1;
  });
  return { x, y, size: picked.length };
}

/** One Adam step on a mini-batch; returns its summed loss (a scalar to dispose). */
function step(
  batch: MiniBatch,
  weights: tf.Variable,
  bias: tf.Variable,
  optimizer: tf.Optimizer,
  l2: number,
): tf.Scalar {
  return tf.tidy(() => {
    const [inputSize, classCount] = weights.shape as [number, number];
    const x = tf.tensor2d(batch.x, [batch.size, inputSize]);
    const y = tf.tensor2d(batch.y, [batch.size, classCount]);
    const logProbs = tf.logSoftmax(tf.add<tf.Tensor2D>(tf.matMul(x, weights), bias));
    const loss = tf.neg(tf.sum(tf.mul(y, logProbs))) as tf.Scalar;
    const dLogits = tf.div(tf.sub(tf.exp(logProbs), y), batch.size);
    const dWeights = tf.add(tf.matMul(x, dLogits, true, false), tf.mul(weights, l2));
    optimizer.applyGradients({ [weights.name]: dWeights, [bias.name]: tf.sum(dLogits, 0) });
    return loss;
  });
}

/**
 * At least ~10 steps per epoch: a person with 60 confirmed operations would otherwise get 30
 * Adam steps in all, too few to fit; with thousands, full-size batches keep training fast.
 */
function batchSizeFor(count: number, largest: number): number {
  return Math.max(1, Math.min(largest, Math.ceil(count / 10)));
}

/** Glorot (Xavier) uniform initialisation, from a seeded source. */
function glorotUniform(rows: number, columns: number, random: RandomSource): tf.Tensor2D {
  const limit = Math.sqrt(6 / (rows + columns));
  const values = new Float32Array(rows * columns);
  for (let i = 0; i < values.length; i += 1) values[i] = (random() * 2 - 1) * limit;
  return tf.tensor2d(values, [rows, columns]);
}

/** 0 … count−1 in a seeded random order (Fisher–Yates). */
function shuffled(count: number, random: RandomSource): Int32Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i += 1) order[i] = i;
  for (let i = count - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = swap;
  }
  return order;
}
