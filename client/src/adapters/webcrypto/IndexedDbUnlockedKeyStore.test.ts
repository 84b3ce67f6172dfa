import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { runUnlockedKeyStoreContract } from '../../ports/sync-keys.contract.ts';
import type { DocumentCipher } from '../../ports/sync-keys.ts';
import { IndexedDbUnlockedKeyStore } from './IndexedDbUnlockedKeyStore.ts';
import { WebCryptoDocumentCipher } from './WebCryptoDocumentCipher.ts';

// Node 20's structuredClone (which fake-indexeddb uses) clones CryptoKey objects, as browsers'
// IndexedDB does, so these tests store real non-extractable keys, not stand-ins.

const ADDRESS = { collection: 'accounts', id: 'acc-1', deleted: false } as const;

function aesKey(extractable: boolean, usages: KeyUsage[] = ['encrypt', 'decrypt'], length = 256) {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length }, extractable, usages);
}

async function newCipher(): Promise<WebCryptoDocumentCipher> {
  return WebCryptoDocumentCipher.fromStored({
    keyId: crypto.randomUUID(),
    key: await aesKey(false),
  });
}

/** Writes an entry straight into the store's database, past the adapter's checks. */
async function writeRaw(indexedDb: IDBFactory, entry: object): Promise<void> {
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const opening = indexedDb.open('tirelire-keys');
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error ?? new Error('open failed'));
  });
  const transaction = database.transaction('unlocked-keys', 'readwrite');
  transaction.objectStore('unlocked-keys').put(entry);
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('write failed'));
  });
  database.close();
}

async function readRaw(indexedDb: IDBFactory, userId: string): Promise<unknown> {
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const opening = indexedDb.open('tirelire-keys');
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error ?? new Error('open failed'));
  });
  const read = database.transaction('unlocked-keys').objectStore('unlocked-keys').get(userId);
  const entry = await new Promise<unknown>((resolve, reject) => {
    read.onsuccess = () => resolve(read.result);
    read.onerror = () => reject(read.error ?? new Error('read failed'));
  });
  database.close();
  return entry;
}

runUnlockedKeyStoreContract('IndexedDB', () => {
  const indexedDb = new IDBFactory();
  const store = new IndexedDbUnlockedKeyStore(indexedDb);
  return {
    store,
    newCipher,
    writeUnreadableEntry: async (userId) => {
      await store.load(userId); // creates the database, so the raw write finds its store
      await writeRaw(indexedDb, { userId, keyId: 'k1', key: 'not a CryptoKey' });
    },
  };
});

describe('IndexedDbUnlockedKeyStore', () => {
  it('stores {userId, keyId, key} with the key as a non-extractable CryptoKey', async () => {
    const indexedDb = new IDBFactory();
    const cipher = await newCipher();
    await new IndexedDbUnlockedKeyStore(indexedDb).save('ana', cipher);
    const entry = (await readRaw(indexedDb, 'ana')) as Record<string, unknown>;
    expect(Object.keys(entry).sort()).toEqual(['key', 'keyId', 'userId']);
    expect(entry.keyId).toBe(cipher.keyId);
    expect(Object.prototype.toString.call(entry.key)).toBe('[object CryptoKey]');
    expect((entry.key as CryptoKey).extractable).toBe(false);
  });

  it('keeps the key across store instances (a new visit)', async () => {
    const indexedDb = new IDBFactory();
    const cipher = await newCipher();
    const sealed = await cipher.seal(ADDRESS, '{"name":"Livret A"}');
    const firstVisit = new IndexedDbUnlockedKeyStore(indexedDb);
    await firstVisit.save('ana', cipher);
    firstVisit.close();
    const nextVisit = new IndexedDbUnlockedKeyStore(indexedDb);
    const loaded = await nextVisit.load('ana');
    expect(await loaded?.open(ADDRESS, sealed)).toBe('{"name":"Livret A"}');
    nextVisit.close();
  });

  it('loads as null every entry that is not a usable data key for that user', async () => {
    const indexedDb = new IDBFactory();
    const store = new IndexedDbUnlockedKeyStore(indexedDb);
    await store.load('ana');
    const good = await aesKey(false);
    const fakeKey = { type: 'secret', extractable: false, algorithm: { name: 'AES-GCM' } };
    const unreadable: object[] = [
      { userId: 'ana', keyId: 42, key: good },
      { userId: 'ana', keyId: '', key: good },
      { userId: 'ana', keyId: 'k1' },
      { userId: 'ana', keyId: 'k1', key: fakeKey },
      { userId: 'ana', keyId: 'k1', key: await aesKey(true) },
      { userId: 'ana', keyId: 'k1', key: await aesKey(false, ['encrypt']) },
      { userId: 'ana', keyId: 'k1', key: await aesKey(false, undefined, 128) },
      {
        userId: 'ana',
        keyId: 'k1',
        key: await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
      },
    ];
    for (const entry of unreadable) {
      await writeRaw(indexedDb, entry);
      expect(await store.load('ana'), JSON.stringify(entry)).toBeNull();
    }
    store.close();
  });

  it('refuses to save a cipher whose key it cannot store', async () => {
    const foreign: DocumentCipher = {
      keyId: 'k1',
      seal: () => Promise.reject(new Error('unused')),
      open: () => Promise.reject(new Error('unused')),
    };
    const store = new IndexedDbUnlockedKeyStore(new IDBFactory());
    await expect(store.save('ana', foreign)).rejects.toBeInstanceOf(TypeError);
  });

  it('rejects when IndexedDB cannot open, and tries again next time', async () => {
    let attempts = 0;
    const broken = {
      open: () => {
        attempts += 1;
        throw new Error('SecurityError');
      },
    } as unknown as IDBFactory;
    const store = new IndexedDbUnlockedKeyStore(broken);
    await expect(store.load('ana')).rejects.toThrow('SecurityError');
    await expect(store.clear()).rejects.toThrow('SecurityError');
    expect(attempts).toBe(2);
  });
});
