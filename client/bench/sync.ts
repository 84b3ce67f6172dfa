/**
 * `npm run bench -- sync`: our sync server side by side with RxDB's websocket replication
 * server, on the same load from the same Node clients (client/bench/sync/). Each figure gets a
 * fresh server process, so that one figure's data and sockets do not weigh on the next.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { WebCryptoDataKeyWrapping } from '../src/adapters/webcrypto/WebCryptoDataKeyWrapping.ts';
import { sealRow } from '../src/adapters/rxdb/replication/envelope-codec.ts';
import type { DocumentCipher } from '../src/ports/sync-keys.ts';
import {
  buildKeyRing,
  generateKeyPairPems,
  parsePrivateKeyPem,
  type KeyRing,
} from '../../sync-server/src/auth/keys.ts';
import { measureCatchUp, type CatchUpFigure } from './sync/catch-up.ts';
import { operationDocument, plaintextBytes } from './sync/documents.ts';
import { measureFanout, type FanoutFigure } from './sync/fanout.ts';
import type { ServerKind } from './sync/ipc.ts';
import { measureLatency, type LatencyFigure } from './sync/latency.ts';
import { round, sleep } from './sync/load.ts';
import { RxdbTarget } from './sync/rxdb-device.ts';
import { killServers, ServerHandle } from './sync/server-handle.ts';
import { measureSockets, type SocketsFigure } from './sync/sockets.ts';
import type { SyncTarget } from './sync/target.ts';
import { TirelireTarget } from './sync/tirelire-device.ts';

/**
 * The load, the same for every server. Latency runs at 20 writes/s because RxDB's server sends
 * every write to every socket: at 1,000 sockets it saturates near 25 writes/s (see fan-out),
 * and a latency taken at saturation is only its queue. Sized for a run of about 5 minutes.
 */
export const SYNC_LOAD = {
  fanoutSubscribers: [100, 1000],
  fanoutMs: 4_000,
  latency: { users: 500, writesPerSecond: 20, samples: 1_000, warmup: 40 },
  sockets: 10_000,
  catchUpDocuments: 100_000,
};
export type SyncLoad = typeof SYNC_LOAD;

const REDIS_URL = 'redis://127.0.0.1:6379/0';
const SERVERS: readonly ServerKind[] = ['tirelire-redis', 'tirelire-embedded', 'rxdb'];

/** A figure, or why it could not be measured (the run goes on with the others). */
type Outcome<T> = T | { readonly error: string };

interface ServerFigures {
  readonly fanout: Outcome<FanoutFigure>[];
  readonly latency: Outcome<LatencyFigure>;
  readonly sockets: Outcome<SocketsFigure>;
  readonly catchUp: Outcome<CatchUpFigure>;
}

export interface SyncFigures {
  readonly load: SyncLoad;
  readonly documentBytes: { plaintext: number; ourEnvelope: number; rxdbDocument: number };
  readonly servers: Record<ServerKind, ServerFigures>;
  /** Ours ÷ RxDB's, per figure: above 1 is ours higher (better for rates, worse for times). */
  readonly ratios: Record<'redisVsRxdb' | 'embeddedVsRxdb', Record<string, number | null>>;
  readonly runSeconds: number;
}

interface Context {
  readonly load: SyncLoad;
  readonly privateKeyPem: string;
  readonly keyRing: KeyRing;
  readonly cipher: DocumentCipher;
  readonly keyPrefix: string;
  readonly dataRoot: string;
  /** Aborted when the run is interrupted: no server may start after its keys were deleted. */
  readonly stopping: AbortSignal;
}

async function attempt<T>(label: string, measure: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return await measure();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`sync bench: ${label} failed: ${message}`);
    return { error: message };
  }
}

/** Runs `measure` against a server started for it alone, and stops that server after. */
function onFreshServer<T>(
  context: Context,
  kind: ServerKind,
  figure: string,
  measure: (target: SyncTarget, server: ServerHandle) => Promise<T>,
): Promise<Outcome<T>> {
  return attempt(`${kind} ${figure}`, async () => {
    context.stopping.throwIfAborted();
    console.error(`sync bench: ${kind} ${figure}`);
    const server = await ServerHandle.start({
      type: 'start',
      kind,
      privateKeyPem: context.privateKeyPem,
      redisUrl: REDIS_URL,
      keyPrefix: context.keyPrefix,
      dataDir: join(context.dataRoot, `${kind}-${figure}`),
    });
    try {
      const target =
        kind === 'rxdb'
          ? new RxdbTarget(server.url)
          : new TirelireTarget(server.url, context.keyRing, context.cipher);
      return await measure(target, server);
    } finally {
      await server.stop();
    }
  });
}

async function measureServer(context: Context, kind: ServerKind): Promise<ServerFigures> {
  const { load } = context;
  const fanout = await onFreshServer(context, kind, 'fanout', async (target, server) => {
    const figures: FanoutFigure[] = [];
    for (const subscribers of load.fanoutSubscribers) {
      figures.push(await measureFanout(target, server, subscribers, load.fanoutMs));
    }
    return figures;
  });
  return {
    fanout: 'error' in fanout ? [fanout] : fanout,
    latency: await onFreshServer(context, kind, 'latency', (target, server) =>
      measureLatency(target, server, load.latency),
    ),
    sockets: await onFreshServer(context, kind, 'sockets', (target, server) =>
      measureSockets(target, server, load.sockets),
    ),
    catchUp: await onFreshServer(context, kind, 'catch-up', (target, server) =>
      measureCatchUp(target, server, load.catchUpDocuments, kind !== 'rxdb'),
    ),
  };
}

function ratios(
  load: SyncLoad,
  ours: ServerFigures,
  theirs: ServerFigures,
): Record<string, number | null> {
  const of = <T extends object>(outcome: Outcome<T> | undefined): T | null =>
    outcome === undefined || 'error' in outcome ? null : outcome;
  const ratio = (a: number | null | undefined, b: number | null | undefined) =>
    a == null || b == null || b === 0 ? null : round(a / b, 2);
  const result: Record<string, number | null> = {};
  load.fanoutSubscribers.forEach((subscribers, index) => {
    const [a, b] = [of(ours.fanout[index]), of(theirs.fanout[index])];
    result[`fanoutDeliveriesPerSecond${subscribers}`] = ratio(
      a?.deliveriesPerSecond,
      b?.deliveriesPerSecond,
    );
    result[`fanoutCpuPerDelivery${subscribers}`] = ratio(
      a?.serverCpuMicrosPerDelivery,
      b?.serverCpuMicrosPerDelivery,
    );
  });
  const [latency, rxLatency] = [of(ours.latency), of(theirs.latency)];
  result['latencyP50'] = ratio(latency?.p50Ms, rxLatency?.p50Ms);
  result['latencyP99'] = ratio(latency?.p99Ms, rxLatency?.p99Ms);
  const [sockets, rxSockets] = [of(ours.sockets), of(theirs.sockets)];
  result['socketsHeld'] = ratio(sockets?.held, rxSockets?.held);
  result['socketsConnectSeconds'] = ratio(sockets?.connectSeconds, rxSockets?.connectSeconds);
  result['socketsKiBPerSocket'] = ratio(sockets?.serverKiBPerSocket, rxSockets?.serverKiBPerSocket);
  const [catchUp, rxCatchUp] = [of(ours.catchUp), of(theirs.catchUp)];
  result['catchUpTransfer'] = ratio(catchUp?.transferSeconds, rxCatchUp?.transferSeconds);
  result['catchUpTransferDecryptVsRxdbTransfer'] = ratio(
    catchUp?.transferDecryptSeconds,
    rxCatchUp?.transferSeconds,
  );
  return result;
}

/** Every key of the run, whatever wrote it, is under the run's own prefix. */
async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const stream = redis.scanStream({ match: `${prefix}*`, count: 1000 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length > 0) await redis.unlink(...keys);
    }
  } finally {
    redis.disconnect();
  }
}

/** `load` is for trying the bench out small; the recorded figures use SYNC_LOAD. */
export async function measureSync(load: SyncLoad = SYNC_LOAD): Promise<SyncFigures> {
  const started = performance.now();
  const { privateKeyPem } = generateKeyPairPems();
  const privateKey = parsePrivateKeyPem(privateKeyPem);
  if (!privateKey.ok) throw new Error(privateKey.message);
  // One real wrapped data key (PBKDF2, 600,000 iterations, once); every device seals with it.
  const { cipher } = await new WebCryptoDataKeyWrapping().create('bench sync passphrase');
  const stopping = new AbortController();
  const context: Context = {
    load,
    privateKeyPem,
    keyRing: await buildKeyRing(privateKey.value, []),
    cipher,
    keyPrefix: `tirelire-bench:sync:${process.pid}-${Date.now()}:`,
    dataRoot: await mkdtemp(join(tmpdir(), 'tirelire-bench-sync-')),
    stopping: stopping.signal,
  };
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      stopping.abort(new Error('the sync bench was stopped'));
      killServers();
      // Commands a killed server had already sent still reach Redis: let them land first.
      await sleep(200);
      await deleteRedisKeys(context.keyPrefix);
      await rm(context.dataRoot, { recursive: true, force: true });
    })());
  // Interrupted (Ctrl-C): servers die with the bench, but its Redis keys and files would stay.
  const onSignal = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal).once('exit', killServers);
  try {
    const servers = {} as Record<ServerKind, ServerFigures>;
    for (const kind of SERVERS) servers[kind] = await measureServer(context, kind);
    const sample = operationDocument('op-0000001', 1);
    const sealed = await sealRow(cipher, 'operations', sample, 0);
    return {
      load,
      documentBytes: {
        plaintext: plaintextBytes(sample),
        ourEnvelope: Buffer.byteLength(JSON.stringify(sealed.envelope)),
        rxdbDocument: Buffer.byteLength(JSON.stringify(sample)),
      },
      servers,
      ratios: {
        redisVsRxdb: ratios(load, servers['tirelire-redis'], servers.rxdb),
        embeddedVsRxdb: ratios(load, servers['tirelire-embedded'], servers.rxdb),
      },
      runSeconds: round((performance.now() - started) / 1000),
    };
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal).off('exit', killServers);
    await cleanUp();
  }
}
