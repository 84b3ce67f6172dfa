import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import { z } from 'zod';
import { keyRecordSchema, storedEnvelopeSchema } from '@tirelire/shared/protocol';
import { writeFileDurably } from './durable-file.ts';
import { StoreOpenError } from './EmbeddedServerStore.ts';

/**
 * The embedded change log's file: a header line, then one JSON line per applied step. A step is
 * appended and fsync'd before the operation that made it resolves, so an acknowledged write is
 * on disk. Replaying the steps in order rebuilds the state; compaction replaces the file
 * (atomically, durable-file.ts) with the few steps that rebuild the current state.
 */
const HEADER = { format: 'tirelire-change-log', version: 1 } as const;
const headerSchema = z.object({ format: z.literal(HEADER.format), version: z.literal(1) });

const stepSchema = z.discriminatedUnion('op', [
  // The documents a push wrote, with their seqs (refused rows leave no trace).
  z.object({ op: z.literal('push'), user: z.string(), documents: z.array(storedEnvelopeSchema) }),
  z.object({ op: z.literal('key'), user: z.string(), record: keyRecordSchema }),
  z.object({ op: z.literal('delete'), user: z.string() }),
]);
export type JournalStep = z.infer<typeof stepSchema>;

const NEWLINE = 0x0a;

export class ChangeJournal {
  /** Set when a failed append could not be undone: the file may end in a partial line. */
  private isBroken = false;

  private constructor(
    private readonly path: string,
    private handle: FileHandle,
    /** Bytes of the file that hold complete steps. */
    private size: number,
  ) {}

  /** Opens (or creates) the journal at `path`, calling `apply` for each step in order. */
  static async open(path: string, apply: (step: JournalStep) => void): Promise<ChangeJournal> {
    const content = await readFile(path).catch((error: unknown) => {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (content === undefined || content.length === 0) {
      await writeFileDurably(path, headerLine());
    } else {
      const complete = replay(path, content, apply);
      // A crash in the middle of an append left a partial last line: cut it off, or the next
      // append would be glued to it.
      if (complete < content.length) await truncateDurably(path, complete);
    }
    const handle = await open(path, 'a', 0o600);
    return new ChangeJournal(path, handle, (await handle.stat()).size);
  }

  get bytes(): number {
    return this.size;
  }

  /** Resolves once the step is on disk; on failure the file is as before the call. */
  async append(step: JournalStep): Promise<void> {
    if (this.isBroken) throw new Error(`${this.path} needs a restart after a failed write`);
    const line = `${JSON.stringify(step)}\n`;
    try {
      await this.handle.appendFile(line);
      await this.handle.datasync();
      this.size += Buffer.byteLength(line);
    } catch (error) {
      await this.handle
        .truncate(this.size)
        .then(() => this.handle.datasync())
        .catch(() => {
          this.isBroken = true;
        });
      throw error;
    }
  }

  /** Replaces the journal with `steps` (which must rebuild the same state). */
  async rewrite(steps: Iterable<JournalStep>): Promise<void> {
    let text = headerLine();
    for (const step of steps) text += `${JSON.stringify(step)}\n`;
    try {
      await writeFileDurably(this.path, text);
    } catch (error) {
      // Renamed into place but not confirmed durable: the handle may point at the old file.
      if (await this.isDetached()) this.isBroken = true;
      throw error;
    }
    // The old handle points at the replaced file: appends must go to the new one, or nowhere.
    const handle = await open(this.path, 'a', 0o600).catch((error: unknown) => {
      this.isBroken = true;
      throw error;
    });
    await this.handle.close().catch(() => {});
    this.handle = handle;
    this.size = Buffer.byteLength(text);
    this.isBroken = false;
  }

  close(): Promise<void> {
    return this.handle.close();
  }

  private async isDetached(): Promise<boolean> {
    try {
      const [onDisk, opened] = await Promise.all([stat(this.path), this.handle.stat()]);
      return onDisk.ino !== opened.ino;
    } catch {
      return true;
    }
  }
}

function headerLine(): string {
  return `${JSON.stringify(HEADER)}\n`;
}

/** Applies every complete step; returns the length of the part of `content` that holds them. */
function replay(path: string, content: Buffer, apply: (step: JournalStep) => void): number {
  let offset = 0;
  for (let lineNumber = 1; offset < content.length; lineNumber++) {
    const end = content.indexOf(NEWLINE, offset);
    const isLast = end === -1 || end === content.length - 1;
    const json = parseLine(content.subarray(offset, end === -1 ? content.length : end));
    if (lineNumber === 1) {
      if (end === -1 || !headerSchema.safeParse(json).success) {
        throw new StoreOpenError(`${path} is not a version-1 Tirelire change log`);
      }
    } else {
      const step = stepSchema.safeParse(json);
      if (end === -1 || !step.success) {
        // Only the last line can be torn; damage anywhere else is corruption, not a crash.
        if (isLast) return offset;
        throw new StoreOpenError(`${path}: line ${lineNumber} is corrupt; restore from a backup`);
      }
      apply(step.data);
    }
    offset = end + 1;
  }
  return offset;
}

function parseLine(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

async function truncateDurably(path: string, length: number): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.truncate(length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
