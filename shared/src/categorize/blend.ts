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

/** What a {@link Blender} needs of the personal layer before seeing any operation. */
export interface PersonalLayerShape {
  readonly classes: readonly CategoryId[];
  readonly trainedOn: number;
}

/**
 * {@link blend} for a batch over the same classes, giving only the `count` most probable
 * predictions: the class → category mapping is worked out once, each operation's mixture lives
 * in typed arrays reused from one operation to the next, and only the predictions returned are
 * built. The arithmetic is blend's, step for step and in the same order (its Maps' insertion
 * order included), so the result is exactly the first `count` entries of blend's; blend.test.ts
 * checks it. blend stays the readable reference.
 */
export class Blender {
  /** The categories a class can land on, each once; a slot is an index in this list. */
  private readonly slotIds: CategoryId[] = [];
  private readonly defaultSide: BlendSide;
  private readonly personalSide: BlendSide | null;
  private readonly lambda: number;
  private readonly mixed: Float64Array;
  private readonly mixedOrder: Int32Array;
  private readonly inMixture: Uint8Array;
  private readonly topSlots: Int32Array;
  private readonly topP: Float64Array;

  constructor(
    defaultClasses: readonly CategoryId[],
    personal: PersonalLayerShape | null,
    existingCategories: ReadonlySet<CategoryId>,
  ) {
    const slots = new Map<CategoryId, number>();
    const slotsOf = (classes: readonly CategoryId[]): Int32Array =>
      Int32Array.from(classes, (id) => {
        if (!existingCategories.has(id)) return -1;
        let slot = slots.get(id);
        if (slot === undefined) {
          slot = this.slotIds.push(id) - 1;
          slots.set(id, slot);
        }
        return slot;
      });
    this.lambda = personal ? personalWeight(personal.trainedOn) : 0;
    const defaultSlots = slotsOf(defaultClasses);
    const personalSlots = personal && this.lambda > 0 ? slotsOf(personal.classes) : null;
    const size = this.slotIds.length;
    this.defaultSide = new BlendSide(defaultSlots, size);
    this.personalSide = personalSlots ? new BlendSide(personalSlots, size) : null;
    this.mixed = new Float64Array(size);
    this.mixedOrder = new Int32Array(size);
    this.inMixture = new Uint8Array(size);
    this.topSlots = new Int32Array(size);
    this.topP = new Float64Array(size);
  }

  /**
   * blend(defaultProbs, defaultClasses, personal && { probs: personalProbs, … }, existing)
   * .slice(0, count): `personalProbs` null is blend without a personal layer.
   */
  top(
    defaultProbs: ArrayLike<number>,
    personalProbs: ArrayLike<number> | null,
    count: number,
  ): Prediction[] {
    const personal = personalProbs ? this.personalSide : null;
    this.defaultSide.check(defaultProbs);
    if (personal && personalProbs) personal.check(personalProbs);
    const fromDefault = this.defaultSide.restrict(defaultProbs);
    const fromPersonal =
      personal !== null && personalProbs !== null && personal.restrict(personalProbs);

    let size = 0;
    if (fromDefault && fromPersonal) {
      size = this.mix(personal, this.lambda, size);
      size = this.mix(this.defaultSide, 1 - this.lambda, size);
    } else if (fromDefault) {
      size = this.mix(this.defaultSide, 1, size);
    } else if (fromPersonal) {
      size = this.mix(personal, 1, size);
    }
    let total = 0;
    for (let i = 0; i < size; i += 1) total += this.mixed[this.mixedOrder[i]!]!;
    const kept = this.selectTop(size, total, count);
    const predictions: Prediction[] = [];
    for (let i = 0; i < kept; i += 1) {
      predictions.push({ categoryId: this.slotIds[this.topSlots[i]!]!, p: this.topP[i]! });
    }

    for (let i = 0; i < size; i += 1) this.inMixture[this.mixedOrder[i]!] = 0;
    this.defaultSide.clear();
    personal?.clear();
    return predictions;
  }

  /** blend's `add`: weight × the side's renormalised mass, into the mixture; its new size. */
  private mix(side: BlendSide, weight: number, size: number): number {
    const { mixed, mixedOrder, inMixture } = this;
    const { order, mass, total, count } = side;
    let grown = size;
    for (let i = 0; i < count; i += 1) {
      const slot = order[i]!;
      const p = mass[slot]! / total;
      if (inMixture[slot] === 1) {
        mixed[slot] = mixed[slot]! + weight * p;
      } else {
        inMixture[slot] = 1;
        mixedOrder[grown] = slot;
        grown += 1;
        mixed[slot] = weight * p;
      }
    }
    return grown;
  }

  /** The `count` best of the mixture into topSlots/topP, in byProbability order; how many. */
  private selectTop(size: number, total: number, count: number): number {
    const { mixed, mixedOrder, slotIds, topSlots, topP } = this;
    const limit = count >= size ? size : count > 0 ? Math.floor(count) : 0;
    let kept = 0;
    for (let i = 0; i < size; i += 1) {
      const slot = mixedOrder[i]!;
      const mass = mixed[slot]!;
      if (!(mass > 0)) continue;
      const p = mass / total;
      // Insertion into the (short) sorted list: p descending, ties by category id.
      let at = kept;
      while (at > 0) {
        const before = topP[at - 1]!;
        if (before > p || (before === p && slotIds[topSlots[at - 1]!]! < slotIds[slot]!)) break;
        at -= 1;
      }
      if (at >= limit) continue;
      for (let j = Math.min(kept, limit - 1); j > at; j -= 1) {
        topSlots[j] = topSlots[j - 1]!;
        topP[j] = topP[j - 1]!;
      }
      topSlots[at] = slot;
      topP[at] = p;
      if (kept < limit) kept += 1;
    }
    return kept;
  }
}

/**
 * One model's side of a {@link Blender}: blend's `restrict` into typed arrays. `mass` is 0 for
 * every slot between operations (a kept mass is a sum of positive numbers, never 0).
 */
class BlendSide {
  readonly mass: Float64Array;
  /** The slots kept, in the order blend's Map would list them. */
  readonly order: Int32Array;
  count = 0;
  total = 0;

  constructor(
    private readonly slots: Int32Array,
    size: number,
  ) {
    this.mass = new Float64Array(size);
    this.order = new Int32Array(size);
  }

  check(probs: ArrayLike<number>): void {
    if (probs.length !== this.slots.length) {
      throw new RangeError(`${probs.length} probabilities for ${this.slots.length} classes`);
    }
  }

  /** Whether anything is left (blend's restrict not returning null). */
  restrict(probs: ArrayLike<number>): boolean {
    const { slots, mass, order } = this;
    let total = 0;
    let count = 0;
    for (let i = 0; i < slots.length; i += 1) {
      const slot = slots[i]!;
      const p = probs[i]!;
      if (!(p > 0 && p < Infinity) || slot < 0) continue;
      const before = mass[slot]!;
      if (before === 0) {
        order[count] = slot;
        count += 1;
      }
      mass[slot] = before + p;
      total += p;
    }
    this.count = count;
    this.total = total;
    return total !== 0;
  }

  clear(): void {
    for (let i = 0; i < this.count; i += 1) this.mass[this.order[i]!] = 0;
    this.count = 0;
  }
}
