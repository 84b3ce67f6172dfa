import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { describeAuthStoreContract } from '../../ports/auth-store.contract.ts';
import { hashRefreshToken, toFamilyId } from '../../ports/auth-store.ts';
import { RedisAuthStore } from './RedisAuthStore.ts';
import { TEST_REDIS_URL, deleteKeysWithPrefix, uniqueTestPrefix } from './redis-test-support.ts';

const keyPrefix = uniqueTestPrefix('auth');
const client = new Redis(TEST_REDIS_URL);
let storeCount = 0;
// Each store gets its own prefix under the run's, so contract tests start from an empty store.
const makeStore = () => Promise.resolve(new RedisAuthStore(client, `${keyPrefix}${++storeCount}:`));

afterAll(async () => {
  await deleteKeysWithPrefix(keyPrefix);
  client.disconnect();
});

async function keysUnder(prefix: string): Promise<string[]> {
  const found: string[] = [];
  const stream = client.scanStream({ match: `${prefix}*`, count: 500 });
  for await (const keys of stream as AsyncIterable<string[]>) found.push(...keys);
  return found;
}

describeAuthStoreContract('RedisAuthStore', { makeStore });

describe('RedisAuthStore keys', () => {
  const T0 = 1_700_000_000_000;

  it('leaves no key with the user id, nor the email, once the user is deleted', async () => {
    const prefix = `${keyPrefix}delete:`;
    const store = new RedisAuthStore(client, prefix);
    const created = await store.createUser({
      email: 'eve@example.org',
      passwordHash: 'h',
      createdAt: T0,
    });
    if (!created.ok) throw new Error('sign-up failed');
    const { id } = created.value;
    const familyId = toFamilyId('family-1')!;
    await store.saveRefreshToken(
      { userId: id, familyId, tokenHash: hashRefreshToken(`${id}.a`), expiresAt: T0 + 60_000 },
      T0,
    );
    await store.rotateRefreshToken(
      { userId: id, tokenHash: hashRefreshToken(`${id}.a`) },
      { tokenHash: hashRefreshToken(`${id}.b`), expiresAt: T0 + 120_000 },
      T0 + 1,
    );
    await store.hit({ scope: 'account', userId: id, name: 'login' }, 60_000, 5, T0);
    await store.hit({ scope: 'shared', name: 'ip:203.0.113.9:login' }, 60_000, 5, T0);
    expect((await keysUnder(prefix)).filter((key) => key.includes(id)).length).toBeGreaterThan(4);

    await store.deleteUser(id);

    const left = await keysUnder(prefix);
    expect(left.filter((key) => key.includes(id) || key.includes('eve@'))).toEqual([]);
    expect(left).toEqual([`${prefix}limit:ip:203.0.113.9:login`]);
  });

  it('keeps every key of one user in one hash tag, with a TTL on tokens and counters', async () => {
    const prefix = `${keyPrefix}layout:`;
    const store = new RedisAuthStore(client, prefix);
    const created = await store.createUser({
      email: 'tag@example.org',
      passwordHash: 'h',
      createdAt: T0,
    });
    if (!created.ok) throw new Error('sign-up failed');
    const { id } = created.value;
    await store.saveRefreshToken(
      {
        userId: id,
        familyId: toFamilyId('f')!,
        tokenHash: hashRefreshToken(`${id}.a`),
        expiresAt: T0 + 60_000,
      },
      T0,
    );
    await store.hit({ scope: 'account', userId: id, name: 'login' }, 30_000, 5, T0);

    const userKeys = (await keysUnder(prefix)).filter((key) => !key.startsWith(`${prefix}email:`));
    expect(userKeys.every((key) => key.startsWith(`${prefix}{u:${id}}:`))).toBe(true);
    for (const key of userKeys.filter((k) => !k.endsWith(':user'))) {
      const ttl = await client.pttl(key);
      expect(ttl, key).toBeGreaterThan(0);
      expect(ttl, key).toBeLessThanOrEqual(60_000);
    }
    expect(await client.pttl(`${prefix}{u:${id}}:user`)).toBe(-1);
  });

  it('refuses a key prefix that would hijack the hash tag', () => {
    expect(() => new RedisAuthStore(client, 'tirelire:{x}:')).toThrow(/must not contain/);
  });
});
