/**
 * Seeds that once failed, kept as named regression tests (conventions §11). Each says what it
 * found; the fix is in the commit that added it.
 */
export const PINNED_SEEDS: readonly { readonly seed: number; readonly why: string }[] = [
  {
    seed: 110,
    why: 'an edit stamped earlier than the state it edits (clock skew) still wins: it is causally later',
  },
  {
    seed: 117,
    why: 'the same skew across a server restart and an offline device',
  },
];
