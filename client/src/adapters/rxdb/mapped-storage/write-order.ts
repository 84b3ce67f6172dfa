import { BUCKET_COUNT, bucketOf } from './buckets.ts';

/**
 * Tells whether a document another tab wrote is newer than the copy this tab holds.
 *
 * Every bucket record counts the transactions that wrote it, and IndexedDB runs those one after
 * another across tabs, so for one bucket a higher count is a later write, whichever tab made it.
 * A tab remembers, for each document, the count of the last write of it that it knows about: the
 * bucket's count when it loaded it, or the count of a later write (its own, or one it heard).
 * A message about that document with a count not above it is old news (the load already read
 * it, or this tab overwrote it since) and is ignored; otherwise it is applied.
 *
 * So every tab ends up with what IndexedDB holds, even when two tabs write the same document at
 * the same time or messages from several tabs arrive out of order. The mapped instance applies
 * messages only between its own writes, never while one of them is being persisted, so "the last
 * write I know of" is always settled when this is asked.
 */
export class WriteOrder {
  /** The write count of each bucket when it was loaded (0: no record then). */
  private readonly loaded = new Array<number>(BUCKET_COUNT).fill(0);
  /** Documents written since the load (by anyone), with the count of that write. */
  private readonly known = new Map<string, number>();

  /** Records the write count a bucket had when the instance loaded it. */
  loadedBucket(bucket: number, writes: number): void {
    this.loaded[bucket] = writes;
  }

  /** Records that the write with this count (to the documents' bucket) is the latest known. */
  wrote(id: string, writes: number): void {
    if (writes > this.lastKnown(id)) this.known.set(id, writes);
  }

  /** Whether a write of `id` with this bucket count is newer than the copy held here. */
  isNewer(id: string, writes: number): boolean {
    return writes > this.lastKnown(id);
  }

  private lastKnown(id: string): number {
    return this.known.get(id) ?? this.loaded[bucketOf(id)] ?? 0;
  }
}
