import { groupByBucket, type BucketChange } from './buckets.ts';
import type { CrossTabChannel, RemoteWrite } from './cross-tab.ts';
import type { BucketFile } from './idb-buckets.ts';
import type { WriteOrder } from './write-order.ts';

/**
 * The disk side of one mapped instance: its buckets in IndexedDB, the channel to the other tabs
 * that have the collection open, and the write order that reconciles the two.
 */
export class Persistence {
  constructor(
    private readonly file: BucketFile,
    readonly order: WriteOrder,
    private readonly channel: CrossTabChannel | null,
  ) {}

  /**
   * Writes the documents (stored state, by primary key) in one transaction, then tells the
   * other tabs. Rejects, with nothing written and no one told, if the transaction fails.
   */
  async write(documents: ReadonlyMap<string, unknown>, context: string): Promise<void> {
    const changes = groupByBucket(documents);
    const writes = await this.file.write(changes);
    this.noteWrites(writes, changes);
    this.channel?.post({
      context,
      buckets: [...changes].map(([bucket, change]) => ({
        bucket,
        writes: writes.get(bucket) ?? 0,
        docs: [...change.put.values()],
      })),
    });
  }

  /**
   * Drops purged tombstones from their buckets. Other tabs are not told: they keep their own
   * tombstones (invisible to queries) until their own cleanup.
   */
  async purge(ids: readonly string[]): Promise<void> {
    const changes = groupByBucket(new Map(), ids);
    this.noteWrites(await this.file.write(changes), changes);
  }

  clear(): Promise<void> {
    return this.file.clear();
  }

  /** Hears the other tabs' writes (including those that arrived before this call). */
  listen(listener: (write: RemoteWrite) => void): void {
    this.channel?.listen(listener);
  }

  close(): void {
    this.channel?.close();
    this.file.close();
  }

  /** Remembers the bucket write counts of a durable write of ours (see write-order.ts). */
  private noteWrites(writes: ReadonlyMap<number, number>, changes: Map<number, BucketChange>) {
    for (const [bucket, change] of changes) {
      const count = writes.get(bucket) ?? 0;
      for (const id of change.put.keys()) this.order.wrote(id, count);
      for (const id of change.purge) this.order.wrote(id, count);
    }
  }
}
