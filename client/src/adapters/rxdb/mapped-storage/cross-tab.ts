import { isRecord } from './buckets.ts';

/** The documents one transaction wrote into one bucket, and that bucket's write count after it. */
export interface WrittenBucket {
  readonly bucket: number;
  readonly writes: number;
  /** Stored documents; untrusted until the receiver checks them (isStoredDocument). */
  readonly docs: readonly unknown[];
}

/** What a tab posts after each durable write, so other tabs can update their memory copy. */
export interface RemoteWrite {
  /** The RxDB write context, kept so change events look the same in every tab. */
  readonly context: string;
  readonly buckets: readonly WrittenBucket[];
}

/**
 * The channel between the tabs that have one collection (at one schema version) open: one
 * BroadcastChannel per database and collection, so a tab only deserialises the writes of the
 * collections it has open, and never its own (a channel does not hear itself).
 *
 * Messages that arrive before `listen` are kept: the instance opens its channel before it reads
 * IndexedDB, so a write another tab commits during that read is heard, not lost; the listener
 * then sorts out which ones the read already contained (write-order.ts).
 */
export class CrossTabChannel {
  private readonly channel: BroadcastChannel;
  private listener: ((write: RemoteWrite) => void) | null = null;
  private readonly early: RemoteWrite[] = [];

  constructor(databaseName: string, collection: string, schemaVersion: number) {
    this.channel = new BroadcastChannel(
      ['tirelire-mapped-storage', databaseName, collection, schemaVersion].join('|'),
    );
    this.channel.onmessage = (event: MessageEvent<unknown>) => {
      const write = parseRemoteWrite(event.data);
      if (!write) return;
      if (this.listener) this.listener(write);
      else this.early.push(write);
    };
  }

  /** BroadcastChannel exists in every browser we support and in Node; not in every test runner. */
  static isAvailable(): boolean {
    return typeof BroadcastChannel === 'function';
  }

  listen(listener: (write: RemoteWrite) => void): void {
    this.listener = listener;
    for (const write of this.early.splice(0)) listener(write);
  }

  /** Never throws: the write is already committed, a tab that misses it catches up on reload. */
  post(write: RemoteWrite): void {
    try {
      this.channel.postMessage(write);
    } catch (error) {
      console.warn('Could not tell the other tabs about a write', error);
    }
  }

  close(): void {
    this.listener = null;
    this.channel.close();
  }
}

/** Messages are input like any other (any script of the origin can post): check their shape. */
function parseRemoteWrite(data: unknown): RemoteWrite | null {
  if (!isRecord(data) || typeof data['context'] !== 'string') return null;
  const buckets = data['buckets'];
  if (!Array.isArray(buckets)) return null;
  const valid: WrittenBucket[] = [];
  for (const bucket of buckets as unknown[]) {
    if (
      isRecord(bucket) &&
      typeof bucket['bucket'] === 'number' &&
      typeof bucket['writes'] === 'number' &&
      Array.isArray(bucket['docs'])
    ) {
      valid.push({
        bucket: bucket['bucket'],
        writes: bucket['writes'],
        docs: bucket['docs'] as unknown[],
      });
    }
  }
  return { context: data['context'], buckets: valid };
}
