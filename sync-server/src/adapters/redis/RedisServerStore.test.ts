import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log.ts';
import { describeServerStoreContract } from '../../ports/server-store.contract.ts';
import { RedisServerStore } from './RedisServerStore.ts';
import {
  CLOSED_REDIS_URL,
  TEST_REDIS_URL,
  deleteKeysWithPrefix,
  uniqueTestPrefix,
} from './redis-test-support.ts';

const keyPrefix = uniqueTestPrefix('store');

const openAt = (url: string) =>
  RedisServerStore.open({ url, keyPrefix, log: silentLogger, connectTimeoutMs: 500 });

afterAll(() => deleteKeysWithPrefix(keyPrefix));

describeServerStoreContract('RedisServerStore', {
  kind: 'redis',
  makeStore: () => openAt(TEST_REDIS_URL),
  makeBrokenStore: () => openAt(CLOSED_REDIS_URL),
});

describe('RedisServerStore against an unreachable Redis', () => {
  it('opens anyway, reports "unreachable" within the timeout, and lets the process go', async () => {
    const started = Date.now();
    const store = await openAt(CLOSED_REDIS_URL);
    const answers = await Promise.all([store.health(), store.health()]);
    expect(answers).toEqual([
      { kind: 'redis', ok: false, reason: 'unreachable' },
      { kind: 'redis', ok: false, reason: 'unreachable' },
    ]);
    expect(Date.now() - started).toBeLessThan(2000);
    await store.close();
  });

  it('gives up on a host that never answers after the connect timeout', async () => {
    // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): packets go nowhere, so the connect times out
    // (or fails at once on a machine without a route).
    const started = Date.now();
    const store = await openAt('redis://192.0.2.1:6379');
    expect(await store.health()).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(Date.now() - started).toBeLessThan(3000);
    await store.close();
  });
});
