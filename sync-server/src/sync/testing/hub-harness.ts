import {
  SYNC_PROTOCOL_VERSION,
  decodeServerMessage,
  encodeMessage,
  type ClientMessage,
  type ServerMessage,
} from '@tirelire/shared/protocol';
import type { Clock } from '@tirelire/shared';
import { silentLogger } from '../../log.ts';
import type { ChangeLog } from '../../ports/change-log.ts';
import type { TokenIdentity, VerifyToken } from '../sync-connection.ts';
import { SyncHub } from '../sync-hub.ts';
import type { SyncSocket, Timers } from '../sync-socket.ts';

/** A socket that records what the hub sends and lets a test set how much is "buffered". */
export class RecordingSocket implements SyncSocket {
  readonly received: ServerMessage[] = [];
  closedWith: { readonly code: number; readonly reason: string } | null = null;
  buffered = 0;

  send(text: string): void {
    if (this.closedWith !== null) return;
    const decoded = decodeServerMessage(text);
    if (!decoded.ok) throw new Error(`the hub sent an invalid message: ${decoded.message}`);
    this.received.push(decoded.value);
  }

  bufferedAmount(): number {
    return this.buffered;
  }

  close(code: number, reason: string): void {
    this.closedWith ??= { code, reason };
  }

  ofType<T extends ServerMessage['type']>(type: T): Extract<ServerMessage, { type: T }>[] {
    return this.received.filter(
      (message): message is Extract<ServerMessage, { type: T }> => message.type === type,
    );
  }
}

/** Timers a test advances by hand. */
export class ManualTimers implements Timers {
  private now = 0;
  private readonly pending = new Set<{ at: number; run: () => void }>();

  after(ms: number, run: () => void): () => void {
    const timer = { at: this.now + ms, run };
    this.pending.add(timer);
    return () => this.pending.delete(timer);
  }

  advance(ms: number): void {
    this.now += ms;
    for (const timer of [...this.pending].sort((a, b) => a.at - b.at)) {
      if (timer.at > this.now) continue;
      this.pending.delete(timer);
      timer.run();
    }
  }
}

/**
 * Tokens for hub tests: "valid:<user>:<jti>" is accepted (expiring in an hour), "expired" is
 * refused as expired, anything else as malformed. The real ES256 verification is tested with
 * the accounts API (auth/tokens.test.ts) and end to end (integration/).
 */
export const tableVerifier =
  (clock: Clock): VerifyToken =>
  (token) => {
    const match = /^valid:([^:]+):(.+)$/.exec(token);
    if (match?.[1] !== undefined && match[2] !== undefined) {
      const identity: TokenIdentity = {
        userId: match[1],
        jti: match[2],
        expiresAt: clock.now() + 3_600_000,
      };
      return Promise.resolve({ ok: true, value: identity });
    }
    return Promise.resolve({ ok: false, code: token === 'expired' ? 'expired' : 'malformed' });
  };

export function hubFor(changeLog: ChangeLog, timers: Timers, clock: Clock = { now: () => 0 }) {
  return new SyncHub({
    changeLog,
    verifyToken: tableVerifier(clock),
    clock,
    timers,
    log: silentLogger,
  });
}

export const send = (
  connection: { receive(text: string): void },
  message: ClientMessage | Record<string, unknown>,
) => connection.receive(encodeMessage(message as ClientMessage));

export const hello = (user: string, jti = 'jti-1') => ({
  type: 'hello' as const,
  protocol: SYNC_PROTOCOL_VERSION,
  token: `valid:${user}:${jti}`,
});
