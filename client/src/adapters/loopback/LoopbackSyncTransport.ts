import type { SyncLink, SyncLinkEvents, SyncTransport } from '../../ports/sync-transport.ts';

/** The server's end of a loopback link, shaped like the sync hub's socket. */
export interface LoopbackServerSocket {
  send(text: string): void;
  bufferedAmount(): number;
  close(code: number, reason: string): void;
}

/** What the server side does with a link: the hub's connection handle fits. */
export interface LoopbackPeer {
  receive(text: string): void;
  closed(): void;
}

export type LoopbackAcceptor = (socket: LoopbackServerSocket) => LoopbackPeer;

/**
 * An in-process network between clients and a server, for tests. Nothing is delivered until
 * `flush()` (or, with `autoFlush`, the next macrotask), so tests decide the interleaving, as
 * tldraw's sync-core tests do. `goOffline()` drops every link like a lost connection and refuses
 * new ones until `goOnline()`.
 */
export class LoopbackSyncTransport implements SyncTransport {
  private readonly queue: (() => void)[] = [];
  private readonly links = new Set<() => void>();
  private isOnline = true;
  private isFlushScheduled = false;

  constructor(
    private readonly accept: LoopbackAcceptor,
    private readonly options: { readonly autoFlush: boolean } = { autoFlush: true },
  ) {}

  get pendingMessages(): number {
    return this.queue.length;
  }

  open(events: SyncLinkEvents): SyncLink {
    let isClosed = false;
    let peer: LoopbackPeer | null = null;
    const closeBoth = (code: number, reason: string, notifyServer: boolean) => {
      if (isClosed) return;
      isClosed = true;
      this.links.delete(drop);
      this.enqueue(() => events.onClose(code, reason));
      if (notifyServer && peer !== null) {
        const closingPeer = peer;
        this.enqueue(() => closingPeer.closed());
      }
    };
    const drop = () => closeBoth(1006, 'connection lost', true);
    if (!this.isOnline) {
      isClosed = true;
      this.enqueue(() => events.onClose(1006, 'offline'));
      return { send: () => {}, close: () => {} };
    }
    this.links.add(drop);
    const serverSocket: LoopbackServerSocket = {
      send: (text) => {
        if (!isClosed) this.enqueue(() => !isClosed && events.onMessage(text));
      },
      bufferedAmount: () => 0,
      close: (code, reason) => closeBoth(code, reason, true),
    };
    this.enqueue(() => {
      if (isClosed) return;
      peer = this.accept(serverSocket);
      events.onOpen();
    });
    return {
      send: (text) => {
        if (!isClosed) this.enqueue(() => !isClosed && peer?.receive(text));
      },
      close: (code = 1000, reason = '') => closeBoth(code, reason, true),
    };
  }

  /** Delivers everything queued, including what the deliveries queue. */
  flush(): number {
    let delivered = 0;
    for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
      next();
      delivered += 1;
    }
    return delivered;
  }

  goOffline(): void {
    this.isOnline = false;
    for (const drop of [...this.links]) drop();
  }

  goOnline(): void {
    this.isOnline = true;
  }

  private enqueue(delivery: () => void): void {
    this.queue.push(delivery);
    if (!this.options.autoFlush || this.isFlushScheduled) return;
    this.isFlushScheduled = true;
    setTimeout(() => {
      this.isFlushScheduled = false;
      this.flush();
    }, 0);
  }
}
