import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeOperation } from '../shared/src/testing/fixtures.ts';
import { WebCryptoDataKeyWrapping } from '../client/src/adapters/webcrypto/WebCryptoDataKeyWrapping.ts';
import type { DocumentCipher } from '../client/src/ports/sync-keys.ts';
import { TEST_REDIS_URL } from '../sync-server/src/adapters/redis/redis-test-support.ts';
import { embeddedBackend, redisBackend } from './backends.ts';
import { SyncWorld } from './sync-world.ts';

/** What a person wrote, which must never reach the server in a form it can read (P-ENVELOPE-1). */
const SECRETS = [
  'BOULANGERIE DUPONT',
  'Compte joint secret',
  'cadeau pour Camille',
  'Banque Discrète',
];

let cipher: DocumentCipher;
beforeAll(async () => {
  cipher = (await new WebCryptoDataKeyWrapping().create('a long sync passphrase')).cipher;
});

async function syncKnownLedger(world: SyncWorld): Promise<void> {
  const laptop = await world.addDevice('laptop', 'user-1', cipher);
  const phone = await world.addDevice('phone', 'user-1', cipher);
  await laptop.store.saveAccounts([
    makeAccount({ id: 'acc-1', name: 'Compte joint secret', institution: 'Banque Discrète' }),
  ]);
  await laptop.store.saveOperations([
    makeOperation({ id: 'op-1', label: 'BOULANGERIE DUPONT', note: 'cadeau pour Camille' }),
  ]);
  await world.converge();
  // The phone really has them: the ledger went through the server, just not readably.
  expect((await phone.store.listOperations())[0]?.label).toBe('BOULANGERIE DUPONT');
}

const leaked = (text: string) =>
  SECRETS.filter((secret) => text.toLowerCase().includes(secret.toLowerCase()));

describe('the server stores nothing it can read (P-ENVELOPE-1, P-CRYPTO-1)', () => {
  it('a scan of the whole Redis keyspace finds none of the labels', async () => {
    const backend = redisBackend();
    const world = await SyncWorld.create(
      () => backend.open(),
      (previous) => backend.reopen(previous),
    );
    const admin = new Redis(TEST_REDIS_URL);
    try {
      await syncKnownLedger(world);
      let dump = '';
      let keys = 0;
      for await (const batch of admin.scanStream({ count: 500 }) as AsyncIterable<string[]>) {
        for (const key of batch) {
          keys += 1;
          const type = await admin.type(key);
          const value =
            type === 'hash'
              ? await admin.hgetall(key)
              : type === 'zset'
                ? await admin.zrange(key, 0, -1, 'WITHSCORES')
                : type === 'string'
                  ? await admin.get(key)
                  : type;
          dump += `${key} ${JSON.stringify(value)}\n`;
        }
      }
      expect(keys).toBeGreaterThan(0);
      expect(dump).toContain('ciphertext');
      expect(leaked(dump)).toEqual([]);
    } finally {
      admin.disconnect();
      await world.close();
      await backend.cleanUp();
    }
  });

  it("a scan of the embedded store's files finds none of the labels", async () => {
    let directory = '';
    const backend = embeddedBackend((path) => (directory = path));
    const world = await SyncWorld.create(
      () => backend.open(),
      (previous) => backend.reopen(previous),
    );
    try {
      await syncKnownLedger(world);
      let dump = '';
      for (const name of await readdir(directory, { recursive: true })) {
        dump += await readFile(join(directory, name), 'utf8').catch(() => '');
      }
      expect(dump).toContain('ciphertext');
      expect(leaked(dump)).toEqual([]);
    } finally {
      await world.close();
      await backend.cleanUp();
    }
  });
});
