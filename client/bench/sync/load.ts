import { setTimeout as sleep } from 'node:timers/promises';
import type { ServerStats } from './ipc.ts';
import type { BenchDevice, SyncTarget } from './target.ts';

export { sleep };

export const asError = (error: unknown): Error =>
  error instanceof Error ? error : new Error(String(error));

export const round = (value: number, digits = 1): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};

/** Nearest-rank percentile of unsorted values (0 when there are none). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((sorted.length * p) / 100) - 1)] ?? 0;
}

/**
 * Source addresses for client sockets. Each has its own 28,000 ephemeral ports (32768–60999
 * here), so 10,000 sockets, and those still in TIME_WAIT from the previous server, never run
 * short. All of 127.0.0.0/8 is loopback on Linux.
 */
const LOCAL_ADDRESSES = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4'];
export const localAddressFor = (index: number): string =>
  LOCAL_ADDRESSES[index % LOCAL_ADDRESSES.length] ?? '127.0.0.1';

/** Runs `task` over `items` with at most `concurrency` at once; settles when all have. */
export async function mapConcurrent<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/**
 * Handshakes at once, at most: enough to keep a server busy without overflowing its listen
 * backlog (a refused SYN is retried by the kernel after a second, which would time the kernel).
 */
const CONNECT_CONCURRENCY = 200;

/** Connects one device per credential, in order; throws on the first failure. */
export async function connectAll(
  target: SyncTarget,
  credentials: readonly string[],
): Promise<BenchDevice[]> {
  const devices: BenchDevice[] = new Array<BenchDevice>(credentials.length);
  try {
    await mapConcurrent(credentials, CONNECT_CONCURRENCY, async (credential, index) => {
      devices[index] = await target.connect(credential, localAddressFor(index));
    });
  } catch (error) {
    closeAll(devices);
    throw error;
  }
  return devices;
}

export function closeAll(devices: readonly (BenchDevice | undefined)[]): void {
  for (const device of devices) device?.close();
}

/** The server's CPU use between two samples, as a share of one core. */
export const cpuPercent = (before: ServerStats, after: ServerStats, seconds: number): number =>
  round((after.cpuMicros - before.cpuMicros) / (seconds * 10_000));

/** This process's CPU use since `since` (from `process.cpuUsage()`), as a share of one core. */
export function loadGeneratorCpuPercent(since: NodeJS.CpuUsage, seconds: number): number {
  const { user, system } = process.cpuUsage(since);
  return round((user + system) / (seconds * 10_000));
}

export const mib = (bytes: number): number => round(bytes / 2 ** 20);

/** Lets a loop wait for the next sign of progress, or give up after a while. */
export class Progress {
  private waiters: (() => void)[] = [];

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves true at the next `notify`, false after `timeoutMs` without one. */
  next(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
