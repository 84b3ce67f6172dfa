import { operationDocument } from './documents.ts';
import { localAddressFor, mapConcurrent, mib, round } from './load.ts';
import type { ServerHandle } from './server-handle.ts';
import type { PullTotals, SyncTarget } from './target.ts';

export interface CatchUpFigure {
  readonly documents: number;
  /** Writing them through the server, 200 per request (ours: sealing included). */
  readonly preloadSeconds: number;
  readonly serverRssMiB: number;
  /** A fresh device pulls everything from checkpoint 0, pages of 1,000, parsing each page. */
  readonly transferSeconds: number;
  readonly transferMiB: number;
  readonly pages: number;
  /** The same, every document also decrypted (ours only; RxDB's are plain). */
  readonly transferDecryptSeconds: number | null;
}

const BATCH = 200;
/** Pushes in flight while preloading: a device replaying a large import. */
const PRELOAD_WINDOW = 4;

/** Preloads `documents` for one user, then times fresh devices pulling them all. */
export async function measureCatchUp(
  target: SyncTarget,
  server: ServerHandle,
  documents: number,
  decrypts: boolean,
): Promise<CatchUpFigure> {
  const user = 'catch-up';
  const fresh = async (slot: number) =>
    target.connect(await target.credentialsFor(user), localAddressFor(slot));
  const writer = await fresh(0);
  const preloadStart = performance.now();
  try {
    const batches = Array.from({ length: Math.ceil(documents / BATCH) }, (_, batch) => batch);
    await mapConcurrent(batches, PRELOAD_WINDOW, async (batch) => {
      const first = batch * BATCH;
      const count = Math.min(BATCH, documents - first);
      await writer.write(
        Array.from({ length: count }, (_, offset) =>
          operationDocument(`op-${String(first + offset).padStart(7, '0')}`, first + offset),
        ),
      );
    });
  } finally {
    writer.close();
  }
  const preloadSeconds = (performance.now() - preloadStart) / 1000;
  const { rssBytes } = await server.stats();

  const timePull = async (slot: number, open: boolean) => {
    const device = await fresh(slot);
    try {
      const start = performance.now();
      const totals: PullTotals = await device.pullAll(open);
      const seconds = (performance.now() - start) / 1000;
      if (totals.documents !== documents) {
        throw new Error(`pulled ${totals.documents} documents of ${documents}`);
      }
      return { totals, seconds };
    } finally {
      device.close();
    }
  };
  const transfer = await timePull(1, false);
  const transferDecrypt = decrypts ? await timePull(2, true) : null;
  return {
    documents,
    preloadSeconds: round(preloadSeconds, 2),
    serverRssMiB: mib(rssBytes),
    transferSeconds: round(transfer.seconds, 2),
    transferMiB: mib(transfer.totals.bytes),
    pages: transfer.totals.pages,
    transferDecryptSeconds: transferDecrypt === null ? null : round(transferDecrypt.seconds, 2),
  };
}
