import type { Scored } from './metrics.ts';

/**
 * Temperature scaling: softmax(logits / T) for one T fitted on held-out predictions. Dividing the
 * head (W and b) by T gives exactly these probabilities, so the shipped files need no new field.
 * From probabilities alone: softmax(l / T)_i = p_i^(1/T) / Σ_j p_j^(1/T).
 */
export function tempered(probabilities: readonly number[], temperature: number): number[] {
  const powered = probabilities.map((p) => Math.max(p, 1e-30) ** (1 / temperature));
  const sum = powered.reduce((total, value) => total + value, 0);
  return powered.map((value) => value / sum);
}

/** Mean negative log-likelihood of the true class at temperature T. */
function negativeLogLikelihood(items: readonly Scored[], temperature: number): number {
  let total = 0;
  for (const { truth, ranking } of items) {
    const probabilities = tempered(
      ranking.map(({ p }) => p),
      temperature,
    );
    const index = ranking.findIndex(({ categoryId }) => categoryId === truth);
    total -= Math.log(Math.max(probabilities[index] ?? 0, 1e-12));
  }
  return total / Math.max(1, items.length);
}

/** The T in [0.25, 8] minimising held-out NLL (golden-section search on log T). */
export function fitTemperature(items: readonly Scored[]): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let low = Math.log(0.25);
  let high = Math.log(8);
  const loss = (logT: number): number => negativeLogLikelihood(items, Math.exp(logT));
  for (let step = 0; step < 40; step++) {
    const a = high - ratio * (high - low);
    const b = low + ratio * (high - low);
    if (loss(a) < loss(b)) high = b;
    else low = a;
  }
  return Number(Math.exp((low + high) / 2).toFixed(4));
}
