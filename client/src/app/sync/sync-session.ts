import { signal, type ReadonlySignal } from '@preact/signals';
import {
  SYNC_PROTOCOL_VERSION,
  closeReasonOf,
  decodeServerMessage,
  encodeMessage,
  type ClientRequest,
  type KeyRecord,
  type PushRow,
  type ServerMessage,
  type ServerReply,
  type SyncedCollection,
} from '@tirelire/shared/protocol';
import type { RemoteEvent, RemotePage, SyncRemote } from '../../ports/sync-remote.ts';
import type { SyncLink, SyncTransport } from '../../ports/sync-transport.ts';
import { FATAL_CLOSE_REASONS, type ConnectionState } from './sync-state.ts';
import { reconnectDelay, type Timers } from './timers.ts';

/** A request without an answer this long means a dead connection: drop it and reconnect. */
const REQUEST_TIMEOUT_MS = 30_000;
/** A server that accepts the socket but never welcomes it is treated as down. */
const WELCOME_TIMEOUT_MS = 20_000;
/** Our own close code when we give up on a link (4000–4999 are the server's). */
const CLIENT_GAVE_UP = 3000;

export class SyncRequestError extends Error {
  override name = 'SyncRequestError';
}

export interface SyncSessionDeps {
  readonly transport: SyncTransport;
  /** A valid access token, or null when signed out (sync stops). */
  readonly accessToken: () => Promise<string | null>;
  readonly timers: Timers;
  readonly now: () => number;
  readonly random: () => number;
}

type RequestBody = ClientRequest extends infer R
  ? R extends ClientRequest
    ? Omit<R, 'requestId'>
    : never
  : never;

interface Pending {
  readonly resolve: (reply: ServerReply) => void;
  readonly reject: (error: Error) => void;
  readonly cancelTimeout: () => void;
}

/**
 * The client end of the sync protocol: one socket, authenticated once (P-HELLO-1), requests
 * matched to answers, the live stream checked for gaps (P-LIVE-1/2), and reconnection with
 * backoff. Requests made while offline wait for the next connection; requests in flight when it
 * drops reject, and the replication retries them.
 */
export class SyncSession implements SyncRemote {
  private readonly current = signal<ConnectionState>({ state: 'idle' });
  private link: SyncLink | null = null;
  private isWanted = false;
  private attempt = 0;
  private cancelRetry: (() => void) | null = null;
  private cancelWelcome: (() => void) | null = null;
  private nextRequestId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly waitingForOnline: (() => void)[] = [];
  private readonly listeners = new Set<(event: RemoteEvent) => void>();
  /** Last `seq` seen on the live stream; null when unknown (after a resync). */
  private lastSeq: number | null = null;

  constructor(private readonly deps: SyncSessionDeps) {}

  get state(): ReadonlySignal<ConnectionState> {
    return this.current;
  }

  start(): void {
    if (this.isWanted) return;
    this.isWanted = true;
    void this.connect();
  }

  stop(): void {
    this.isWanted = false;
    this.cancelRetry?.();
    this.link?.close(1000, 'stopped');
    this.link = null;
    this.failPending('sync stopped');
    this.current.value = { state: 'idle' };
    // Requests waiting for a connection fail now, not on whichever account connects next.
    for (const wake of this.waitingForOnline.splice(0)) wake();
  }

  /** The network came back (browser `online` event): do not wait for the backoff. */
  reconnectNow(): void {
    if (!this.isWanted || this.current.value.state !== 'offline') return;
    this.cancelRetry?.();
    this.attempt = 0;
    void this.connect();
  }

  /** The browser says the network is gone (`offline` event): show it now, retry with backoff. */
  dropConnection(): void {
    const link = this.link;
    if (link === null) return;
    link.close(CLIENT_GAVE_UP, 'offline');
    this.onLinkClosed(link, 1006, 'offline');
  }

  listen(listener: (event: RemoteEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async pull(collection: SyncedCollection, since: number, limit: number): Promise<RemotePage> {
    const reply = await this.request({ type: 'pull', collection, since, limit });
    if (reply.type !== 'pulled') throw unexpected(reply);
    return reply;
  }

  async push(collection: SyncedCollection, rows: readonly PushRow[]) {
    const reply = await this.request({ type: 'push', collection, rows: [...rows] });
    if (reply.type !== 'pushed') throw unexpected(reply);
    return reply;
  }

  async readKey(): Promise<KeyRecord | null> {
    const reply = await this.request({ type: 'getKey' });
    if (reply.type !== 'key') throw unexpected(reply);
    return reply.record;
  }

  async writeKey(assumedRevision: number, record: KeyRecord) {
    const reply = await this.request({ type: 'putKey', assumedRevision, record });
    if (reply.type !== 'keyStored') throw unexpected(reply);
    return reply;
  }

  private async request(body: RequestBody): Promise<ServerReply> {
    while (this.current.value.state !== 'online' || this.link === null) {
      if (!this.isWanted || this.current.value.state === 'stopped') {
        throw new SyncRequestError('sync is not running');
      }
      await new Promise<void>((resolve) => this.waitingForOnline.push(resolve));
    }
    const link = this.link;
    const requestId = this.nextRequestId++;
    const reply = new Promise<ServerReply>((resolve, reject) => {
      const cancelTimeout = this.deps.timers.after(REQUEST_TIMEOUT_MS, () => {
        if (this.link === link) link.close(CLIENT_GAVE_UP, 'request timed out');
        this.onLinkClosed(link, 1006, 'request timed out');
      });
      this.pending.set(requestId, { resolve, reject, cancelTimeout });
    });
    link.send(encodeMessage({ ...body, requestId }));
    const answer = await reply;
    if (answer.type === 'error') throw new SyncRequestError(`server: ${answer.reason}`);
    return answer;
  }

  private async connect(): Promise<void> {
    this.current.value = { state: 'connecting' };
    const token = await this.deps.accessToken().catch(() => undefined);
    if (!this.isWanted) return;
    if (token === null) return this.halt('signed_out');
    if (token === undefined) return this.scheduleRetry();
    const link = this.deps.transport.open({
      onOpen: () => {
        if (this.link === link) {
          link.send(encodeMessage({ type: 'hello', protocol: SYNC_PROTOCOL_VERSION, token }));
        }
      },
      onMessage: (text) => {
        if (this.link === link) this.onMessage(link, text);
      },
      onClose: (code, reason) => this.onLinkClosed(link, code, reason),
    });
    this.link = link;
    const cancelWelcomeTimeout = this.deps.timers.after(WELCOME_TIMEOUT_MS, () => {
      if (this.link !== link || this.current.value.state === 'online') return;
      link.close(CLIENT_GAVE_UP, 'no welcome');
      this.onLinkClosed(link, 1006, 'no welcome');
    });
    this.cancelWelcome = cancelWelcomeTimeout;
  }

  private onMessage(link: SyncLink, text: string): void {
    const decoded = decodeServerMessage(text);
    if (!decoded.ok) {
      // A server that speaks nonsense is treated like a lost connection.
      link.close(CLIENT_GAVE_UP, 'malformed server message');
      this.onLinkClosed(link, 1006, decoded.message);
      return;
    }
    this.handle(decoded.value);
  }

  private handle(message: ServerMessage): void {
    switch (message.type) {
      case 'welcome':
        this.cancelWelcome?.();
        this.cancelWelcome = null;
        this.attempt = 0;
        this.lastSeq = message.seq;
        this.current.value = { state: 'online', userId: message.userId };
        for (const wake of this.waitingForOnline.splice(0)) wake();
        // Whatever happened while disconnected is only in the log: pull it (P-LIVE-2).
        this.emit({ type: 'resync' });
        return;
      case 'changes': {
        const last = message.afterSeq + message.documents.length;
        if (this.lastSeq !== null && last <= this.lastSeq) return;
        const isContiguous = this.lastSeq === null || message.afterSeq === this.lastSeq;
        this.lastSeq = last;
        if (isContiguous) {
          const { collection, documents } = message;
          this.emit({ type: 'changes', collection, documents, checkpoint: last });
        } else {
          this.emit({ type: 'resync' });
        }
        return;
      }
      case 'resync':
        this.lastSeq = null;
        this.emit({ type: 'resync' });
        return;
      default: {
        const pending = this.pending.get(message.requestId);
        if (pending === undefined) return;
        this.pending.delete(message.requestId);
        pending.cancelTimeout();
        pending.resolve(message);
      }
    }
  }

  private onLinkClosed(link: SyncLink, code: number, reason: string): void {
    if (this.link !== link) return;
    this.link = null;
    this.failPending(`connection closed (${code} ${reason})`);
    if (!this.isWanted) return;
    const closeReason = closeReasonOf(code);
    if (closeReason !== null && FATAL_CLOSE_REASONS.has(closeReason)) {
      return this.halt(closeReason as 'protocol_mismatch' | 'token_revoked' | 'account_deleted');
    }
    // An expired token is refreshed by the next connect; no reason to wait.
    if (closeReason === 'token_expired' || closeReason === 'server_shutdown') this.attempt = 0;
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    const delay = reconnectDelay(this.attempt, this.deps.random);
    this.attempt += 1;
    this.current.value = { state: 'offline', retryAt: this.deps.now() + delay };
    this.cancelRetry = this.deps.timers.after(delay, () => {
      this.cancelRetry = null;
      if (this.isWanted) void this.connect();
    });
  }

  private halt(
    reason: 'protocol_mismatch' | 'token_revoked' | 'account_deleted' | 'signed_out',
  ): void {
    this.isWanted = false;
    this.current.value = { state: 'stopped', reason };
    for (const wake of this.waitingForOnline.splice(0)) wake();
  }

  private failPending(why: string): void {
    for (const pending of this.pending.values()) {
      pending.cancelTimeout();
      pending.reject(new SyncRequestError(why));
    }
    this.pending.clear();
  }

  private emit(event: RemoteEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}

function unexpected(reply: ServerReply): SyncRequestError {
  return new SyncRequestError(`unexpected answer ${reply.type}`);
}
