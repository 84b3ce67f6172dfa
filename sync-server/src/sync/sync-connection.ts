import {
  CLOSE_REASONS,
  SYNC_LIMITS,
  SYNC_PROTOCOL_VERSION,
  decodeClientMessage,
  encodeMessage,
  type ClientRequest,
  type CloseReason,
  type HelloMessage,
  type ServerMessage,
} from '@tirelire/shared/protocol';
import type { Clock } from '@tirelire/shared';
import type { Logger } from '../log.ts';
import type { ChangeLog, ChangesEvent, FeedEvent, FeedSubscription } from '../ports/change-log.ts';
import { FLOW_LIMITS } from './flow-control.ts';
import { answerRequest } from './requests.ts';
import type { SyncSocket, Timers } from './sync-socket.ts';

/** What a verified access token tells the hub (P-AUTH-1). */
export interface TokenIdentity {
  readonly userId: string;
  readonly jti: string;
  readonly expiresAt: number;
}

export type VerifyToken = (
  token: string,
) => Promise<
  | { readonly ok: true; readonly value: TokenIdentity }
  | { readonly ok: false; readonly code: string }
>;

export interface ConnectionDeps {
  readonly changeLog: ChangeLog;
  readonly verifyToken: VerifyToken;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly log: Logger;
  readonly onClosed: (connection: SyncConnection) => void;
  /** The `changes` message for a feed event, encoded once for all of this instance's sockets. */
  readonly encodeChanges: (event: ChangesEvent) => string;
}

/** Verifying the token, subscribing and reading the head normally take a few milliseconds. */
const START_DEADLINE_MS = 10_000;

type Phase =
  | { readonly name: 'awaiting_hello' }
  | { readonly name: 'starting'; readonly early: ChangesEvent[] }
  | { readonly name: 'ready'; readonly identity: TokenIdentity; readonly liveFrom: number }
  | { readonly name: 'closed' };

/**
 * One device's socket, from `hello` to close: authenticates once, forwards the user's live
 * changes in order, answers requests, and enforces limits and flow control. Every failure of
 * the peer closes this socket only (P-LIMIT-1); nothing here throws to the transport.
 */
export class SyncConnection {
  private phase: Phase = { name: 'awaiting_hello' };
  private subscription: FeedSubscription | null = null;
  private readonly cancelTimers: (() => void)[] = [];
  private requestsInFlight = 0;
  private readonly heldReplies: ServerMessage[] = [];
  private cancelLagTimer: (() => void) | null = null;

  constructor(
    private readonly socket: SyncSocket,
    private readonly deps: ConnectionDeps,
  ) {
    this.cancelTimers.push(
      deps.timers.after(SYNC_LIMITS.helloTimeoutMs, () => {
        if (this.phase.name === 'awaiting_hello') this.close('hello_timeout');
      }),
    );
  }

  get userId(): string | null {
    return this.phase.name === 'ready' ? this.phase.identity.userId : null;
  }

  receive(text: string): void {
    if (this.phase.name === 'closed') return;
    const decoded = decodeClientMessage(text);
    if (!decoded.ok) return this.refuse(decoded.message);
    const message = decoded.value;
    if (message.type === 'hello') {
      if (this.phase.name !== 'awaiting_hello') return this.refuse('a second hello');
      void this.start(message);
      return;
    }
    if (this.phase.name !== 'ready') return this.refuse(`${message.type} before welcome`);
    if (this.requestsInFlight >= SYNC_LIMITS.maxRequestsInFlight) {
      return this.refuse(`over ${SYNC_LIMITS.maxRequestsInFlight} requests in flight`);
    }
    this.requestsInFlight += 1;
    void this.serve(this.phase.identity.userId, message);
  }

  /** The transport wrote out its buffer: resume what flow control held back (P-FLOW-1). */
  drained(): void {
    if (this.phase.name === 'closed') return;
    while (this.heldReplies.length > 0 && !this.isOverSoftLimit()) {
      const reply = this.heldReplies.shift();
      if (reply !== undefined) this.sendReply(reply);
    }
    if (this.cancelLagTimer !== null && !this.isOverSoftLimit()) {
      this.cancelLagTimer();
      this.cancelLagTimer = null;
      this.send({ type: 'resync' });
    }
  }

  /** The peer or the transport closed the socket. */
  closed(): void {
    if (this.phase.name === 'closed') return;
    this.phase = { name: 'closed' };
    this.release();
  }

  close(reason: CloseReason): void {
    if (this.phase.name === 'closed') return;
    this.phase = { name: 'closed' };
    this.socket.close(CLOSE_REASONS[reason], reason);
    this.release();
  }

  private async start(hello: HelloMessage): Promise<void> {
    if (hello.protocol !== SYNC_PROTOCOL_VERSION) return this.close('protocol_mismatch');
    this.phase = { name: 'starting', early: [] };
    // A store that hangs (rather than fails) must not hold the device in limbo: it retries.
    this.cancelTimers.push(
      this.deps.timers.after(START_DEADLINE_MS, () => {
        if (this.phase.name === 'starting') this.close('unavailable');
      }),
    );
    const verified = await this.deps.verifyToken(hello.token);
    if (this.phase.name !== 'starting') return;
    if (!verified.ok)
      return this.close(verified.code === 'expired' ? 'token_expired' : 'unauthenticated');
    const identity = verified.value;
    try {
      // Subscribe before reading the head: a write in between is then both in the feed and
      // at or below `seq`, and the filter below drops the duplicate; none can fall between.
      this.deps.log.debug(`sync: ${identity.userId} authenticated; subscribing`);
      const subscription = await this.deps.changeLog.subscribe(identity.userId, (event) =>
        this.onFeed(event),
      );
      this.deps.log.debug(`sync: ${identity.userId} subscribed; reading the head`);
      if (this.phase.name !== 'starting') {
        await subscription.unsubscribe();
        return;
      }
      this.subscription = subscription;
      const seq = await this.deps.changeLog.head(identity.userId);
      if (this.phase.name !== 'starting') return;
      const early = this.phase.early;
      this.phase = { name: 'ready', identity, liveFrom: seq };
      this.send({
        type: 'welcome',
        protocol: SYNC_PROTOCOL_VERSION,
        userId: identity.userId,
        seq,
        expiresAt: identity.expiresAt,
      });
      for (const event of early) this.forward(event);
      const untilExpiry = Math.max(0, identity.expiresAt - this.deps.clock.now());
      this.cancelTimers.push(
        this.deps.timers.after(untilExpiry, () => this.close('token_expired')),
      );
    } catch (error) {
      this.deps.log.warn(`sync: could not start a session: ${String(error)}`);
      this.close('unavailable');
    }
  }

  private async serve(userId: string, request: ClientRequest): Promise<void> {
    const reply = await answerRequest(this.deps.changeLog, userId, request).catch(
      (error: unknown): ServerMessage => {
        this.deps.log.warn(`sync: ${request.type} failed: ${String(error)}`);
        return { type: 'error', requestId: request.requestId, reason: 'store_unavailable' };
      },
    );
    if (this.phase.name === 'closed') return;
    if (reply.type === 'refused') return this.refuse(reply.reason);
    if (this.isOverSoftLimit()) this.heldReplies.push(reply);
    else this.sendReply(reply);
  }

  private onFeed(event: FeedEvent): void {
    const phase = this.phase;
    if (event.type === 'revoked') {
      const isThisSession =
        event.jti === null || (phase.name === 'ready' && phase.identity.jti === event.jti);
      if (isThisSession && phase.name !== 'closed') this.close(event.reason);
      return;
    }
    if (phase.name === 'starting' && event.type === 'changes') phase.early.push(event);
    if (phase.name !== 'ready') return;
    if (event.type === 'interrupted') this.send({ type: 'resync' });
    else this.forward(event);
  }

  /** Live changes in order (P-LIVE-1), or none at all and a `resync` later (P-FLOW-1). */
  private forward(event: ChangesEvent): void {
    if (this.phase.name !== 'ready' || event.afterSeq < this.phase.liveFrom) return;
    if (this.cancelLagTimer !== null) return;
    if (this.isOverSoftLimit()) {
      this.cancelLagTimer = this.deps.timers.after(FLOW_LIMITS.lagGraceMs, () =>
        this.close('slow_consumer'),
      );
      return;
    }
    this.socket.send(this.deps.encodeChanges(event));
  }

  private sendReply(reply: ServerMessage): void {
    this.requestsInFlight -= 1;
    this.send(reply);
  }

  private send(message: ServerMessage): void {
    this.socket.send(encodeMessage(message));
  }

  private isOverSoftLimit(): boolean {
    return this.socket.bufferedAmount() > FLOW_LIMITS.softBufferBytes;
  }

  private refuse(detail: string): void {
    this.deps.log.debug(`sync: closing a socket: ${detail}`);
    this.close('malformed_message');
  }

  private release(): void {
    for (const cancel of this.cancelTimers.splice(0)) cancel();
    this.cancelLagTimer?.();
    this.cancelLagTimer = null;
    this.heldReplies.length = 0;
    const subscription = this.subscription;
    this.subscription = null;
    if (subscription !== null) {
      subscription.unsubscribe().catch((error: unknown) => {
        this.deps.log.warn(`sync: unsubscribe failed: ${String(error)}`);
      });
    }
    this.deps.onClosed(this);
  }
}
