import type { FeatureVector } from './features.ts';
import type { LoadedModel } from './model-format.ts';

/**
 * The forward pass of the default model in plain TypeScript (docs/categorisation.md): the
 * reference the TF.js runtime is proven equal to. For features with hashes h_i and weights w_i:
 *
 *   e = Σ w_i · E[h_i mod B] / Σ w_i        E[r] = embedding row r · scale[r]
 *   p = softmax(e · W + b)
 *
 * Sums are accumulated in float64 and returned as float32. No feature (or weights summing to 0)
 * gives the zero embedding, so the probabilities are softmax(b).
 */
export function embed(model: LoadedModel, features: FeatureVector): Float32Array {
  const { buckets, dim } = model.manifest;
  const { embedding, scale } = model;
  const sum = new Float64Array(dim);
  let totalWeight = 0;
  for (let i = 0; i < features.indices.length; i += 1) {
    const weight = features.values[i]!;
    const row = features.indices[i]! % buckets;
    const rowWeight = weight * scale[row]!;
    const base = row * dim;
    for (let d = 0; d < dim; d += 1) sum[d] = sum[d]! + rowWeight * embedding[base + d]!;
    totalWeight += weight;
  }
  const result = new Float32Array(dim);
  if (totalWeight !== 0) for (let d = 0; d < dim; d += 1) result[d] = sum[d]! / totalWeight;
  return result;
}

/** softmax(e · W + b): the default model's probabilities for an embedding, in manifest.classes order. */
export function headProbabilities(model: LoadedModel, embedding: ArrayLike<number>): Float32Array {
  const { dim, classes, head } = model.manifest;
  const count = classes.length;
  const logits = new Float64Array(count);
  for (let c = 0; c < count; c += 1) logits[c] = head.bias[c]!;
  for (let d = 0; d < dim; d += 1) {
    const value = embedding[d]!;
    if (value === 0) continue;
    const row = d * count;
    for (let c = 0; c < count; c += 1) logits[c] = logits[c]! + value * head.weights[row + c]!;
  }
  return softmax(logits);
}

/** The default model's probabilities for one operation's features, in manifest.classes order. */
export function predictDefault(model: LoadedModel, features: FeatureVector): Float32Array {
  return headProbabilities(model, embed(model, features));
}

/** Numerically stable softmax: the largest logit is subtracted first, so no exp overflows. */
export function softmax(logits: ArrayLike<number>): Float32Array {
  const result = new Float32Array(logits.length);
  if (logits.length === 0) return result;
  let max = -Infinity;
  for (let i = 0; i < logits.length; i += 1) max = Math.max(max, logits[i]!);
  const exps = new Float64Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i += 1) {
    exps[i] = Math.exp(logits[i]! - max);
    sum += exps[i]!;
  }
  for (let i = 0; i < logits.length; i += 1) result[i] = exps[i]! / sum;
  return result;
}
