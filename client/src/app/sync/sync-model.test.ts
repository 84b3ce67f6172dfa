import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultCategories } from '@tirelire/shared';
import {
  CLOSE_REASONS,
  SYNC_PROTOCOL_VERSION,
  decodeClientMessage,
  encodeMessage,
  type ClientMessage,
  type ClientRequest,
  type ServerMessage,
} from '@tirelire/shared/protocol';
import {
  LoopbackSyncTransport,
  type LoopbackAcceptor,
} from '../../adapters/loopback/LoopbackSyncTransport.ts';
import { MemorySyncRemote, MemorySyncServer } from '../../adapters/memory/MemorySyncRemote.ts';
import { MemoryUnlockedKeyStore } from '../../adapters/memory/MemoryUnlockedKeyStore.ts';
import { openRxdbLedgerStore } from '../../adapters/rxdb/RxdbLedgerStore.ts';
import { openEnvelope, sealRow } from '../../adapters/rxdb/replication/envelope-codec.ts';
import { WebCryptoDataKeyWrapping } from '../../adapters/webcrypto/WebCryptoDataKeyWrapping.ts';
import { WebCryptoDocumentCipher } from '../../adapters/webcrypto/WebCryptoDocumentCipher.ts';
import type { UnlockedKeyStore } from '../../ports/sync-keys.ts';
import { SyncModel, type SyncStatus } from './sync-model.ts';
import { SyncSession } from './sync-session.ts';

const CATEGORY = defaultCategories(Date.UTC(2025, 0, 1))[0]!;
const PASSPHRASE = 'a long enough sync passphrase';
const NEW_PASSPHRASE = 'another long sync passphrase';
/** Each PBKDF2 derivation takes about 0.3 s; a test does up to five. */
const DERIVING_TIMEOUT = 20_000;

const wrapping = new WebCryptoDataKeyWrapping();
const timers = {
  after(ms: number, run: () => void) {
    const handle = setTimeout(run, ms);
    return () => clearTimeout(handle);
  },
};

/**
 * The server end of each link: the protocol (hello, requests, live changes) in front of a
 * MemorySyncServer, whose answers sync-remote.contract.ts holds to the real server's.
 */
function serverPeer(server: MemorySyncServer, seen: ClientMessage[]): LoopbackAcceptor {
  return (socket) => {
    const remote = new MemorySyncRemote(server);
    const send = (message: ServerMessage) => socket.send(encodeMessage(message));
    let stopListening = () => {};
    return {
      receive: (text) => {
        const decoded = decodeClientMessage(text);
        if (!decoded.ok) throw new Error(`the client sent nonsense: ${decoded.message}`);
        const message = decoded.value;
        seen.push(message);
        if (message.type !== 'hello') {
          const refuse = () => socket.close(CLOSE_REASONS.malformed_message, 'malformed_message');
          return void answer(remote, message).then(send, refuse);
        }
        stopListening = remote.listen((event) => {
          if (event.type !== 'changes') return;
          const afterSeq = event.documents[0]!.seq - 1;
          send({
            type: 'changes',
            collection: event.collection,
            afterSeq,
            documents: [...event.documents],
          });
        });
        send({
          type: 'welcome',
          protocol: SYNC_PROTOCOL_VERSION,
          userId: 'user-1',
          seq: server.seq,
          expiresAt: 9e12,
        });
      },
      closed: () => stopListening(),
    };
  };
}

async function answer(remote: MemorySyncRemote, request: ClientRequest): Promise<ServerMessage> {
  const { requestId } = request;
  switch (request.type) {
    case 'pull': {
      const page = await remote.pull(request.collection, request.since, request.limit);
      return {
        type: 'pulled',
        requestId,
        collection: request.collection,
        ...page,
        documents: [...page.documents],
      };
    }
    case 'push': {
      const { written, conflicts } = await remote.push(request.collection, request.rows);
      return {
        type: 'pushed',
        requestId,
        collection: request.collection,
        written: [...written],
        conflicts: [...conflicts],
      };
    }
    case 'getKey':
      return { type: 'key', requestId, record: await remote.readKey() };
    case 'putKey':
      return {
        type: 'keyStored',
        requestId,
        ...(await remote.writeKey(request.assumedRevision, request.record)),
      };
  }
}

describe('SyncModel', { timeout: DERIVING_TIMEOUT }, () => {
  let server = new MemorySyncServer();
  const toClose: (() => Promise<void>)[] = [];
  let opened = 0;
  afterEach(async () => {
    for (const close of toClose.splice(0)) await close();
    server = new MemorySyncServer();
  });

  async function device(keyStore: UnlockedKeyStore = new MemoryUnlockedKeyStore()) {
    const store = await openRxdbLedgerStore({
      name: `sync-model-${++opened}`,
      storage: getRxStorageMemory(),
      multiInstance: false,
    });
    const seen: ClientMessage[] = [];
    const session = new SyncSession({
      transport: new LoopbackSyncTransport(serverPeer(server, seen)),
      accessToken: () => Promise.resolve('token'),
      timers,
      now: () => Date.now(),
      random: () => 0,
    });
    const model = new SyncModel({ session, replication: store.replication(), wrapping, keyStore });
    const statuses: SyncStatus[] = [];
    model.status.subscribe((status) => {
      if (JSON.stringify(status) !== JSON.stringify(statuses.at(-1))) statuses.push(status);
    });
    toClose.push(async () => {
      await model.disable();
      await store.close();
    });
    const putKeys = () => seen.filter((message) => message.type === 'putKey');
    return { store, session, model, keyStore, seen, statuses, putKeys };
  }

  const upToDate = (statuses: readonly SyncStatus[]) =>
    vi.waitFor(() => expect(statuses.at(-1)).toEqual({ kind: 'up_to_date' }), { timeout: 5_000 });

  it('first device: asks for a new passphrase, stores the wrapped key (P-KEY-2), then syncs', async () => {
    const first = await device();
    await first.model.enable();
    expect(first.statuses).toEqual([
      { kind: 'off' },
      { kind: 'connecting' },
      { kind: 'needs_passphrase', hasKey: false },
    ]);
    expect(await first.model.createPassphrase(PASSPHRASE)).toEqual({ ok: true });
    expect(first.putKeys()).toMatchObject([{ assumedRevision: 0, record: { revision: 1 } }]);
    const record = await new MemorySyncRemote(server).readKey();
    expect(record?.revision).toBe(1);
    expect(await first.keyStore.load('user-1')).not.toBeNull();
    expect(JSON.stringify(record)).not.toContain(PASSPHRASE);
    await upToDate(first.statuses);
    // The replication runs with the new key: what it pushes opens with the key kept on the device.
    await first.store.saveCategories([CATEGORY]);
    await vi.waitFor(() => expect(server.stored('categories')).toHaveLength(1));
    await upToDate(first.statuses);
    expect(first.statuses.slice(-2)).toEqual([
      { kind: 'syncing', documents: 1 },
      { kind: 'up_to_date' },
    ]);
    const cipher = await first.keyStore.load('user-1');
    const [envelope] = server.stored('categories');
    expect(await openEnvelope(cipher!, envelope!)).toMatchObject(CATEGORY);
  });

  it('another device: a wrong passphrase is refused, the right one unlocks and syncs', async () => {
    const created = await wrapping.create(PASSPHRASE);
    const firstDevice = new MemorySyncRemote(server);
    await firstDevice.writeKey(0, created.record);
    await firstDevice.push('categories', [
      await sealRow(created.cipher, 'categories', { ...CATEGORY, _deleted: false }, 0),
    ]);
    const second = await device();
    await second.model.enable();
    expect(second.statuses.at(-1)).toEqual({ kind: 'needs_passphrase', hasKey: true });
    expect(await second.model.unlock('not the passphrase at all')).toEqual({
      ok: false,
      code: 'wrong_passphrase',
    });
    expect(second.statuses.at(-1)).toEqual({ kind: 'needs_passphrase', hasKey: true });
    expect(await second.model.unlock(PASSPHRASE)).toEqual({ ok: true });
    await upToDate(second.statuses);
    await second.model.settled();
    expect(await second.store.listCategories()).toStrictEqual([CATEGORY]);
    expect(second.putKeys()).toEqual([]);
    expect((await second.keyStore.load('user-1'))?.keyId).toBe(created.record.keyId);
  });

  it('refuses passphrases under 12 characters, sending nothing', async () => {
    const first = await device();
    await first.model.enable();
    expect(await first.model.createPassphrase('too short')).toEqual({
      ok: false,
      code: 'too_short',
    });
    expect(await first.model.changePassphrase(PASSPHRASE, 'short')).toEqual({
      ok: false,
      code: 'too_short',
    });
    expect(first.putKeys()).toEqual([]);
    expect(first.statuses.at(-1)).toEqual({ kind: 'needs_passphrase', hasKey: false });
  });

  it('P-KEY-2: changing the passphrase rewraps the same key at revision 2', async () => {
    const first = await device();
    await first.model.enable();
    await first.model.createPassphrase(PASSPHRASE);
    expect(await first.model.changePassphrase('not the passphrase', NEW_PASSPHRASE)).toEqual({
      ok: false,
      code: 'wrong_passphrase',
    });
    expect(await first.model.changePassphrase(PASSPHRASE, NEW_PASSPHRASE)).toEqual({ ok: true });
    const record = await new MemorySyncRemote(server).readKey();
    if (record === null) throw new Error('no key on the server');
    expect(first.putKeys().map((message) => message.assumedRevision)).toEqual([0, 1]);
    expect(record.revision).toBe(2);
    expect(record.keyId).toBe((await first.keyStore.load('user-1'))?.keyId);
    expect(await wrapping.unlock(record, PASSPHRASE)).toEqual({
      ok: false,
      code: 'wrong_passphrase',
    });
    expect((await wrapping.unlock(record, NEW_PASSPHRASE)).ok).toBe(true);
  });

  it('skips the passphrase when this device kept the key; disable() forgets it', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const keyStore = new MemoryUnlockedKeyStore();
    await keyStore.save('user-1', WebCryptoDocumentCipher.fromStored({ keyId: 'kept', key }));
    const returning = await device(keyStore);
    await returning.model.enable();
    await upToDate(returning.statuses);
    expect(returning.statuses.map((status) => status.kind)).not.toContain('needs_passphrase');
    expect(returning.seen.map((message) => message.type)).not.toContain('getKey');
    await returning.model.disable();
    expect(await keyStore.load('user-1')).toBeNull();
    expect(returning.statuses.at(-1)).toEqual({ kind: 'off' });
    expect(returning.session.state.value).toEqual({ state: 'idle' });
  });
});
