/**
 * Backpressure (SPEC P-FLOW-1). uWS queues whatever cannot be written at once; a client that
 * reads slowly would make that queue, and the server's memory, grow without bound. Above the
 * soft limit the hub stops sending live changes to the socket (the client will pull them after
 * a `resync`) and holds request answers until the socket drains.
 */
export const FLOW_LIMITS = {
  /** Bytes buffered for one socket above which live changes are dropped. */
  softBufferBytes: 1024 * 1024,
  /** How long a socket may stay over the soft limit before it is closed `slow_consumer`. */
  lagGraceMs: 30_000,
  /** Ciphertext characters in one pull answer: a page stops early past this. */
  maxPageChars: 1024 * 1024,
} as const;

/**
 * The longest prefix of a page whose ciphertext fits the answer budget, and at least one
 * document, so a pull always makes progress.
 */
export function fitPage<T extends { readonly ciphertext: string }>(
  documents: readonly T[],
  maxChars: number,
): readonly T[] {
  let total = 0;
  for (let index = 0; index < documents.length; index += 1) {
    total += documents[index]?.ciphertext.length ?? 0;
    if (total > maxChars && index > 0) return documents.slice(0, index);
  }
  return documents;
}
