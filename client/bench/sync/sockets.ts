import { closeAll, cpuPercent, localAddressFor, mapConcurrent, mib, round, sleep } from './load.ts';
import type { ServerHandle } from './server-handle.ts';
import type { BenchDevice, SyncTarget } from './target.ts';

export interface SocketsFigure {
  readonly attempted: number;
  readonly connected: number;
  /** Still open on both ends after the hold. */
  readonly held: number;
  readonly serverConnections: number;
  readonly failures: number;
  readonly firstFailure: string | null;
  /** From the first connect to the last completed handshake (ours: welcome received). */
  readonly connectSeconds: number;
  readonly serverCpuPercentWhileConnecting: number;
  readonly serverRssIdleMiB: number;
  readonly serverRssMiB: number;
  /** (RSS with the sockets − RSS idle) / sockets held. */
  readonly serverKiBPerSocket: number;
}

const DEVICES_PER_USER = 2;
/** Connections in flight at once: a reconnect storm, bounded so the listen backlog never overflows. */
const CONCURRENCY = 200;
const HOLD_MS = 3_000;

/**
 * Opens `sockets` sockets against one server instance, two devices per user, and completes each
 * server's handshake on every one; holds them a few seconds (idle: no writes), then counts
 * what is still open and reads the server's RSS. Tokens are signed before the clock starts.
 */
export async function measureSockets(
  target: SyncTarget,
  server: ServerHandle,
  sockets: number,
): Promise<SocketsFigure> {
  const credentials: string[] = [];
  for (let index = 0; index < sockets; index += 1) {
    credentials.push(
      await target.credentialsFor(`sockets-${Math.floor(index / DEVICES_PER_USER)}`),
    );
  }
  const devices: BenchDevice[] = [];
  let failures = 0;
  let firstFailure: string | null = null;
  try {
    const idle = await server.stats();
    const start = performance.now();
    await mapConcurrent(credentials, CONCURRENCY, async (credential, index) => {
      try {
        devices.push(await target.connect(credential, localAddressFor(index)));
      } catch (error) {
        failures += 1;
        firstFailure ??= error instanceof Error ? error.message : String(error);
      }
    });
    const connectSeconds = (performance.now() - start) / 1000;
    const connected = await server.stats();
    await sleep(HOLD_MS);
    const held = await server.stats();
    const open = devices.filter((device) => device.isOpen).length;
    return {
      attempted: sockets,
      connected: devices.length,
      held: Math.min(open, held.connections),
      serverConnections: held.connections,
      failures,
      firstFailure,
      connectSeconds: round(connectSeconds, 2),
      serverCpuPercentWhileConnecting: cpuPercent(idle, connected, connectSeconds),
      serverRssIdleMiB: mib(idle.rssBytes),
      serverRssMiB: mib(held.rssBytes),
      serverKiBPerSocket: round((held.rssBytes - idle.rssBytes) / 1024 / Math.max(1, open)),
    };
  } finally {
    closeAll(devices);
  }
}
