import { SYNC_LIMITS } from '@tirelire/shared/protocol';
import uWS from 'uWebSockets.js';
import type { TemplatedApp, WebSocket } from 'uWebSockets.js';
import type { SyncConnection } from '../../sync/sync-connection.ts';
import type { SyncHub } from '../../sync/sync-hub.ts';
import type { SyncSocket } from '../../sync/sync-socket.ts';

/** The sync WebSocket's path (docs/api.md). */
export const SYNC_PATH = '/api/v1/sync';

/**
 * uWS's hard cap per socket. The hub keeps each socket under its own 1 MiB soft limit
 * (P-FLOW-1); this only catches a bug there, by closing the socket rather than growing.
 */
const MAX_BACKPRESSURE_BYTES = 16 * 1024 * 1024;

interface SocketData {
  socket?: UwsSyncSocket;
  connection?: SyncConnection;
}

/** A uWS socket seen through the hub's SyncSocket: safe to use after it closed. */
class UwsSyncSocket implements SyncSocket {
  isOpen = true;

  constructor(private readonly ws: WebSocket<SocketData>) {}

  send(text: string): void {
    // uWS throws on any call to a closed socket; a late answer for a gone client is dropped.
    if (this.isOpen) this.ws.send(text, false);
  }

  bufferedAmount(): number {
    return this.isOpen ? this.ws.getBufferedAmount() : 0;
  }

  close(code: number, reason: string): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.ws.end(code, reason);
  }
}

/** Serves the sync protocol at SYNC_PATH on a uWS app; all protocol logic is in the hub. */
export function addSyncRoute(app: TemplatedApp, hub: SyncHub): void {
  app.ws<SocketData>(SYNC_PATH, {
    // Ciphertext does not compress; compression would only cost CPU and memory per socket.
    compression: uWS.DISABLED,
    // Larger messages make uWS close the socket (1009) before we see them (P-LIMIT-1).
    maxPayloadLength: SYNC_LIMITS.maxMessageBytes,
    maxBackpressure: MAX_BACKPRESSURE_BYTES,
    // Typed as a number by this build's .d.ts; uWS reads it as a boolean.
    closeOnBackpressureLimit: 1,
    // Pings keep NAT and proxies from dropping quiet sockets, and find dead peers.
    idleTimeout: 120,
    sendPingsAutomatically: true,
    open: (ws) => {
      const data = ws.getUserData();
      data.socket = new UwsSyncSocket(ws);
      data.connection = hub.open(data.socket);
    },
    message: (ws, message, isBinary) => {
      const { connection } = ws.getUserData();
      if (connection === undefined) return;
      if (isBinary) {
        connection.close('malformed_message');
        return;
      }
      // The ArrayBuffer is only valid during this call: decoding copies it.
      connection.receive(Buffer.from(message).toString('utf8'));
    },
    drain: (ws) => ws.getUserData().connection?.drained(),
    close: (ws) => {
      const data = ws.getUserData();
      if (data.socket !== undefined) data.socket.isOpen = false;
      data.connection?.closed();
    },
  });
}
