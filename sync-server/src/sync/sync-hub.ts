import type { Clock } from '@tirelire/shared';
import type { Logger } from '../log.ts';
import type { ChangeLog } from '../ports/change-log.ts';
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

  constructor(private readonly deps: SyncHubDeps) {}

  /** Call when a socket opens; feed it what the transport reports through the returned handle. */
  open(socket: SyncSocket): SyncConnection {
    const connection = new SyncConnection(socket, {
      ...this.deps,
      onClosed: (closed) => this.connections.delete(closed),
    });
    this.connections.add(connection);
    return connection;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Closes every socket with `server_shutdown`, so clients reconnect elsewhere at once. */
  shutdown(): void {
    for (const connection of [...this.connections]) connection.close('server_shutdown');
  }
}
