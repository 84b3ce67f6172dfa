import type { CategoryId } from '../ledger/ids.ts';
import type { Prediction } from './blend.ts';

/**
 * Per-category auto-apply thresholds (docs/categorisation.md): a category's prediction is applied
 * without asking only from a probability at which, on held-out data, that category's predictions
 * were right at least 95 % of the time, with enough of them to tell.
 */

/** One held-out prediction of a category: its probability, and whether the category was right. */
export interface CalibrationScore {
  readonly p: number;
  readonly correct: boolean;
}

export const DEFAULT_TARGET_PRECISION = 0.95;
export const DEFAULT_MIN_SUPPORT = 20;

/**
 * The lowest threshold t such that, among `scores` with p ≥ t, the share that are correct is at
 * least `precision` and there are at least `minSupport` of them; null when no t qualifies.
 * Candidates are the observed probabilities (equal ones are taken together), so t is one of them.
 * `scores` are the held-out predictions whose top category is this one.
 */
export function thresholdForPrecision(
  scores: readonly CalibrationScore[],
  precision: number = DEFAULT_TARGET_PRECISION,
  minSupport: number = DEFAULT_MIN_SUPPORT,
): number | null {
  const ranked = scores.filter((s) => Number.isFinite(s.p)).sort((a, b) => b.p - a.p);
  let taken = 0;
  let correct = 0;
  let threshold: number | null = null;
  for (let i = 0; i < ranked.length; i += 1) {
    const score = ranked[i]!;
    taken += 1;
    if (score.correct) correct += 1;
    if (ranked[i + 1]?.p === score.p) continue; // ties go together
    // A tolerance for 19/20 against 0.95, which are not exactly equal in binary.
    if (taken >= minSupport && correct >= precision * taken - 1e-9) threshold = score.p;
  }
  return threshold;
}

/** One held-out operation: the category predicted first, its probability, the true category. */
export interface HeldOutPrediction {
  readonly predicted: CategoryId;
  readonly p: number;
  readonly actual: CategoryId;
}

/** {@link thresholdForPrecision} for every class, from held-out predictions (for training). */
export function thresholdsByCategory(
  classes: readonly CategoryId[],
  heldOut: readonly HeldOutPrediction[],
  precision: number = DEFAULT_TARGET_PRECISION,
  minSupport: number = DEFAULT_MIN_SUPPORT,
): Record<CategoryId, number | null> {
  const scores = new Map<CategoryId, CalibrationScore[]>(classes.map((id) => [id, []]));
  for (const { predicted, p, actual } of heldOut) {
    scores.get(predicted)?.push({ p, correct: predicted === actual });
  }
  const thresholds = {} as Record<CategoryId, number | null>;
  for (const id of classes) {
    thresholds[id] = thresholdForPrecision(scores.get(id)!, precision, minSupport);
  }
  return thresholds;
}

/** Whether a prediction reaches its category's threshold (none: never). */
export function isAutoApplicable(
  prediction: Prediction,
  thresholds: Readonly<Record<string, number | null>>,
): boolean {
  const threshold = Object.hasOwn(thresholds, prediction.categoryId)
    ? thresholds[prediction.categoryId]
    : undefined;
  return typeof threshold === 'number' && prediction.p >= threshold;
}
