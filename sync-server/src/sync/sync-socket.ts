/**
 * All the sync hub needs of a WebSocket, so it runs the same over uWS and over the in-process
 * loopback the convergence tests use (conventions: "the server depends only on a minimal
 * socket interface").
 */
export interface SyncSocket {
  /** Queues a text message. Never throws, also after the socket closed (then it is dropped). */
  send(text: string): void;
  /** Bytes queued and not yet written to the network. */
  bufferedAmount(): number;
  /** Closes with a code and reason; later calls and sends are ignored. */
  close(code: number, reason: string): void;
}

/** Timers, injected so that expiry and slow-consumer tests do not wait for real time. */
export interface Timers {
  /** Runs `run` once after `ms`; the returned function cancels it. */
  after(ms: number, run: () => void): () => void;
}

export const realTimers: Timers = {
  after(ms, run) {
    // Node timers keep at most 2^31-1 ms; a token valid longer than that is checked again then.
    const handle = setTimeout(run, Math.min(ms, 2_147_483_647));
    handle.unref();
    return () => clearTimeout(handle);
  },
};
