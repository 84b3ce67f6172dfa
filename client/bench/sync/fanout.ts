import { operationDocument } from './documents.ts';
import {
  asError,
  closeAll,
  connectAll,
  cpuPercent,
  loadGeneratorCpuPercent,
  Progress,
  round,
} from './load.ts';
import type { ServerHandle } from './server-handle.ts';
import type { SyncTarget } from './target.ts';

export interface FanoutFigure {
  readonly subscribers: number;
  readonly writes: number;
  readonly seconds: number;
  /** Documents received, summed over the subscribers, per second. */
  readonly deliveriesPerSecond: number;
  readonly writesPerSecond: number;
  readonly serverCpuPercent: number;
  /** The clients' process (one core at most): near 100, the rate is the load generator's. */
  readonly loadGeneratorCpuPercent: number;
  /** Server CPU time per document delivered: the server's cost, whatever held the rate. */
  readonly serverCpuMicrosPerDelivery: number;
  /** Documents the first subscriber found in its frames, per frame (1: one write, one frame). */
  readonly documentsPerFrame: number;
}

/**
 * Writes not yet received by every subscriber. The window closes on delivery rather than on
 * the server's acknowledgement: acknowledgements alone would let the writer outrun the
 * subscribers, and then RxDB's socket buffers grow without bound while ours drop the backlog
 * for a `resync` (P-FLOW-1). 8 also stays under our 16 requests in flight per socket.
 */
const WINDOW = 8;
const STALL_MS = 15_000;

/**
 * One user's devices: a writer and `subscribers` listeners. The writer writes one new ~400-byte
 * operation per request (ours sealed with AES-GCM first), keeping WINDOW writes in flight, for
 * `durationMs`; the figure runs until the last subscriber has the last write.
 */
export async function measureFanout(
  target: SyncTarget,
  server: ServerHandle,
  subscribers: number,
  durationMs: number,
): Promise<FanoutFigure> {
  const user = `fanout-${subscribers}`;
  const credentials = await Promise.all(
    Array.from({ length: subscribers + 1 }, () => target.credentialsFor(user)),
  );
  const devices = await connectAll(target, credentials);
  try {
    const [writer, ...listeners] = devices;
    if (writer === undefined) throw new Error('no writer');
    // Frames are counted, not parsed, by all but the first listener, which checks the count.
    const reachedBy: number[] = [];
    let fullyDelivered = 0;
    let failure: Error | null = null;
    const progress = new Progress();
    let checkedFrames = 0;
    let checkedDocuments = 0;
    let checking = Promise.resolve();
    listeners.forEach((listener, index) => {
      let frames = 0;
      listener.onLive = (frame) => {
        if (target.isResync(frame)) {
          failure ??= new Error('a subscriber was sent resync: it fell behind');
          progress.notify();
          return;
        }
        if (index === 0) {
          checking = checking
            .then(() => target.readLive(frame))
            .then((ids) => {
              checkedFrames += 1;
              checkedDocuments += ids.length;
            })
            .catch((error: unknown) => void (failure ??= asError(error)));
        }
        frames += 1;
        reachedBy[frames] = (reachedBy[frames] ?? 0) + 1;
        if (reachedBy[frames] !== subscribers) return;
        while (reachedBy[fullyDelivered + 1] === subscribers) fullyDelivered += 1;
        progress.notify();
      };
    });

    const before = await server.stats();
    const clientBefore = process.cpuUsage();
    const start = performance.now();
    let sent = 0;
    const acknowledged: Promise<void>[] = [];
    while (failure === null && (performance.now() < start + durationMs || fullyDelivered < sent)) {
      if (sent - fullyDelivered < WINDOW && performance.now() < start + durationMs) {
        const index = sent++;
        const write = writer.write([operationDocument(`${user}-${index}`, index)]);
        acknowledged.push(write.catch((error: unknown) => void (failure ??= asError(error))));
        continue;
      }
      if (!(await progress.next(STALL_MS))) failure ??= new Error('fan-out stalled');
    }
    const seconds = (performance.now() - start) / 1000;
    const clientCpu = loadGeneratorCpuPercent(clientBefore, seconds);
    const after = await server.stats();
    await Promise.all(acknowledged);
    await checking;
    if (failure !== null) throw failure;
    const deliveries = sent * subscribers;
    return {
      subscribers,
      writes: sent,
      seconds: round(seconds, 2),
      deliveriesPerSecond: Math.round(deliveries / seconds),
      writesPerSecond: Math.round(sent / seconds),
      serverCpuPercent: cpuPercent(before, after, seconds),
      loadGeneratorCpuPercent: clientCpu,
      serverCpuMicrosPerDelivery: round((after.cpuMicros - before.cpuMicros) / deliveries, 2),
      documentsPerFrame: round(checkedDocuments / Math.max(1, checkedFrames), 2),
    };
  } finally {
    closeAll(devices);
  }
}
