/**
 * A way to reach the sync server: one bidirectional text channel at a time. The browser uses a
 * WebSocket; the convergence tests use an in-process loopback that delivers only on flush.
 *
 * Contract (sync-transport.contract.ts, run by every adapter):
 * - `open` never throws; it reports `onOpen` once the channel can carry messages, or `onClose`
 *   if it never could.
 * - Messages arrive whole, in the order sent, each exactly once, until the channel closes.
 * - `onClose` is reported exactly once per link, with the peer's code and reason when it closed
 *   the link, or a code ≥ 1000 of the transport's own (1006 when the connection was lost).
 * - After `close()`, nothing more is delivered, and `send` does nothing.
 */
export interface SyncTransport {
  open(events: SyncLinkEvents): SyncLink;
}

export interface SyncLinkEvents {
  onOpen(): void;
  onMessage(text: string): void;
  onClose(code: number, reason: string): void;
}

export interface SyncLink {
  send(text: string): void;
  close(code?: number, reason?: string): void;
}
