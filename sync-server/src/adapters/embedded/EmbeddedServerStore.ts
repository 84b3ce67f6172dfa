import { constants } from 'node:fs';
import { access, mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { Logger } from '../../log.ts';
import type { ServerStore, StoreHealth } from '../../ports/server-store.ts';
import { DeadlineExceeded, withDeadline } from '../deadline.ts';
import { writeFileDurably } from './durable-file.ts';

/** Marks a directory as ours and records its layout version, so a later release can migrate it. */
const MANIFEST_FILE = 'store.json';
const manifestSchema = z.object({
  format: z.literal('tirelire-sync-store'),
  version: z.literal(1),
});
const MANIFEST: z.infer<typeof manifestSchema> = { format: 'tirelire-sync-store', version: 1 };

/** A store is unusable as it stands: not ours, newer than this release, or corrupt. */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

export interface EmbeddedServerStoreOptions {
  readonly dataDir: string;
  readonly log: Logger;
  readonly healthTimeoutMs?: number;
}

/**
 * The store for a single process without Redis: files in a private directory, each replaced
 * atomically (durable-file.ts). One process at a time: nothing here arbitrates between two
 * servers sharing a data directory.
 */
export class EmbeddedServerStore implements ServerStore {
  readonly kind = 'embedded';
  private isClosed = false;
  private wasHealthy = true;

  private constructor(
    readonly dataDir: string,
    private readonly log: Logger,
    private readonly healthTimeoutMs: number,
  ) {}

  static async open(options: EmbeddedServerStoreOptions): Promise<EmbeddedServerStore> {
    const { dataDir, log } = options;
    // 0700: the directory will hold account data and tokens; only the server's user may look.
    const created = await mkdir(dataDir, { recursive: true, mode: 0o700 });
    if (created === undefined && ((await stat(dataDir)).mode & 0o077) !== 0) {
      // Not chmod-ed for the user: DATA_DIR may name a directory they share on purpose.
      log.warn(`embedded store: ${dataDir} is readable by other users; chmod 700 it`);
    }
    await ensureManifest(join(dataDir, MANIFEST_FILE));
    return new EmbeddedServerStore(dataDir, log, options.healthTimeoutMs ?? 1000);
  }

  async health(): Promise<StoreHealth> {
    if (this.isClosed) return { kind: this.kind, ok: false, reason: 'closed' };
    const started = performance.now();
    try {
      await withDeadline(access(this.dataDir, constants.W_OK), this.healthTimeoutMs);
      this.noteHealth(true, '');
      return { kind: this.kind, ok: true, latencyMs: performance.now() - started };
    } catch (error) {
      this.noteHealth(false, String(error));
      const reason = error instanceof DeadlineExceeded ? 'timeout' : 'not-writable';
      return { kind: this.kind, ok: false, reason };
    }
  }

  close(): Promise<void> {
    this.isClosed = true;
    return Promise.resolve();
  }

  /** Logs changes of state only: health is polled, and one line per probe would drown the log. */
  private noteHealth(isHealthy: boolean, detail: string): void {
    if (isHealthy === this.wasHealthy) return;
    this.wasHealthy = isHealthy;
    if (isHealthy) this.log.info(`embedded store: ${this.dataDir} is writable again`);
    else this.log.error(`embedded store: ${this.dataDir} is not writable: ${detail}`);
  }
}

async function ensureManifest(path: string): Promise<void> {
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return writeFileDurably(path, `${JSON.stringify(MANIFEST)}\n`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new StoreOpenError(`${path} is not valid JSON; restore it from a backup`);
  }
  if (!manifestSchema.safeParse(json).success) {
    throw new StoreOpenError(
      `${path} is not a version-${MANIFEST.version} Tirelire store (from a newer release?)`,
    );
  }
}
