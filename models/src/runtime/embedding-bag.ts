import * as tf from '@tensorflow/tfjs-core';
import type { FeatureVector } from '@tirelire/shared/categorize';

/**
 * The embedding bag e = Σ wᵢ·E[hᵢ mod B] / Σ wᵢ for a chunk of operations, two ways:
 *
 * - by weight groups (wasm, cpu): features come in a handful of weights (1 and 0.5, and their
 *   sums when a hash repeats), so per distinct weight one SparseSegmentSum gathers and sums the
 *   rows in a single kernel, without materialising the [entries, D] gathered rows. On wasm that
 *   is ~50× faster than Gather (measured: 160k rows × 32 in 4 ms against 234 ms).
 * - by gather (WebGL, and any chunk with too many distinct weights): Gather the rows padded to
 *   the longest operation, weight them, Sum over each operation; all shaders on WebGL.
 *
 * Not UnsortedSegmentSum, the textbook op for this: wasm has no such kernel, cpu's loops over
 * the segments (14 s for 200 operations, measured), and WebGL's shader reads every entry for
 * every segment (O(D × operations × entries)).
 *
 * `table` has B + 1 rows, the last one zeros: entries pointing at it add nothing. They pad each
 * SparseSegmentSum's output (it ends at the last segment it sees) to the chunk's length, and
 * the operations shorter than the longest in the gather.
 * An operation without features, or whose weights sum to 0, gets e = 0, as in the reference.
 */
export type EmbeddingStrategy = 'weight-groups' | 'gather';

/** Beyond this many distinct weights in a chunk, one Gather beats that many kernel calls. */
const MAX_WEIGHT_GROUPS = 8;

/** Mean embedding of each operation of `chunk`: [chunk.length, D]. Call inside tf.tidy. */
export function embedChunk(
  table: tf.Tensor2D,
  chunk: readonly FeatureVector[],
  strategy: EmbeddingStrategy,
): tf.Tensor2D {
  const buckets = table.shape[0] - 1;
  const groups = strategy === 'weight-groups' ? groupByWeight(chunk, buckets) : null;
  return groups ? sumWeightGroups(table, groups, chunk) : gatherPadded(table, chunk, buckets);
}

interface WeightGroup {
  weight: number;
  rows: Int32Array;
  segments: Int32Array;
}

/** Two passes over the entries (count, then fill) so the hot loop only writes typed arrays. */
function groupByWeight(chunk: readonly FeatureVector[], buckets: number): WeightGroup[] | null {
  const weights: number[] = [];
  const counts: number[] = [];
  for (const { values } of chunk) {
    for (const weight of values) {
      if (weight === 0) continue;
      let group = weights.indexOf(weight);
      if (group < 0) {
        if (weights.length === MAX_WEIGHT_GROUPS) return null;
        group = weights.push(weight) - 1;
        counts.push(0);
      }
      counts[group] = (counts[group] ?? 0) + 1;
    }
  }
  // One more entry per group: the zero row, in the last segment (see the file's comment).
  const groups = weights.map((weight, group) => {
    const size = (counts[group] ?? 0) + 1;
    const rows = new Int32Array(size);
    const segments = new Int32Array(size);
    rows[size - 1] = buckets;
    segments[size - 1] = chunk.length - 1;
    return { weight, rows, segments };
  });
  const filled = new Int32Array(groups.length);
  chunk.forEach(({ indices, values }, example) => {
    for (let i = 0; i < indices.length; i += 1) {
      const weight = values[i] ?? 0;
      if (weight === 0) continue;
      const group = weights.indexOf(weight);
      const target = groups[group];
      if (!target) continue;
      const at = filled[group] ?? 0;
      target.rows[at] = (indices[i] ?? 0) % buckets;
      target.segments[at] = example;
      filled[group] = at + 1;
    }
  });
  return groups;
}

function sumWeightGroups(
  table: tf.Tensor2D,
  groups: readonly WeightGroup[],
  chunk: readonly FeatureVector[],
): tf.Tensor2D {
  let total: tf.Tensor2D = tf.zeros([chunk.length, table.shape[1]]);
  for (const { weight, rows, segments } of groups) {
    const sums = tf.sparse.sparseSegmentSum(
      table,
      tf.tensor1d(rows, 'int32'),
      tf.tensor1d(segments, 'int32'),
    ) as tf.Tensor2D;
    total = tf.add(total, weight === 1 ? sums : tf.mul(sums, weight));
  }
  return tf.mul(total, tf.tensor2d(inverseWeightSums(chunk), [chunk.length, 1]));
}

/**
 * Each operation's features padded to the chunk's longest (padding points at the zero row, with
 * weight 0), gathered as [operations, width, D], weighted and summed over the width: plain
 * Gather, Mul and Sum, which every backend runs well on its own terms (shaders on WebGL).
 */
function gatherPadded(
  table: tf.Tensor2D,
  chunk: readonly FeatureVector[],
  buckets: number,
): tf.Tensor2D {
  let width = 1;
  for (const vector of chunk) width = Math.max(width, vector.indices.length);
  const rows = new Int32Array(chunk.length * width).fill(buckets);
  const weights = new Float32Array(chunk.length * width);
  chunk.forEach(({ indices, values }, example) => {
    for (let i = 0; i < indices.length; i += 1) {
      rows[example * width + i] = (indices[i] ?? 0) % buckets;
      weights[example * width + i] = values[i] ?? 0;
    }
  });
  const gathered = tf.gather(table, tf.tensor2d(rows, [chunk.length, width], 'int32'));
  const weighted = tf.mul(gathered, tf.tensor3d(weights, [chunk.length, width, 1]));
  const sums = tf.sum<tf.Tensor2D>(weighted, 1);
  return tf.mul(sums, tf.tensor2d(inverseWeightSums(chunk), [chunk.length, 1]));
}

/** 1 / Σ wᵢ per operation, 0 when the sum is 0 (so e = 0). */
function inverseWeightSums(chunk: readonly FeatureVector[]): Float32Array {
  return Float32Array.from(chunk, ({ values }) => {
    let sum = 0;
    for (const value of values) sum += value;
    return sum === 0 ? 0 : 1 / sum;
  });
}
