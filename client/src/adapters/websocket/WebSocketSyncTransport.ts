import type { SyncLink, SyncLinkEvents, SyncTransport } from '../../ports/sync-transport.ts';

/**
 * The part of the WHATWG WebSocket this adapter uses: the browser's, or `ws` in Node tests.
 * Handlers take `never` so that both libraries' event types fit; the adapter's own handlers
 * declare the fields they read (`data`; `code` and `reason`).
 */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketFactory = (url: string) => WebSocketLike;

const OPEN = 1;

/** The sync server's WebSocket, at `url` (ws: or wss:, next to the page that serves the app). */
export class WebSocketSyncTransport implements SyncTransport {
  constructor(
    private readonly url: string,
    private readonly createSocket: WebSocketFactory,
  ) {}

  open(events: SyncLinkEvents): SyncLink {
    let isClosed = false;
    const closeOnce = (code: number, reason: string) => {
      if (isClosed) return;
      isClosed = true;
      events.onClose(code, reason);
    };
    let socket: WebSocketLike;
    try {
      socket = this.createSocket(this.url);
    } catch (error) {
      // A malformed URL throws synchronously; report it like any failed connection.
      queueMicrotask(() => closeOnce(1006, String(error)));
      return { send: () => {}, close: () => closeOnce(1000, 'closed') };
    }
    socket.onopen = () => {
      if (!isClosed) events.onOpen();
    };
    socket.onmessage = (event: { readonly data: unknown }) => {
      // Binary frames are not part of the protocol; the session treats them as garbage.
      if (!isClosed) events.onMessage(typeof event.data === 'string' ? event.data : '');
    };
    socket.onclose = (event: { readonly code: number; readonly reason: string }) =>
      closeOnce(event.code, event.reason);
    // An error is always followed by a close event, which carries what we report.
    socket.onerror = () => {};
    return {
      send: (text) => {
        if (!isClosed && socket.readyState === OPEN) socket.send(text);
      },
      close: (code = 1000, reason = '') => {
        if (isClosed) return;
        closeOnce(code, reason);
        try {
          socket.close(code >= 3000 || code === 1000 ? code : 1000, reason);
        } catch {
          // Closing a socket that never opened can throw in some browsers; it is gone anyway.
        }
      },
    };
  }
}

/** The sync URL for a page served at `location` (same host; ws for http, wss for https). */
export function syncUrlFor(location: { readonly protocol: string; readonly host: string }): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/v1/sync`;
}
