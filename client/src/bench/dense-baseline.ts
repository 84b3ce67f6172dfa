import * as tf from '@tensorflow/tfjs-core';
import type { FeatureVector } from '@tirelire/shared/categorize';

/** The dense model's sizes: the baseline, a model of the shipped one's size class. */
export interface DenseShape {
  /** Multi-hot input width: each feature hash lands in `hash mod inputSize`. */
  inputSize: number;
  hidden: number;
  classes: number;
}

export interface DenseRun {
  probabilities: Float32Array[];
  /** Filling the multi-hot input from the features (plain JavaScript). */
  inputMs: number;
  /** The TF.js part: upload, two matMuls, softmax, read back. */
  tfjsMs: number;
}

/** Operations per pass: 1,000 × 4,096 floats is a 16 MB input, the memory we allow. */
const CHUNK = 1_000;

/**
 * What categorising would cost with a conventional dense network instead of the hashed
 * embedding bag: multi-hot input → dense (linear, like the bag's mean) → dense → softmax, on the
 * TF.js backend already running. Random weights: only the time is of interest, the answers are
 * not. Benchmark only; the caller disposes it.
 */
export class DenseBaseline {
  private readonly hiddenWeights: tf.Tensor2D;
  private readonly hiddenBias: tf.Tensor1D;
  private readonly outputWeights: tf.Tensor2D;
  private readonly outputBias: tf.Tensor1D;
  private readonly input: Float32Array;

  constructor(readonly shape: DenseShape) {
    const { inputSize, hidden, classes } = shape;
    const seed = 7;
    this.hiddenWeights = tf.randomUniform([inputSize, hidden], -0.05, 0.05, 'float32', seed);
    this.hiddenBias = tf.zeros([hidden]);
    this.outputWeights = tf.randomUniform([hidden, classes], -0.5, 0.5, 'float32', seed + 1);
    this.outputBias = tf.zeros([classes]);
    this.input = new Float32Array(CHUNK * inputSize);
  }

  predict(batch: readonly FeatureVector[]): DenseRun {
    const { inputSize, classes } = this.shape;
    const probabilities: Float32Array[] = [];
    let inputMs = 0;
    let tfjsMs = 0;
    for (let start = 0; start < batch.length; start += CHUNK) {
      const chunk = batch.slice(start, start + CHUNK);
      const filling = performance.now();
      const input = this.input.subarray(0, chunk.length * inputSize);
      input.fill(0);
      chunk.forEach((features, row) => fillRow(input, row * inputSize, inputSize, features));
      const computing = performance.now();
      inputMs += computing - filling;
      const output = tf.tidy(() => {
        const x = tf.tensor2d(input, [chunk.length, inputSize]);
        const hidden = tf.add(tf.matMul(x, this.hiddenWeights), this.hiddenBias);
        return tf.softmax(
          tf.add<tf.Tensor2D>(tf.matMul(hidden, this.outputWeights), this.outputBias),
        );
      });
      const flat = output.dataSync<'float32'>();
      output.dispose();
      // One array per operation, as the sparse model answers, so both pay the same read-back.
      for (let row = 0; row < chunk.length; row += 1)
        probabilities.push(flat.slice(row * classes, (row + 1) * classes));
      tfjsMs += performance.now() - computing;
    }
    return { probabilities, inputMs, tfjsMs };
  }

  dispose(): void {
    tf.dispose([this.hiddenWeights, this.hiddenBias, this.outputWeights, this.outputBias]);
  }
}

/** One operation's row: its features' weights, normalised to sum 1 as the bag's mean is. */
function fillRow(input: Float32Array, offset: number, width: number, features: FeatureVector) {
  let total = 0;
  for (const value of features.values) total += value;
  if (total === 0) return;
  features.indices.forEach((hash, k) => {
    const slot = offset + (hash % width);
    input[slot] = (input[slot] ?? 0) + (features.values[k] ?? 0) / total;
  });
}
