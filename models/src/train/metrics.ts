import type { CategoryId } from '@tirelire/shared';

export interface RankedPrediction {
  readonly categoryId: CategoryId;
  readonly p: number;
}

/** One evaluated operation: the truth and the model's ranking (best first). */
export interface Scored {
  readonly truth: CategoryId;
  readonly ranking: readonly RankedPrediction[];
}

export interface Metrics {
  readonly count: number;
  readonly top1: number;
  readonly top3: number;
  readonly macroF1: number;
  /** Expected calibration error of the top-1 confidence, 10 equal-width bins. */
  readonly ece: number;
}

export interface AutoApplyStats {
  /** Operations whose top-1 clears its category's threshold, and how many of those are right. */
  readonly applied: number;
  readonly correct: number;
  /** Share of operations whose top-1 clears its category's threshold. */
  readonly share: number;
  /** Precision among those (the thresholds target ≥ 0.95). */
  readonly precision: number;
}

const top = (scored: Scored): RankedPrediction | undefined => scored.ranking[0];

export function computeMetrics(items: readonly Scored[]): Metrics {
  const count = items.length;
  if (count === 0) return { count, top1: 0, top3: 0, macroF1: 0, ece: 0 };
  let hits1 = 0;
  let hits3 = 0;
  for (const item of items) {
    if (top(item)?.categoryId === item.truth) hits1++;
    if (item.ranking.slice(0, 3).some((prediction) => prediction.categoryId === item.truth))
      hits3++;
  }
  return {
    count,
    top1: hits1 / count,
    top3: hits3 / count,
    macroF1: macroF1(items),
    ece: expectedCalibrationError(items, 10),
  };
}

export interface ClassStats {
  readonly support: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export function perClassStats(items: readonly Scored[]): Map<CategoryId, ClassStats> {
  const truePositives = new Map<CategoryId, number>();
  const predicted = new Map<CategoryId, number>();
  const support = new Map<CategoryId, number>();
  const bump = (map: Map<CategoryId, number>, key: CategoryId): void => {
    map.set(key, (map.get(key) ?? 0) + 1);
  };
  for (const item of items) {
    const guess = top(item)?.categoryId;
    bump(support, item.truth);
    if (guess === undefined) continue;
    bump(predicted, guess);
    if (guess === item.truth) bump(truePositives, guess);
  }
  const stats = new Map<CategoryId, ClassStats>();
  for (const [category, truthCount] of support) {
    const tp = truePositives.get(category) ?? 0;
    const precision = tp / Math.max(1, predicted.get(category) ?? 0);
    const recall = tp / truthCount;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    stats.set(category, { support: truthCount, precision, recall, f1 });
  }
  return stats;
}

/** Mean F1 over the categories present in the truth: every category counts the same. */
export function macroF1(items: readonly Scored[]): number {
  const stats = [...perClassStats(items).values()];
  return stats.reduce((sum, { f1 }) => sum + f1, 0) / Math.max(1, stats.length);
}

export function expectedCalibrationError(items: readonly Scored[], bins: number): number {
  const confidence = new Float64Array(bins);
  const correct = new Float64Array(bins);
  const counts = new Float64Array(bins);
  for (const item of items) {
    const best = top(item);
    if (!best) continue;
    const bin = Math.min(bins - 1, Math.floor(best.p * bins));
    counts[bin] = (counts[bin] as number) + 1;
    confidence[bin] = (confidence[bin] as number) + best.p;
    if (best.categoryId === item.truth) correct[bin] = (correct[bin] as number) + 1;
  }
  let ece = 0;
  for (let bin = 0; bin < bins; bin++) {
    const n = counts[bin] as number;
    if (n === 0) continue;
    ece +=
      (n / items.length) * Math.abs((correct[bin] as number) / n - (confidence[bin] as number) / n);
  }
  return ece;
}

/** Which operations the app would categorise on its own, given per-category thresholds. */
export function autoApplyStats(
  items: readonly Scored[],
  thresholds: Readonly<Record<string, number | null>>,
): AutoApplyStats {
  let applied = 0;
  let right = 0;
  for (const item of items) {
    const best = top(item);
    const threshold = best ? thresholds[best.categoryId] : null;
    if (!best || threshold === null || threshold === undefined || best.p < threshold) continue;
    applied++;
    if (best.categoryId === item.truth) right++;
  }
  return autoApplyFromCounts(applied, right, items.length);
}

export function autoApplyFromCounts(
  applied: number,
  correct: number,
  total: number,
): AutoApplyStats {
  return {
    applied,
    correct,
    share: total === 0 ? 0 : applied / total,
    precision: applied === 0 ? 0 : correct / applied,
  };
}
