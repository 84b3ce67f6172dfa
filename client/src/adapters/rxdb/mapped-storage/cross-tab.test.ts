import { describe, expect, it, vi } from 'vitest';
import { bucketOf } from './buckets.ts';
import { CrossTabChannel, type RemoteWrite } from './cross-tab.ts';
import { WriteOrder } from './write-order.ts';

describe('CrossTabChannel', () => {
  const write: RemoteWrite = { context: 'test', buckets: [{ bucket: 3, writes: 7, docs: [{}] }] };

  it('keeps what arrives before anyone listens, and drops malformed messages', async () => {
    const receiver = new CrossTabChannel('cross-tab-early', 'things', 0);
    const sender = new BroadcastChannel('tirelire-mapped-storage|cross-tab-early|things|0');
    try {
      sender.postMessage('not a write');
      sender.postMessage({ context: 'test', buckets: 'nope' });
      sender.postMessage(write);
      await new Promise((resolve) => setTimeout(resolve, 50));

      const heard: RemoteWrite[] = [];
      receiver.listen((message) => heard.push(message));
      expect(heard).toStrictEqual([write]);
      sender.postMessage(write);
      await vi.waitFor(() => expect(heard).toHaveLength(2));
    } finally {
      sender.close();
      receiver.close();
    }
  });

  it('only hears its own database and collection', async () => {
    const things = new CrossTabChannel('cross-tab-scope', 'things', 0);
    const otherCollection = new CrossTabChannel('cross-tab-scope', 'others', 0);
    const otherVersion = new CrossTabChannel('cross-tab-scope', 'things', 1);
    const heard: string[] = [];
    otherCollection.listen(() => heard.push('others'));
    otherVersion.listen(() => heard.push('things v1'));
    try {
      things.post(write);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard).toEqual([]);
    } finally {
      for (const channel of [things, otherCollection, otherVersion]) channel.close();
    }
  });
});

describe('WriteOrder', () => {
  it('takes a write as newer only if its bucket count is above the last one known', () => {
    const order = new WriteOrder();
    const id = 'doc-1';
    order.loadedBucket(bucketOf(id), 4);
    // The load read the bucket after its 4th write: writes up to the 4th are already in memory.
    expect(order.isNewer(id, 4)).toBe(false);
    expect(order.isNewer(id, 5)).toBe(true);
    order.wrote(id, 9);
    expect(order.isNewer(id, 8)).toBe(false);
    // Learning of an older write never moves the mark back.
    order.wrote(id, 6);
    expect(order.isNewer(id, 9)).toBe(false);
    expect(order.isNewer(id, 10)).toBe(true);
    // Documents of buckets that had no record at load take any write.
    const elsewhere = ['doc-2', 'doc-3', 'doc-4'].find((other) => bucketOf(other) !== bucketOf(id));
    expect(order.isNewer(elsewhere!, 1)).toBe(true);
  });
});
