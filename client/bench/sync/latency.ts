import { operationDocument } from './documents.ts';
import {
  asError,
  closeAll,
  connectAll,
  cpuPercent,
  loadGeneratorCpuPercent,
  percentile,
  round,
  sleep,
} from './load.ts';
import type { ServerHandle } from './server-handle.ts';
import type { SyncTarget } from './target.ts';

export interface LatencyLoad {
  /** Users with two devices each: 500 make the 1,000 sockets. */
  readonly users: number;
  readonly writesPerSecond: number;
  readonly samples: number;
  /** Writes sent first and not measured (connections and JIT warming up). */
  readonly warmup: number;
}

export interface LatencyFigure {
  readonly sockets: number;
  readonly writesPerSecond: number;
  readonly samples: number;
  readonly lost: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly connectSeconds: number;
  readonly serverCpuPercent: number;
  readonly loadGeneratorCpuPercent: number;
}

interface InFlight {
  readonly receiver: number;
  readonly sentAt: number;
  readonly measured: boolean;
}

const DRAIN_MS = 10_000;

/**
 * Device A of user k writes one new operation; the figure is the time until device B of the same
 * user has it in hand: from just before A seals (ours) and sends, to when B has parsed it and
 * (ours) opened it. Writes go round the users at a fixed rate, open loop. Both devices live in
 * this process, so both instants are read on one clock.
 */
export async function measureLatency(
  target: SyncTarget,
  server: ServerHandle,
  load: LatencyLoad,
): Promise<LatencyFigure> {
  const credentials: string[] = [];
  for (let user = 0; user < load.users; user += 1) {
    credentials.push(await target.credentialsFor(`latency-${user}`));
    credentials.push(await target.credentialsFor(`latency-${user}`));
  }
  const connectStart = performance.now();
  const devices = await connectAll(target, credentials);
  const connectSeconds = (performance.now() - connectStart) / 1000;
  try {
    const inFlight = new Map<string, InFlight>();
    const expecting = new Int32Array(load.users);
    const latencies: number[] = [];
    /** The first error of any write or read; closures set it, so an array (never narrowed). */
    const failures: Error[] = [];
    for (let user = 0; user < load.users; user += 1) {
      const receiver = devices[2 * user + 1];
      if (receiver === undefined) continue;
      receiver.onLive = (frame) => {
        // RxDB streams every write to every socket: a device reads only when it awaits one,
        // so that the load generator's parsing does not stand in for the server's latency.
        if (expecting[user] === 0) return;
        const reading = target.readLive(frame).then((ids) => {
          const at = performance.now();
          for (const id of ids) {
            const write = inFlight.get(id);
            if (write?.receiver !== user) continue;
            inFlight.delete(id);
            expecting[user] = (expecting[user] ?? 1) - 1;
            if (write.measured) latencies.push(at - write.sentAt);
          }
        });
        void reading.catch((error: unknown) => failures.push(asError(error)));
      };
    }

    const writes: Promise<void>[] = [];
    const total = load.warmup + load.samples;
    const intervalMs = 1000 / load.writesPerSecond;
    let before = await server.stats();
    let measuredFrom = performance.now();
    let clientBefore = process.cpuUsage();
    const start = performance.now();
    for (let index = 0; index < total && failures.length === 0; index += 1) {
      const wait = start + index * intervalMs - performance.now();
      if (wait > 0) await sleep(wait);
      if (index === load.warmup) {
        before = await server.stats();
        measuredFrom = performance.now();
        clientBefore = process.cpuUsage();
      }
      const user = index % load.users;
      const writer = devices[2 * user];
      if (writer === undefined) continue;
      const id = `latency-${index}`;
      inFlight.set(id, {
        receiver: user,
        sentAt: performance.now(),
        measured: index >= load.warmup,
      });
      expecting[user] = (expecting[user] ?? 0) + 1;
      const write = writer.write([operationDocument(id, index)]);
      writes.push(write.catch((error: unknown) => void failures.push(asError(error))));
    }
    const seconds = (performance.now() - measuredFrom) / 1000;
    const clientCpu = loadGeneratorCpuPercent(clientBefore, seconds);
    const after = await server.stats();
    await Promise.all(writes);
    const drainUntil = performance.now() + DRAIN_MS;
    while (inFlight.size > 0 && performance.now() < drainUntil) await sleep(20);
    if (failures[0] !== undefined) throw failures[0];
    return {
      sockets: devices.length,
      writesPerSecond: load.writesPerSecond,
      samples: latencies.length,
      lost: [...inFlight.values()].filter((write) => write.measured).length,
      p50Ms: round(percentile(latencies, 50), 2),
      p90Ms: round(percentile(latencies, 90), 2),
      p99Ms: round(percentile(latencies, 99), 2),
      maxMs: round(Math.max(0, ...latencies), 2),
      connectSeconds: round(connectSeconds, 2),
      serverCpuPercent: cpuPercent(before, after, seconds),
      loadGeneratorCpuPercent: clientCpu,
    };
  } finally {
    closeAll(devices);
  }
}
