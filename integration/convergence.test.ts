import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeOperation } from '../shared/src/testing/fixtures.ts';
import { WebCryptoDataKeyWrapping } from '../client/src/adapters/webcrypto/WebCryptoDataKeyWrapping.ts';
import type { DocumentCipher } from '../client/src/ports/sync-keys.ts';
import { changeLogBackends } from './backends.ts';
import { SyncWorld } from './sync-world.ts';

let cipher: DocumentCipher;
beforeAll(async () => {
  // One PBKDF2 derivation (~0.5 s) for the whole file: every device of the test user shares it.
  cipher = (await new WebCryptoDataKeyWrapping().create('a long sync passphrase')).cipher;
});

for (const backend of changeLogBackends()) {
  describe(`convergence over loopback, ${backend.name}`, () => {
    let world: SyncWorld | null = null;
    afterEach(async () => {
      await world?.close();
      world = null;
      await backend.cleanUp();
    });

    const open = async () =>
      (world = await SyncWorld.create(
        () => backend.open(),
        (previous) => backend.reopen(previous),
      ));

    it('P-LIVE-1: an operation added on one device appears on the other', async () => {
      const sync = await open();
      const laptop = await sync.addDevice('laptop', 'user-1', cipher);
      const phone = await sync.addDevice('phone', 'user-1', cipher);
      await laptop.store.saveAccounts([makeAccount({ id: 'acc-1' })]);
      await laptop.store.saveOperations([makeOperation({ id: 'op-1', label: 'BOULANGERIE' })]);
      await sync.converge();
      const operations = await phone.store.listOperations();
      expect(operations.map((operation) => operation.label)).toEqual(['BOULANGERIE']);
      expect(await phone.store.listAccounts()).toHaveLength(1);
    });

    it('P-MERGE-1: concurrent offline edits of one operation converge on the later edit', async () => {
      const sync = await open();
      const laptop = await sync.addDevice('laptop', 'user-1', cipher);
      const phone = await sync.addDevice('phone', 'user-1', cipher);
      await laptop.store.saveOperations([makeOperation({ id: 'op-1', updatedAt: 1 })]);
      await sync.converge();
      laptop.goOffline();
      phone.goOffline();
      await laptop.store.saveOperations([
        makeOperation({ id: 'op-1', note: 'laptop', updatedAt: 20 }),
      ]);
      await phone.store.saveOperations([
        makeOperation({ id: 'op-1', note: 'phone', updatedAt: 10 }),
      ]);
      phone.goOnline();
      laptop.goOnline();
      await sync.converge();
      expect((await phone.store.listOperations()).map((operation) => operation.note)).toEqual([
        'laptop',
      ]);
    });

    it('P-MERGE-1: a deletion beats a concurrent edit, whatever the clocks say', async () => {
      const sync = await open();
      const laptop = await sync.addDevice('laptop', 'user-1', cipher);
      const phone = await sync.addDevice('phone', 'user-1', cipher);
      await laptop.store.saveOperations([makeOperation({ id: 'op-1', updatedAt: 1 })]);
      await sync.converge();
      laptop.goOffline();
      await laptop.store.saveOperations([
        makeOperation({ id: 'op-1', note: 'edited', updatedAt: 99 }),
      ]);
      await phone.store.deleteOperations([makeOperation({ id: 'op-1' }).id]);
      await sync.converge([phone]);
      laptop.goOnline();
      await sync.converge();
      expect(await laptop.store.listOperations()).toEqual([]);
    });

    it('resumes from its checkpoint: a device offline during 300 writes catches up', async () => {
      const sync = await open();
      const laptop = await sync.addDevice('laptop', 'user-1', cipher);
      const phone = await sync.addDevice('phone', 'user-1', cipher);
      await sync.converge();
      phone.goOffline();
      const operations = Array.from({ length: 300 }, (_, index) =>
        makeOperation({ id: `op-${index}`, label: `SHOP ${index}` }),
      );
      await laptop.store.saveOperations(operations);
      await sync.converge([laptop]);
      phone.goOnline();
      await sync.converge();
      expect(await phone.store.listOperations()).toHaveLength(300);
    });

    it('a server restart loses no acknowledged write, and devices reconnect by themselves', async () => {
      const sync = await open();
      const laptop = await sync.addDevice('laptop', 'user-1', cipher);
      const phone = await sync.addDevice('phone', 'user-1', cipher);
      await laptop.store.saveOperations([makeOperation({ id: 'op-1' })]);
      await sync.converge();
      await sync.restartServer();
      await phone.store.saveOperations([makeOperation({ id: 'op-2' })]);
      await sync.converge();
      expect((await laptop.store.listOperations()).map((operation) => operation.id).sort()).toEqual(
        ['op-1', 'op-2'],
      );
    });

    it("P-ISO-1: another user's devices never see the first user's documents", async () => {
      const sync = await open();
      const mine = await sync.addDevice('mine', 'user-1', cipher);
      const theirs = await sync.addDevice('theirs', 'user-2', cipher);
      await mine.store.saveOperations([makeOperation({ id: 'op-1' })]);
      await sync.converge([mine]);
      await sync.converge([theirs]);
      expect(await theirs.store.listOperations()).toEqual([]);
    });
  });
}
