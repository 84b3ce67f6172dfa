/** Timers, injected so reconnection and timeouts are tested without waiting (conventions §4). */
export interface Timers {
  /** Runs `run` once after `ms`; the returned function cancels it. */
  after(ms: number, run: () => void): () => void;
}

/** Reconnection delays: 0.5 s doubling to 30 s, each shortened by up to half at random. */
export function reconnectDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(30_000, 500 * 2 ** Math.min(attempt, 10));
  // Jitter spreads the reconnections of many clients after a server restart.
  return Math.round(ceiling * (0.5 + random() / 2));
}
