// The composition root (conventions §4): the only module that reads the environment, picks the
// adapters and owns the process (signals, exit codes). Everything else receives what it needs.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmbeddedServerStore, StoreOpenError } from './adapters/embedded/EmbeddedServerStore.ts';
import { RedisServerStore } from './adapters/redis/RedisServerStore.ts';
import { requireNativeUws } from './adapters/uws/native-uws.ts';
import { ListenError, UwsHttpServer } from './adapters/uws/UwsHttpServer.ts';
import { parseConfig, redactUrl, type ServerConfig } from './config.ts';
import { createHttpApp } from './http/app.ts';
import { loadStaticSite } from './http/static-files.ts';
import { createLogger, type Logger } from './log.ts';
import type { ServerStore } from './ports/server-store.ts';

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

  const store = await openStore(config, log);
  const handler = createHttpApp({ site: site.value, store, log });
  const server = await UwsHttpServer.listen({ ...config, handler, log, native }).catch(
    async (error: unknown) => {
      await store.close();
      throw error instanceof ListenError ? new StartupError(error.message, EXIT_FAILURE) : error;
    },
  );

  log.info(`serving ${config.staticDir} (${site.value.fileCount} files)`);
  log.info(`listening on ${urlOf(config.host, server.port)}`);

  const stop = (signal: NodeJS.Signals) => {
    log.info(`${signal}: shutting down`);
    // A store that hangs on close must not keep a stopping server alive forever.
    setTimeout(() => process.exit(EXIT_FAILURE), SHUTDOWN_DEADLINE_MS).unref();
    server.close();
    store.close().then(
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
