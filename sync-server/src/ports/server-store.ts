/**
 * Where the sync server keeps what outlives a connection. Today it only reports whether it can;
 * sign-up and sync will add users, tokens and encrypted documents here, each method in domain
 * terms (e.g. `createUser`, `appendChanges`), never raw keys or files.
 *
 * Contract (server-store.contract.ts, run by every adapter):
 * - `health()` never rejects and settles within the adapter's health timeout, even when the
 *   backing service is down or the store is closed; it then reports `ok: false` with a reason.
 * - `close()` is idempotent and releases every handle (sockets, timers, files), so a process
 *   holding a closed store can exit.
 */
export interface ServerStore {
  readonly kind: StoreKind;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

export type StoreKind = 'redis' | 'embedded';

/**
 * Stable reasons for an unhealthy store. `/healthz` is public, so it shows these codes only;
 * the details (host names, errno) go to the server log.
 */
export const STORE_FAILURE_REASONS = ['timeout', 'unreachable', 'not-writable', 'closed'] as const;
export type StoreFailureReason = (typeof STORE_FAILURE_REASONS)[number];

export type StoreHealth =
  | { readonly kind: StoreKind; readonly ok: true; readonly latencyMs: number }
  | { readonly kind: StoreKind; readonly ok: false; readonly reason: StoreFailureReason };
