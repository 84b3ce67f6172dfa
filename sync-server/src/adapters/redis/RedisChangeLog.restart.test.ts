import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, expect, it } from 'vitest';
import { silentLogger } from '../../log.ts';
import {
  changes,
  create,
  edit,
  keyRecord,
  record,
  stored,
} from '../../ports/change-log-fixtures.contract.ts';
import { RedisChangeLog } from './RedisChangeLog.ts';
import { RedisProcesses, freePort } from './redis-process-support.ts';

// A private Redis with the AOF fsync'd on every write (the strictest setting): what a push
// acknowledged must survive a kill -9.
const AOF = ['--appendonly', 'yes', '--appendfsync', 'always'];
const servers = await RedisProcesses.create('restart');
const clients: Redis[] = [];

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await servers.stopAll();
});

// The second case turns ioredis' own re-subscription off: the change log must do it itself.
it.each([
  { subscriber: 'ioredis defaults', autoResubscribe: true },
  { subscriber: 'autoResubscribe off', autoResubscribe: false },
])(
  'keeps acknowledged writes through a crash, says `interrupted`, then streams again ($subscriber)',
  async ({ autoResubscribe }) => {
    const port = await freePort();
    await servers.start(port, AOF);
    // Reconnect quickly, so the test does not sit through ioredis' default back-off.
    const client = new Redis({ port, host: '127.0.0.1', retryStrategy: () => 50 });
    client.on('error', () => {});
    clients.push(client);
    const changeLog = new RedisChangeLog({
      client,
      openSubscriber: () => client.duplicate({ autoResubscribe }),
      keyPrefix: 'tirelire-test:',
      log: silentLogger,
    });
    const user = randomUUID();

    const a = create('a');
    await changeLog.push(user, 'operations', [a]);
    const key = keyRecord(1);
    await changeLog.writeKey(user, 0, key);
    const hears = await record(changeLog, user);
    const a2 = edit(a.envelope);
    await changeLog.push(user, 'operations', [a2, create('b')]);
    await hears.waitFor(1);

    await servers.kill(port);
    await servers.start(port, AOF);

    // The listener learns that it may have missed changes, once the feed is live again…
    const events = await hears.waitFor(2);
    expect(events[1]).toEqual({ type: 'interrupted' });
    // …nothing acknowledged was lost…
    expect(await changeLog.head(user)).toBe(3);
    expect(await changeLog.readKey(user)).toEqual(key);
    const page = await changeLog.pull(user, 'operations', 0, 10);
    expect(page.documents.map(({ id, version, seq }) => ({ id, version, seq }))).toEqual([
      { id: 'a', version: 2, seq: 2 },
      { id: 'b', version: 1, seq: 3 },
    ]);
    expect(page.documents[0]).toEqual(stored(a2, 2));
    // …and live changes flow again, from where the log stands.
    await changeLog.push(user, 'operations', [create('c')]);
    const after = await hears.waitFor(3);
    expect(changes(after[2])).toMatchObject({ afterSeq: 3, documents: [{ id: 'c', seq: 4 }] });

    await changeLog.close();
  },
);
