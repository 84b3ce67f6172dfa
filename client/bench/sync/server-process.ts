/**
 * One server under test, in its own process (started by server-handle.ts). A child process
 * rather than in the bench's own: the server then has a core, a heap and a file-descriptor
 * table of its own, so its RSS and CPU time are its alone (not the 10,000 client sockets'),
 * the load generator's event loop does not delay its callbacks, and a crash of the native uWS
 * binary cannot take the bench down with it.
 *
 * It serves exactly what production serves at /api/v1/sync: our SyncHub on UwsHttpServer
 * (as sync-server/src/main.ts wires them) over a RedisChangeLog or an EmbeddedChangeLog, or
 * RxDB's `startWebsocketServer` over a memory-storage database with one collection.
 */
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { startWebsocketServer } from 'rxdb/plugins/replication-websocket';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { EmbeddedChangeLog } from '../../../sync-server/src/adapters/embedded/EmbeddedChangeLog.ts';
import { RedisChangeLog } from '../../../sync-server/src/adapters/redis/RedisChangeLog.ts';
import { requireNativeUws } from '../../../sync-server/src/adapters/uws/native-uws.ts';
// Not imported by UwsHttpServer.ts itself: brings its uWS typings into this project too.
import '../../../sync-server/src/adapters/uws/uws-augment.ts';
import { UwsHttpServer } from '../../../sync-server/src/adapters/uws/UwsHttpServer.ts';
import { SYNC_PATH } from '../../../sync-server/src/adapters/uws/uws-sync-route.ts';
import { buildKeyRing, parsePrivateKeyPem } from '../../../sync-server/src/auth/keys.ts';
import { textReply } from '../../../sync-server/src/http/replies.ts';
import { createLogger } from '../../../sync-server/src/log.ts';
import type { ChangeLog } from '../../../sync-server/src/ports/change-log.ts';
import { SyncHub } from '../../../sync-server/src/sync/sync-hub.ts';
import { realTimers } from '../../../sync-server/src/sync/sync-socket.ts';
import { tokenVerifier } from '../../../sync-server/src/sync/token-verifier.ts';
import { isParentMessage, type ChildMessage, type StartCommand } from './ipc.ts';
import { RXDB_COLLECTION, TOKEN_AUDIENCE } from './protocol-constants.ts';

/** What each kind of server leaves the parent to ask and to stop. */
interface RunningServer {
  readonly port: number;
  readonly path: string;
  connections(): number;
  stop(): Promise<void>;
}

// Warnings and errors only: a failure inside the server must show in the bench's output.
const log = createLogger('warn', {
  out: (line) => process.stdout.write(`[server] ${line}\n`),
  err: (line) => process.stderr.write(`[server] ${line}\n`),
});

async function startTirelire(command: StartCommand): Promise<RunningServer> {
  const privateKey = parsePrivateKeyPem(command.privateKeyPem);
  if (!privateKey.ok) throw new Error(privateKey.message);
  const keyRing = await buildKeyRing(privateKey.value, []);
  let redis: Redis | null = null;
  let changeLog: ChangeLog;
  if (command.kind === 'tirelire-redis') {
    redis = new Redis(command.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    changeLog = new RedisChangeLog({ client: redis, keyPrefix: command.keyPrefix, log });
  } else {
    changeLog = await EmbeddedChangeLog.open({ dataDir: command.dataDir, log });
  }
  const clock = { now: () => Date.now() };
  const hub = new SyncHub({
    changeLog,
    verifyToken: tokenVerifier(keyRing, TOKEN_AUDIENCE, clock),
    clock,
    timers: realTimers,
    log,
  });
  const server = await UwsHttpServer.listen({
    host: '127.0.0.1',
    port: 0,
    handler: (request) => textReply(request.method, 404, 'Not Found'),
    log,
    native: requireNativeUws(),
    sync: hub,
  });
  return {
    port: server.port,
    path: SYNC_PATH,
    connections: () => hub.connectionCount,
    stop: async () => {
      hub.shutdown();
      server.close();
      await changeLog.close();
      if (redis !== null) await redis.quit();
    },
  };
}

/**
 * The same fields as the operations the bench writes; only the primary key is indexed (RxDB's
 * own default indexes aside), RxDB's cheapest setup for this load.
 */
const OPERATION_SCHEMA: RxJsonSchema<Record<string, unknown>> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    accountId: { type: 'string' },
    date: { type: 'string' },
    valueDate: { type: ['string', 'null'] },
    amountMinor: { type: 'integer' },
    currency: { type: 'string' },
    rawLabel: { type: 'string' },
    label: { type: 'string' },
    categoryId: { type: ['string', 'null'] },
    categorySource: { type: 'string' },
    note: { type: 'string' },
    origin: { type: 'string' },
    externalId: { type: ['string', 'null'] },
    importBatchId: { type: ['string', 'null'] },
    transferPeerId: { type: ['string', 'null'] },
    createdAt: { type: 'integer' },
    updatedAt: { type: 'integer' },
  },
  required: ['id'],
};

async function startRxdb(): Promise<RunningServer> {
  const database = await createRxDatabase({
    name: 'bench',
    storage: getRxStorageMemory(),
    multiInstance: false,
    eventReduce: false,
  });
  await database.addCollections({ [RXDB_COLLECTION]: { schema: OPERATION_SCHEMA } });
  const state = startWebsocketServer({ database, host: '127.0.0.1', port: 0 });
  await once(state.server, 'listening');
  const address = state.server.address();
  if (address === null || typeof address !== 'object') throw new Error('the ws server has no port');
  return {
    port: address.port,
    path: '/',
    connections: () => state.server.clients.size,
    stop: async () => {
      await database.close();
    },
  };
}

function tell(message: ChildMessage): void {
  process.send?.(message);
}

let running: RunningServer | null = null;

async function onMessage(message: unknown): Promise<void> {
  if (!isParentMessage(message)) return;
  if (message.type === 'start') {
    running = message.kind === 'rxdb' ? await startRxdb() : await startTirelire(message);
    tell({ type: 'ready', port: running.port, path: running.path });
  } else if (message.type === 'stats') {
    const { user, system } = process.cpuUsage();
    const stats = {
      rssBytes: process.memoryUsage.rss(),
      cpuMicros: user + system,
      connections: running?.connections() ?? 0,
    };
    tell({ type: 'stats', requestId: message.requestId, stats });
  } else {
    await running?.stop();
    process.exit(0);
  }
}

process.on('message', (message: unknown) => {
  onMessage(message).catch((error: unknown) => {
    tell({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  });
});
// The bench is gone (finished, crashed or interrupted): never outlive it.
process.once('disconnect', () => process.exit(0));
