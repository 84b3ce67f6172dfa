import { randomUUID } from 'node:crypto';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../log.ts';
import { runChangeLogContract } from '../../ports/change-log.contract.ts';
import { changes, create, keyRecord, record } from '../../ports/change-log-fixtures.contract.ts';
import { RedisChangeLog } from './RedisChangeLog.ts';
import {
  RedisProcesses,
  clusterNodeArgs,
  startLocalCluster,
  waitForClusterOk,
} from './redis-process-support.ts';

/**
 * The contract through an ioredis Cluster over three local masters (started here, removed
 * after): scripts routed by the user's hash tag, feed on sharded pub/sub.
 */
let servers: RedisProcesses | undefined;
let nodeArgs: (port: number) => string[] = () => [];
const ports: number[] = [];
let client: Cluster | undefined;
const logLines: string[] = [];
const log = createLogger('info', {
  out: (line) => logLines.push(line),
  err: (line) => logLines.push(line),
});

beforeAll(async () => {
  servers = await RedisProcesses.create('cluster');
  const dir = servers.dir;
  nodeArgs = (port) => clusterNodeArgs(dir, port);
  ports.push(...(await startLocalCluster(servers)));
  // Retry fast: the last test restarts a master and should not sit through the default back-off.
  client = new Cluster(
    ports.map((port) => ({ host: '127.0.0.1', port })),
    { clusterRetryStrategy: () => 100 },
  );
  await new Promise((resolve) => client!.once('ready', resolve));
}, 20_000);

afterAll(async () => {
  client?.disconnect();
  await servers?.stopAll();
});

function openChangeLog(keyPrefix: string): RedisChangeLog {
  if (client === undefined) throw new Error('the cluster did not start');
  return new RedisChangeLog({ client, keyPrefix, log });
}

let backendCount = 0;
runChangeLogContract('RedisChangeLog on a Redis Cluster', () => {
  const prefix = `tirelire-test:${++backendCount}:`;
  return Promise.resolve({
    allowsSeveralInstances: true,
    open: () => Promise.resolve(openChangeLog(prefix)),
  });
});

describe('RedisChangeLog on a Redis Cluster', () => {
  it("puts a user's keys and feed in the slot of the auth store's tag, on sharded pub/sub", async () => {
    const prefix = 'tirelire-test:slots:';
    const changeLog = openChangeLog(prefix);
    const user = randomUUID();
    await changeLog.push(user, 'operations', [create('a')]);
    await changeLog.writeKey(user, 0, keyRecord(1));
    const node = client!.nodes('master')[0]!;
    const authSlot = await node.cluster('KEYSLOT', `${prefix}{u:${user}}:user`);
    const names = ['docs:operations', 'ver:operations', 'log:operations', 'seq', 'key', 'feed'];
    for (const name of names) {
      expect(await node.cluster('KEYSLOT', `${prefix}{u:${user}}:${name}`)).toBe(authSlot);
    }
    expect(logLines).toContain('info: redis change log: sharded pub/sub');
    await changeLog.close();
  });
});

/** The port of the master that serves `key`'s slot. */
async function ownerOf(cluster: Cluster, key: string): Promise<number> {
  const slot = await cluster.cluster('KEYSLOT', key);
  const ranges = await cluster.cluster('SLOTS');
  const range = ranges.find(([from, to]) => slot >= from && slot <= to);
  const port = range?.[2]?.[1];
  if (port === undefined) throw new Error(`no master serves slot ${slot}`);
  return port;
}

// Last: it restarts a master (without persistence, so its keys are gone; the feed is the point).
describe('RedisChangeLog when a Cluster master restarts', () => {
  it('subscribes again, tells listeners `interrupted`, and streams again', async () => {
    const prefix = 'tirelire-test:restart:';
    const changeLog = openChangeLog(prefix);
    const user = randomUUID();
    const hears = await record(changeLog, user);
    await changeLog.push(user, 'operations', [create('a')]);
    await hears.waitFor(1);

    const port = await ownerOf(client!, `${prefix}{u:${user}}:feed`);
    await servers!.kill(port);
    await servers!.start(port, nodeArgs(port));

    expect((await hears.waitFor(2))[1]).toEqual({ type: 'interrupted' });
    // The feed may be back before the node has rejoined; writes wait for the cluster.
    await waitForClusterOk(ports);
    await changeLog.push(user, 'operations', [create('b')]);
    const events = await hears.waitFor(3);
    expect(changes(events[2]).documents.map((doc) => doc.id)).toEqual(['b']);
    await changeLog.close();
  });
});
