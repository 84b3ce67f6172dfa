import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from '../../log.ts';
import { runChangeLogContract } from '../../ports/change-log.contract.ts';
import { changes, create, record } from '../../ports/change-log-fixtures.contract.ts';
import { RedisChangeLog } from './RedisChangeLog.ts';
import { TEST_REDIS_URL, deleteKeysWithPrefix, uniqueTestPrefix } from './redis-test-support.ts';

const keyPrefix = uniqueTestPrefix('change-log');
const client = new Redis(TEST_REDIS_URL);
let backendCount = 0;

afterAll(async () => {
  await deleteKeysWithPrefix(keyPrefix);
  client.disconnect();
});

// Each backend is its own prefix under the run's; its instances share it, as servers would.
runChangeLogContract('RedisChangeLog', () => {
  const prefix = `${keyPrefix}${++backendCount}:`;
  return Promise.resolve({
    allowsSeveralInstances: true,
    open: () =>
      Promise.resolve(new RedisChangeLog({ client, keyPrefix: prefix, log: silentLogger })),
  });
});

async function keysUnder(prefix: string): Promise<string[]> {
  const found: string[] = [];
  const stream = client.scanStream({ match: `${prefix}*`, count: 500 });
  for await (const keys of stream as AsyncIterable<string[]>) found.push(...keys);
  return found.sort();
}

describe('RedisChangeLog in Redis', () => {
  it("keeps a user's keys under the auth store's hash tag, and deletes them all", async () => {
    const prefix = `${keyPrefix}layout:`;
    const log = new RedisChangeLog({ client, keyPrefix: prefix, log: silentLogger });
    const user = randomUUID();
    await log.push(user, 'operations', [create('a')]);
    const tag = `${prefix}{u:${user}}:`;
    expect(await keysUnder(prefix)).toEqual(
      ['docs:operations', 'log:operations', 'seq', 'ver:operations'].map((k) => `${tag}${k}`),
    );
    await log.deleteUser(user);
    expect(await keysUnder(prefix)).toEqual([]);
    await log.close();
  });

  it('drops and logs a malformed feed message, and keeps delivering', async () => {
    const lines: string[] = [];
    const log = createLogger('error', { out: () => {}, err: (line) => lines.push(line) });
    const prefix = `${keyPrefix}garbage:`;
    const changeLog = new RedisChangeLog({ client, keyPrefix: prefix, log });
    const user = randomUUID();
    const hears = await record(changeLog, user);
    const channel = `${prefix}{u:${user}}:feed`;
    await client.spublish(channel, 'not json');
    await client.spublish(channel, JSON.stringify({ type: 'changes', afterSeq: 0, documents: [] }));
    await changeLog.push(user, 'operations', [create('a')]);
    const [event] = await hears.waitFor(1);
    expect(changes(event).afterSeq).toBe(0);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/dropped a malformed message/);
    await changeLog.close();
  });

  it('subscribes through a lazy client without offline queue, once the caller connected it', async () => {
    // How RedisServerStore configures its client: fail fast rather than queue.
    const strict = new Redis(TEST_REDIS_URL, { lazyConnect: true, enableOfflineQueue: false });
    await strict.connect();
    const changeLog = new RedisChangeLog({
      client: strict,
      keyPrefix: `${keyPrefix}strict:`,
      log: silentLogger,
    });
    const user = randomUUID();
    const hears = await record(changeLog, user);
    await changeLog.push(user, 'operations', [create('a')]);
    expect(changes((await hears.waitFor(1))[0]).afterSeq).toBe(0);
    await changeLog.deleteUser(user);
    await changeLog.close();
    strict.disconnect();
  });

  it('refuses a stored document that does not pass the schema', async () => {
    const prefix = `${keyPrefix}corrupt:`;
    const changeLog = new RedisChangeLog({ client, keyPrefix: prefix, log: silentLogger });
    const user = randomUUID();
    await changeLog.push(user, 'operations', [create('a')]);
    await client.hset(`${prefix}{u:${user}}:docs:operations`, 'a', '{"id":"a"}');
    await expect(changeLog.pull(user, 'operations', 0, 10)).rejects.toThrow(/corrupt stored/);
    await changeLog.close();
  });

  it('refuses a key prefix that would hijack the hash tag, and a user id with braces', async () => {
    expect(() => new RedisChangeLog({ client, keyPrefix: 'x{y}:', log: silentLogger })).toThrow(
      /must not contain/,
    );
    const changeLog = new RedisChangeLog({ client, keyPrefix, log: silentLogger });
    await expect(changeLog.head('a}b')).rejects.toThrow(/invalid user id/);
    await changeLog.close();
  });
});
