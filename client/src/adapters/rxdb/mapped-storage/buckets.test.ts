import { describe, expect, it } from 'vitest';
import { writeChunks, WRITE_CHUNK } from '../write-chunks.ts';
import { BUCKET_COUNT, bucketOf, groupByBucket, sortByBucket } from './buckets.ts';

describe('buckets', () => {
  it('hashes ids to the same buckets forever (it is the format on disk)', () => {
    // 32-bit FNV-1a of the UTF-16 code units, modulo 256.
    expect(BUCKET_COUNT).toBe(256);
    expect(['', 'a', 'op-1', 'acc-1', 'état-é'].map(bucketOf)).toEqual([197, 44, 92, 172, 243]);
  });

  it('spreads ids evenly', () => {
    const counts = new Array<number>(BUCKET_COUNT).fill(0);
    for (let index = 0; index < 100_000; index += 1) counts[bucketOf(`op-${index}`)]! += 1;
    expect(Math.min(...counts)).toBeGreaterThan(300);
    expect(Math.max(...counts)).toBeLessThan(500);
  });

  it('groups documents and purged ids by bucket', () => {
    const ids = ['a', 'op-1', 'acc-1'];
    const groups = groupByBucket(new Map(ids.map((id) => [id, { id }])), ['gone']);
    expect([...groups.keys()].sort()).toEqual([...new Set([...ids, 'gone'].map(bucketOf))].sort());
    expect(groups.get(bucketOf('a'))?.put.get('a')).toEqual({ id: 'a' });
    expect(groups.get(bucketOf('gone'))?.purge).toEqual(['gone']);
  });

  it('orders writes by bucket, keeping the order within a bucket', () => {
    const ids = Array.from({ length: 2_000 }, (_, index) => `op-${index}`);
    const sorted = sortByBucket(ids, (id) => id);
    expect([...sorted].sort()).toEqual([...ids].sort());
    for (let index = 1; index < sorted.length; index += 1) {
      const [before, after] = [sorted[index - 1]!, sorted[index]!];
      expect(bucketOf(before)).toBeLessThanOrEqual(bucketOf(after));
      if (bucketOf(before) === bucketOf(after)) {
        expect(ids.indexOf(before)).toBeLessThan(ids.indexOf(after));
      }
    }
  });

  it('cuts big writes into chunks that each touch their own share of the buckets', () => {
    const ids = Array.from({ length: WRITE_CHUNK * 2 + 1 }, (_, index) => `op-${index}`);
    const chunks = writeChunks(ids, (id) => id);
    expect(chunks.map((chunk) => chunk.length)).toEqual([WRITE_CHUNK, WRITE_CHUNK, 1]);
    const [first, second] = chunks.map((chunk) => new Set(chunk.map(bucketOf)));
    // Neighbouring chunks share at most the bucket where one ends and the next begins.
    expect([...first!].filter((bucket) => second!.has(bucket)).length).toBeLessThanOrEqual(1);
  });
});
