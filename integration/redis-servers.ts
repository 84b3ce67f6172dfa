import { Cluster, Redis } from 'ioredis';
import {
  RedisProcesses,
  freePort,
  startLocalCluster,
} from '../sync-server/src/adapters/redis/redis-process-support.ts';
import { RedisChangeLog } from '../sync-server/src/adapters/redis/RedisChangeLog.ts';
import { createLogger, silentLogger } from '../sync-server/src/log.ts';
import type { Backend } from './backends.ts';

/** A Redis the test owns, so it can crash it (SIGKILL) and start it again on the same port. */
export interface CrashableBackend extends Backend {
  /** kill -9, then start again on the same data (AOF fsync'd on every write). */
  crashStore(): Promise<void>;
  stop(): Promise<void>;
}

const AOF = ['--appendonly', 'yes', '--appendfsync', 'always'];

/** SYNC_DEBUG=1 prints the change log's own account of what it does (to chase a failing seed). */
const debugLog = process.env['SYNC_DEBUG']
  ? createLogger('debug', {
      out: (line) => console.log(`[${Date.now() % 100_000}] ${line}`),
      err: (line) => console.error(`[${Date.now() % 100_000}] ${line}`),
    })
  : silentLogger;

export async function privateRedisBackend(): Promise<CrashableBackend> {
  const servers = await RedisProcesses.create('integration-redis');
  const port = await freePort();
  await servers.start(port, AOF);
  const clients: Redis[] = [];
  const open = () => {
    // Reconnect fast after a crash; commands fail (no offline queue) while Redis is down, as in
    // production (sync-server/src/main.ts), and the devices retry.
    const client = new Redis({
      port,
      host: '127.0.0.1',
      retryStrategy: () => 50,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    client.on('error', () => {});
    clients.push(client);
    return Promise.resolve(
      new RedisChangeLog({
        client,
        keyPrefix: 'tirelire:',
        log: debugLog,
      }),
    );
  };
  return {
    name: 'private Redis (AOF, crashable)',
    open,
    reopen: async (previous) => {
      await previous.close();
      return open();
    },
    cleanUp: async () => {
      const admin = new Redis({ port, host: '127.0.0.1' });
      await admin.flushall();
      admin.disconnect();
    },
    crashStore: async () => {
      await servers.kill(port);
      await servers.start(port, AOF);
    },
    stop: async () => {
      for (const client of clients.splice(0)) client.disconnect();
      await servers.stopAll();
    },
  };
}

/** Three masters on loopback ports, joined with `redis-cli --cluster create`. */
export async function clusterBackend(): Promise<Backend & { stop(): Promise<void> }> {
  const servers = await RedisProcesses.create('integration-cluster');
  const ports = await startLocalCluster(servers);
  const clients: Cluster[] = [];
  const open = async () => {
    const client = new Cluster(ports.map((port) => ({ host: '127.0.0.1', port })));
    clients.push(client);
    await new Promise((resolve) => client.once('ready', resolve));
    return new RedisChangeLog({ client, keyPrefix: 'tirelire:', log: silentLogger });
  };
  return {
    name: 'Redis Cluster (3 masters)',
    open,
    reopen: async (previous) => {
      await previous.close();
      return open();
    },
    cleanUp: () => Promise.resolve(),
    stop: async () => {
      for (const client of clients.splice(0)) client.disconnect();
      await servers.stopAll();
    },
  };
}
