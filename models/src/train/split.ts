import { mulberry32, seedFrom } from './random.ts';

/**
 * Splits by merchant: every operation of a merchant falls on the same side, so evaluation always
 * meets merchants the model never saw — what a new user's ledger is. (A random split puts the
 * same merchant on both sides and flatters the model; see MODEL_CARD.md.)
 */
export interface Grouped {
  readonly group: string;
}

/** Whether a merchant is held back from cross-validation for the replay (~`share` of them). */
export function isHeldBack(group: string, share: number, seed: number): boolean {
  // A hash, not a draw, so a merchant stays on its side when other data changes; one
  // mulberry32 step mixes FNV's bits, which are uneven for similar keys.
  return mulberry32(seedFrom(group, seedFrom('held-back', seed))).next() < share;
}

/**
 * A fold (0..k-1) for each item, whole groups at a time: groups from largest to smallest (ties
 * in a seeded order) each go to the fold with the fewest items so far, so folds are balanced.
 */
export function groupedFolds(items: readonly Grouped[], k: number, seed: number): Int32Array {
  const sizes = new Map<string, number>();
  for (const { group } of items) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  const random = mulberry32(seedFrom('folds', seed));
  const groups = random.shuffled([...sizes.keys()].sort());
  const tieOrder = new Map(groups.map((group, index) => [group, index]));
  groups.sort(
    (a, b) =>
      (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0) || (tieOrder.get(a) ?? 0) - (tieOrder.get(b) ?? 0),
  );
  const load = new Array<number>(k).fill(0);
  const foldOf = new Map<string, number>();
  for (const group of groups) {
    const fold = load.indexOf(Math.min(...load));
    foldOf.set(group, fold);
    load[fold] = (load[fold] ?? 0) + (sizes.get(group) ?? 0);
  }
  return Int32Array.from(items, ({ group }) => foldOf.get(group) ?? 0);
}

/**
 * The naive split, for comparison only: folds drawn per distinct `key` (a label and its raw
 * variants stay together), ignoring merchants.
 */
export function randomFolds(keys: readonly string[], k: number, seed: number): Int32Array {
  const random = mulberry32(seedFrom('random-folds', seed));
  const foldOf = new Map<string, number>();
  for (const key of [...new Set(keys)].sort()) foldOf.set(key, random.int(0, k - 1));
  return Int32Array.from(keys, (key) => foldOf.get(key) ?? 0);
}
