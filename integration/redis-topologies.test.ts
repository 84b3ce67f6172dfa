import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOperation } from '../shared/src/testing/fixtures.ts';
import { WebCryptoDataKeyWrapping } from '../client/src/adapters/webcrypto/WebCryptoDataKeyWrapping.ts';
import type { DocumentCipher } from '../client/src/ports/sync-keys.ts';
import { redisBackend } from './backends.ts';
import { clusterBackend, privateRedisBackend } from './redis-servers.ts';
import { SyncWorld } from './sync-world.ts';

let cipher: DocumentCipher;
beforeAll(async () => {
  cipher = (await new WebCryptoDataKeyWrapping().create('a long sync passphrase')).cipher;
});

const labelsOf = async (device: { store: { listOperations(): Promise<{ label: string }[]> } }) =>
  (await device.store.listOperations()).map((operation) => operation.label).sort();

describe('sync through Redis topologies', () => {
  it('two server instances on one Redis: devices on different instances stay in step live', async () => {
    const backend = redisBackend();
    const world = await SyncWorld.create(
      () => backend.open(),
      (previous) => backend.reopen(previous),
      { instances: 2 },
    );
    try {
      const laptop = await world.addDevice('laptop', 'user-1', cipher, 0);
      const phone = await world.addDevice('phone', 'user-1', cipher, 1);
      await laptop.store.saveOperations([makeOperation({ id: 'op-1', label: 'FROM LAPTOP' })]);
      await phone.store.saveOperations([makeOperation({ id: 'op-2', label: 'FROM PHONE' })]);
      await world.converge();
      expect(await labelsOf(phone)).toEqual(['FROM LAPTOP', 'FROM PHONE']);
      // Instances are stateless: restarting both loses nothing.
      await world.restartServer();
      await laptop.store.saveOperations([makeOperation({ id: 'op-3', label: 'AFTER RESTART' })]);
      await world.converge();
      expect(await labelsOf(phone)).toEqual(['AFTER RESTART', 'FROM LAPTOP', 'FROM PHONE']);
    } finally {
      await world.close();
      await backend.cleanUp();
    }
  });

  describe('a 3-master Redis Cluster started on loopback ports', () => {
    let backend: Awaited<ReturnType<typeof clusterBackend>> | undefined;
    beforeAll(async () => {
      backend = await clusterBackend();
    }, 30_000);
    afterAll(() => backend?.stop());

    it('syncs devices of several users through two instances', async () => {
      const cluster = backend!;
      const world = await SyncWorld.create(
        () => cluster.open(),
        (previous) => cluster.reopen(previous),
        { instances: 2 },
      );
      try {
        const devices = [];
        // Users whose hash tags land on different masters.
        for (const user of ['ana', 'bruno', 'chloe', 'dev']) {
          devices.push(await world.addDevice(`${user}-1`, user, cipher, 0));
          const second = await world.addDevice(`${user}-2`, user, cipher, 1);
          await second.store.saveOperations([makeOperation({ id: `op-${user}`, label: user })]);
          devices.push(second);
        }
        for (let index = 0; index < devices.length; index += 2) {
          const pair = devices.slice(index, index + 2);
          await world.converge(pair);
          expect(await labelsOf(pair[0]!)).toHaveLength(1);
        }
      } finally {
        await world.close();
      }
    });
  });

  it('a Redis crash (kill -9) loses no acknowledged write, and devices carry on', async () => {
    const backend = await privateRedisBackend();
    const world = await SyncWorld.create(
      () => backend.open(),
      (previous) => backend.reopen(previous),
    );
    try {
      const laptop = await world.addDevice('laptop', 'user-1', cipher);
      const phone = await world.addDevice('phone', 'user-1', cipher);
      await laptop.store.saveOperations([makeOperation({ id: 'op-1', label: 'BEFORE' })]);
      await world.converge();
      await backend.crashStore();
      await phone.store.saveOperations([makeOperation({ id: 'op-2', label: 'AFTER' })]);
      await world.converge();
      expect(await labelsOf(laptop)).toEqual(['AFTER', 'BEFORE']);
      expect(await world.log.head('user-1')).toBeGreaterThanOrEqual(2);
    } finally {
      await world.close();
      await backend.stop();
    }
  });
});
