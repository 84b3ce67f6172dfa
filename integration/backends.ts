import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { EmbeddedChangeLog } from '../sync-server/src/adapters/embedded/EmbeddedChangeLog.ts';
import { silentLogger } from '../sync-server/src/log.ts';
import type { ChangeLog } from '../sync-server/src/ports/change-log.ts';
import { RedisChangeLog } from '../sync-server/src/adapters/redis/RedisChangeLog.ts';
import {
  TEST_REDIS_URL,
  deleteKeysWithPrefix,
  uniqueTestPrefix,
} from '../sync-server/src/adapters/redis/redis-test-support.ts';

/** A change log the integration suites run against, and how to "restart the server" on it. */
export interface Backend {
  readonly name: string;
  open(): Promise<ChangeLog>;
  /** A new server process on the same data: the old log is closed, a new one opened. */
  reopen(previous: ChangeLog): Promise<ChangeLog>;
  cleanUp(): Promise<void>;
}

let runs = 0;

/** The machine's Redis, under a prefix of this run's (removed after each test). */
export function redisBackend(): Backend {
  const prefix = `${uniqueTestPrefix('integration')}${++runs}:`;
  const clients: Redis[] = [];
  const open = () => {
    const client = new Redis(TEST_REDIS_URL);
    clients.push(client);
    return Promise.resolve(new RedisChangeLog({ client, keyPrefix: prefix, log: silentLogger }));
  };
  return {
    name: 'Redis',
    open,
    reopen: async (previous) => {
      await previous.close();
      return open();
    },
    cleanUp: async () => {
      for (const client of clients.splice(0)) client.disconnect();
      await deleteKeysWithPrefix(prefix);
    },
  };
}

/** The single-process store, in a fresh directory: a restart reopens it from its file. */
export function embeddedBackend(onDirectory: (path: string) => void = () => {}): Backend {
  let directory: string | null = null;
  const open = async () => {
    if (directory === null) {
      directory = await mkdtemp(join(tmpdir(), 'tirelire-integration-'));
      onDirectory(directory);
    }
    return EmbeddedChangeLog.open({ dataDir: directory, log: silentLogger });
  };
  return {
    name: 'embedded',
    open,
    reopen: async (previous) => {
      await previous.close();
      return open();
    },
    cleanUp: async () => {
      if (directory !== null) await rm(directory, { recursive: true, force: true });
      directory = null;
    },
  };
}

export function changeLogBackends(): Backend[] {
  return [redisBackend(), embeddedBackend()];
}
