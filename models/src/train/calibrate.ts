import type { CategoryId } from '@tirelire/shared';
import { thresholdsByCategory } from '@tirelire/shared/categorize';
import { AUTO_APPLY_PRECISION, MIN_AUTO_APPLY_PROBABILITY } from './config.ts';
import type { OutOfFold } from './cross-validation.ts';
import {
  autoApplyFromCounts,
  autoApplyStats,
  computeMetrics,
  type AutoApplyStats,
  type Metrics,
  type Scored,
} from './metrics.ts';
import { SUBSETS, type SubsetName } from './prepared-data.ts';

export type Thresholds = Record<CategoryId, number | null>;

/**
 * Per-category thresholds reaching the target precision on these held-out predictions (shared
 * calibration.ts), never below even odds. All predictions count: Cozy labels, their raw variants
 * and the English ones.
 */
export function thresholdsFrom(
  predictions: readonly Scored[],
  classes: readonly CategoryId[],
): Thresholds {
  const heldOut = predictions.flatMap(({ truth, ranking }) => {
    const best = ranking[0];
    return best ? [{ predicted: best.categoryId, p: best.p, actual: truth }] : [];
  });
  const fitted = thresholdsByCategory(classes, heldOut, AUTO_APPLY_PRECISION);
  for (const id of classes) {
    const threshold = fitted[id];
    if (typeof threshold === 'number') fitted[id] = Math.max(threshold, MIN_AUTO_APPLY_PROBABILITY);
  }
  return fitted;
}

export interface SubsetReport {
  readonly metrics: Metrics;
  /**
   * Auto-apply as the brief defines it: the share of operations whose top-1 clears the
   * thresholds fitted on all out-of-fold predictions (≥ 95 % precision on them by construction).
   */
  readonly autoApplyInSample: AutoApplyStats;
  /**
   * Auto-apply measured honestly: each fold's operations are judged with thresholds fitted on
   * the other folds' predictions only, never on their own.
   */
  readonly autoApply: AutoApplyStats;
}

export function crossFittedThresholds(
  predictions: readonly OutOfFold[],
  classes: readonly CategoryId[],
): Map<number, Thresholds> {
  const folds = [...new Set(predictions.map((prediction) => prediction.fold))];
  return new Map(
    folds.map((fold) => [
      fold,
      thresholdsFrom(
        predictions.filter((prediction) => prediction.fold !== fold),
        classes,
      ),
    ]),
  );
}

/** Metrics and auto-apply share of each reported subset of the out-of-fold predictions. */
export function reportBySubset(
  predictions: readonly OutOfFold[],
  classes: readonly CategoryId[],
): Record<SubsetName, SubsetReport> {
  const byFold = crossFittedThresholds(predictions, classes);
  const fitted = thresholdsFrom(predictions, classes);
  const entries = Object.entries(SUBSETS).map(([name, includes]) => {
    const subset = predictions.filter((prediction) => includes(prediction.example));
    let applied = 0;
    let correct = 0;
    for (const [fold, thresholds] of byFold) {
      const stats = autoApplyStats(
        subset.filter((prediction) => prediction.fold === fold),
        thresholds,
      );
      applied += stats.applied;
      correct += stats.correct;
    }
    const autoApply = autoApplyFromCounts(applied, correct, subset.length);
    const autoApplyInSample = autoApplyStats(subset, fitted);
    return [name, { metrics: computeMetrics(subset), autoApplyInSample, autoApply }] as const;
  });
  return Object.fromEntries(entries) as Record<SubsetName, SubsetReport>;
}
