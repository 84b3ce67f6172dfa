/** FNV-1a 32-bit offset basis: the state before any input. */
export const FNV1A_OFFSET_BASIS = 0x811c9dc5;
export const FNV1A_PRIME = 0x01000193;

/**
 * FNV-1a, 32 bits, over the UTF-16 code units of `text` (each unit is XORed in whole, not byte by
 * byte), so it gives the same number in every JavaScript engine and in training, the worker and
 * the command line. Returns an unsigned 32-bit integer.
 *
 * `seed` is the starting state (the offset basis by default), so hashing can be resumed:
 * `fnv1a(b, fnv1a(a)) === fnv1a(a + b)`. Feature hashing uses this to hash "c:" once per label.
 */
export function fnv1a(text: string, seed: number = FNV1A_OFFSET_BASIS): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV1A_PRIME);
  }
  return hash >>> 0;
}

/** One step of {@link fnv1a}: the state after one more UTF-16 code unit. */
export function fnv1aStep(hash: number, codeUnit: number): number {
  return Math.imul(hash ^ codeUnit, FNV1A_PRIME) >>> 0;
}
