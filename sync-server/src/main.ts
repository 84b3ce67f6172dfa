// The composition root (conventions §4): the only module that reads the environment, picks the
// adapters and owns the process (signals, exit codes). Everything else receives what it needs.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { EmbeddedAuthStore } from './adapters/embedded/EmbeddedAuthStore.ts';
import { EmbeddedChangeLog } from './adapters/embedded/EmbeddedChangeLog.ts';
import { EmbeddedServerStore, StoreOpenError } from './adapters/embedded/EmbeddedServerStore.ts';
import { RedisAuthStore } from './adapters/redis/RedisAuthStore.ts';
import { RedisChangeLog } from './adapters/redis/RedisChangeLog.ts';
import { RedisServerStore } from './adapters/redis/RedisServerStore.ts';
import { requireNativeUws } from './adapters/uws/native-uws.ts';
import { ListenError, UwsHttpServer } from './adapters/uws/UwsHttpServer.ts';
import { loadOrCreateEmbeddedKeyRing } from './auth/key-files.ts';
import { loadKeyRing, type KeyRing } from './auth/keys.ts';
import { parseConfig, redactUrl, type ServerConfig } from './config.ts';
import { createHttpApp } from './http/app.ts';
import { loadStaticSite } from './http/static-files.ts';
import { createLogger, type Logger } from './log.ts';
import type { AuthStore } from './ports/auth-store.ts';
import type { ChangeLog } from './ports/change-log.ts';
import type { ServerStore } from './ports/server-store.ts';
import { SyncHub } from './sync/sync-hub.ts';
import { realTimers } from './sync/sync-socket.ts';
import { tokenVerifier } from './sync/token-verifier.ts';

/** Exit codes: 2 = fix the configuration; 1 = could not start or stop cleanly. */
const EXIT_CONFIG = 2;
const EXIT_FAILURE = 1;
const SHUTDOWN_DEADLINE_MS = 5000;

/** An expected start-up failure: reported as one line, without a stack trace. */
class StartupError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function start(): Promise<void> {
  const parsed = parseConfig(process.env, { repoRoot, cwd: process.cwd() });
  if (!parsed.ok) throw new StartupError(parsed.message, EXIT_CONFIG);
  const config = parsed.value;
  const log = createLogger(config.logLevel, {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
  const native = asStartupError(requireNativeUws, EXIT_FAILURE);

  const site = await loadStaticSite(config.staticDir);
  if (!site.ok) throw new StartupError(`STATIC_DIR ${site.message}`, EXIT_CONFIG);

  const keyRing = await openKeyRing(config, log);
  const store = await openStore(config, log);
  const auth = await openAuthStore(config, log).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const changeLog = await openChangeLog(config, log, auth.redis).catch(async (error: unknown) => {
    await auth.close();
    await store.close();
    throw error;
  });
  const closeStores = async () => {
    await changeLog.close();
    await auth.close();
    await store.close();
  };
  const clock = { now: () => Date.now() };
  const sync = new SyncHub({
    changeLog,
    verifyToken: tokenVerifier(keyRing, config.jwt, clock),
    clock,
    timers: realTimers,
    log,
  });
  const handler = createHttpApp({
    site: site.value,
    store,
    log,
    accounts: { authStore: auth.store, keyRing, tokens: config.jwt, syncLog: changeLog },
  });
  const server = await UwsHttpServer.listen({ ...config, handler, log, native, sync }).catch(
    async (error: unknown) => {
      await closeStores();
      throw error instanceof ListenError ? new StartupError(error.message, EXIT_FAILURE) : error;
    },
  );

  log.info(`serving ${config.staticDir} (${site.value.fileCount} files)`);
  log.info(`listening on ${urlOf(config.host, server.port)}`);

  const stop = (signal: NodeJS.Signals) => {
    log.info(`${signal}: shutting down`);
    // A store that hangs on close must not keep a stopping server alive forever.
    setTimeout(() => process.exit(EXIT_FAILURE), SHUTDOWN_DEADLINE_MS).unref();
    // Sockets first, with a reason, so devices reconnect (elsewhere) at once (P-CLOSE-1).
    sync.shutdown();
    server.close();
    closeStores().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error(`closing the store failed: ${String(error)}`);
        process.exit(EXIT_FAILURE);
      },
    );
  };
  // `once`: a second Ctrl-C gets Node's default and ends the process at once.
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

async function openKeyRing(config: ServerConfig, log: Logger): Promise<KeyRing> {
  const loaded =
    config.jwtKeys === null
      ? await loadOrCreateEmbeddedKeyRing(config.dataDir, log).catch((error: unknown) => {
          throw new StartupError(`DATA_DIR ${String(error)}`, EXIT_FAILURE);
        })
      : await loadKeyRing(config.jwtKeys);
  if (!loaded.ok) {
    const variable = config.jwtKeys === null ? 'DATA_DIR' : 'JWT_PRIVATE_KEY_PATH';
    throw new StartupError(`${variable}: ${loaded.message}`, EXIT_CONFIG);
  }
  log.info(`jwt: signing with kid ${loaded.value.signing.kid}`);
  return loaded.value;
}

interface OpenedAuthStore {
  readonly store: AuthStore;
  readonly close: () => Promise<void>;
  /** The command connection, shared with the change log (one Redis, one prefix). */
  readonly redis: Redis | null;
}

/** The accounts store sits next to the sync store: same Redis (and prefix), or same DATA_DIR. */
async function openAuthStore(config: ServerConfig, log: Logger): Promise<OpenedAuthStore> {
  if (config.redis !== null) {
    const client = new Redis(config.redis.url, {
      lazyConnect: true,
      connectTimeout: 2000,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    client.on('error', (error: Error) => log.debug(`redis auth store: ${error.message}`));
    await client.connect().catch((error: unknown) => {
      log.warn(`redis auth store: not reachable yet (${String(error)}); retrying`);
    });
    const store = new RedisAuthStore(client, config.redis.keyPrefix);
    return {
      store,
      redis: client,
      close: async () => {
        await store.close();
        if (client.status === 'ready') await client.quit().catch(() => {});
        client.disconnect();
      },
    };
  }
  try {
    const store = await EmbeddedAuthStore.open({ dataDir: config.dataDir });
    return { store, close: () => store.close(), redis: null };
  } catch (error) {
    throw new StartupError(`DATA_DIR ${String(error)}`, EXIT_FAILURE);
  }
}

/** Encrypted documents live next to the accounts: same Redis and prefix, or same DATA_DIR. */
async function openChangeLog(
  config: ServerConfig,
  log: Logger,
  redis: Redis | null,
): Promise<ChangeLog> {
  if (config.redis !== null && redis !== null) {
    return new RedisChangeLog({ client: redis, keyPrefix: config.redis.keyPrefix, log });
  }
  try {
    return await EmbeddedChangeLog.open({ dataDir: config.dataDir, log });
  } catch (error) {
    throw new StartupError(`DATA_DIR ${String(error)}`, EXIT_FAILURE);
  }
}

async function openStore(config: ServerConfig, log: Logger): Promise<ServerStore> {
  if (config.redis !== null) {
    log.info(`store: redis at ${redactUrl(config.redis.url)}, keys ${config.redis.keyPrefix}*`);
    return RedisServerStore.open({ ...config.redis, log });
  }
  log.info(`store: embedded, data in ${config.dataDir}`);
  try {
    return await EmbeddedServerStore.open({ dataDir: config.dataDir, log });
  } catch (error) {
    if (error instanceof StoreOpenError) throw new StartupError(error.message, EXIT_FAILURE);
    const isFsError = error instanceof Error && 'code' in error;
    if (isFsError) throw new StartupError(`DATA_DIR ${error.message}`, EXIT_FAILURE);
    throw error;
  }
}

function asStartupError<T>(check: () => T, exitCode: number): T {
  try {
    return check();
  } catch (error) {
    throw new StartupError(error instanceof Error ? error.message : String(error), exitCode);
  }
}

function urlOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
}

try {
  await start();
} catch (error) {
  if (!(error instanceof StartupError)) throw error;
  for (const line of error.message.split('\n')) {
    process.stderr.write(`tirelire sync-server: ${line}\n`);
  }
  process.exit(error.exitCode);
}
