import type { Clock } from '@tirelire/shared';
import type { Logger } from '../log.ts';
import { encodeMessage } from '@tirelire/shared/protocol';
import type { ChangeLog, ChangesEvent } from '../ports/change-log.ts';
import { SyncConnection, type VerifyToken } from './sync-connection.ts';
import type { SyncSocket, Timers } from './sync-socket.ts';

export interface SyncHubDeps {
  readonly changeLog: ChangeLog;
  readonly verifyToken: VerifyToken;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly log: Logger;
}

/**
 * The sync endpoint of one server instance: a connection per socket, nothing shared between
 * them but the change log. Instances keep no state a user depends on, so any number can run
 * behind a load balancer: the log's feed reaches every instance holding that user's sockets.
 */
export class SyncHub {
  private readonly connections = new Set<SyncConnection>();
  /**
   * A feed event reaches every socket of its user on this instance as the same object, so its
   * message is serialised once, not once per socket (`npm run bench -- sync`: ~3 µs of the
   * ~12 µs each delivery cost). Weak: entries go with the events.
   */
  private readonly encoded = new WeakMap<ChangesEvent, string>();

  constructor(private readonly deps: SyncHubDeps) {}

  /** Call when a socket opens; feed it what the transport reports through the returned handle. */
  open(socket: SyncSocket): SyncConnection {
    const connection = new SyncConnection(socket, {
      ...this.deps,
      onClosed: (closed) => this.connections.delete(closed),
      encodeChanges: (event) => this.encode(event),
    });
    this.connections.add(connection);
    return connection;
  }

  private encode(event: ChangesEvent): string {
    let text = this.encoded.get(event);
    if (text === undefined) {
      const { collection, afterSeq, documents } = event;
      text = encodeMessage({ type: 'changes', collection, afterSeq, documents: [...documents] });
      this.encoded.set(event, text);
    }
    return text;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Closes every socket with `server_shutdown`, so clients reconnect elsewhere at once. */
  shutdown(): void {
    for (const connection of [...this.connections]) connection.close('server_shutdown');
  }
}
