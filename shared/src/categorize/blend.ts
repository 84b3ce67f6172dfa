import type { CategoryId } from '../ledger/ids.ts';

/** One category's probability. Lists of predictions are sorted by p, descending. */
export interface Prediction {
  readonly categoryId: CategoryId;
  readonly p: number;
}

/** The personal layer's output for one operation. */
export interface PersonalPrediction {
  /** Probabilities, in `classes` order. */
  readonly probs: ArrayLike<number>;
  readonly classes: readonly CategoryId[];
  /** How many confirmed operations it was trained on. */
  readonly trainedOn: number;
}

/** The personal layer weighs n / (n + PERSONAL_PRIOR) after n confirmed operations. */
export const PERSONAL_PRIOR = 30;

/** λ = n / (n + 30): how much the personal layer counts after n confirmed operations. */
export function personalWeight(trainedOn: number): number {
  return trainedOn > 0 ? trainedOn / (trainedOn + PERSONAL_PRIOR) : 0;
}

/**
 * A distribution restricted to the categories that exist, renormalised; null when nothing is
 * left. Probabilities that are not positive finite numbers count as 0; a class listed twice
 * adds up.
 */
function restrict(
  probs: ArrayLike<number>,
  classes: readonly CategoryId[],
  existing: ReadonlySet<CategoryId>,
): Map<CategoryId, number> | null {
  if (probs.length !== classes.length) {
    throw new RangeError(`${probs.length} probabilities for ${classes.length} classes`);
  }
  const kept = new Map<CategoryId, number>();
  let total = 0;
  for (let i = 0; i < classes.length; i += 1) {
    const id = classes[i]!;
    const p = probs[i]!;
    if (!(p > 0 && p < Infinity) || !existing.has(id)) continue;
    kept.set(id, (kept.get(id) ?? 0) + p);
    total += p;
  }
  if (total === 0) return null;
  for (const [id, p] of kept) kept.set(id, p / total);
  return kept;
}

function byProbability(a: Prediction, b: Prediction): number {
  return b.p - a.p || (a.categoryId < b.categoryId ? -1 : a.categoryId > b.categoryId ? 1 : 0);
}

/**
 * The probabilities over the person's categories (docs/categorisation.md): each model's mass on
 * categories that no longer exist is dropped and the rest renormalised, then
 * `p = λ·personal + (1 − λ)·default` with `λ = n / (n + 30)`. When one side has nothing left
 * (or the personal layer is absent or trained on nothing), the other is used alone. Sorted by
 * p descending (ties by category id), without zeros; empty when neither model has anything.
 */
export function blend(
  defaultProbs: ArrayLike<number>,
  defaultClasses: readonly CategoryId[],
  personal: PersonalPrediction | null,
  existingCategories: ReadonlySet<CategoryId>,
): Prediction[] {
  const lambda = personal ? personalWeight(personal.trainedOn) : 0;
  const fromDefault = restrict(defaultProbs, defaultClasses, existingCategories);
  const fromPersonal =
    personal && lambda > 0 ? restrict(personal.probs, personal.classes, existingCategories) : null;

  const mixed = new Map<CategoryId, number>();
  const add = (distribution: Map<CategoryId, number>, weight: number): void => {
    for (const [id, p] of distribution) mixed.set(id, (mixed.get(id) ?? 0) + weight * p);
  };
  if (fromDefault && fromPersonal) {
    add(fromPersonal, lambda);
    add(fromDefault, 1 - lambda);
  } else if (fromDefault ?? fromPersonal) {
    add((fromDefault ?? fromPersonal)!, 1);
  }

  let total = 0;
  for (const p of mixed.values()) total += p;
  const predictions: Prediction[] = [];
  for (const [categoryId, p] of mixed) if (p > 0) predictions.push({ categoryId, p: p / total });
  return predictions.sort(byProbability);
}
