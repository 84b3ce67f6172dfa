import type { DocumentCipher, UnlockedKeyStore } from '../../ports/sync-keys.ts';
import {
  cryptoRandomBytes,
  WebCryptoDocumentCipher,
  type RandomBytes,
} from './WebCryptoDocumentCipher.ts';

const DATABASE = 'tirelire-keys';
const STORE = 'unlocked-keys';

/** One entry per user. `key` is the CryptoKey itself: IndexedDB structured-clones it. */
interface UnlockedKeyEntry {
  readonly userId: string;
  readonly keyId: string;
  readonly key: CryptoKey;
}

/**
 * Unlocked data keys in a small IndexedDB database of their own, so the passphrase is asked
 * once per device. The stored key is non-extractable: the browser keeps its bytes, and script
 * (this app's, or an injected one) can use it but never read or send it anywhere.
 * A database that cannot be opened rejects (storage is unavailable, not empty).
 */
export class IndexedDbUnlockedKeyStore implements UnlockedKeyStore {
  private database: Promise<IDBDatabase> | null = null;

  constructor(
    private readonly factory: IDBFactory = indexedDB,
    private readonly subtle: SubtleCrypto = globalThis.crypto.subtle,
    private readonly randomBytes: RandomBytes = cryptoRandomBytes,
  ) {}

  async load(userId: string): Promise<DocumentCipher | null> {
    const database = await this.open();
    const entry = await request(
      database.transaction(STORE, 'readonly').objectStore(STORE).get(userId),
    );
    return this.cipherFrom(entry, userId);
  }

  /** Only WebCrypto ciphers can be kept: their key is a CryptoKey the database can clone. */
  async save(userId: string, cipher: DocumentCipher): Promise<void> {
    if (!(cipher instanceof WebCryptoDocumentCipher)) {
      throw new TypeError('IndexedDbUnlockedKeyStore keeps WebCryptoDocumentCipher keys only');
    }
    const { keyId, key } = cipher.toStorable();
    const entry: UnlockedKeyEntry = { userId, keyId, key };
    await this.write((store) => store.put(entry));
  }

  async clear(): Promise<void> {
    await this.write((store) => store.clear());
  }

  close(): void {
    void this.database?.then((database) => database.close());
    this.database = null;
  }

  /** Null for anything that is not a usable entry for this user: the user unlocks again. */
  private cipherFrom(entry: unknown, userId: string): DocumentCipher | null {
    if (typeof entry !== 'object' || entry === null) return null;
    const fields = entry as Partial<Record<keyof UnlockedKeyEntry, unknown>>;
    if (fields.userId !== userId || typeof fields.keyId !== 'string') return null;
    try {
      // fromStored checks that `key` really is a non-extractable AES-256-GCM CryptoKey.
      const stored = { keyId: fields.keyId, key: fields.key as CryptoKey };
      return WebCryptoDocumentCipher.fromStored(stored, this.subtle, this.randomBytes);
    } catch {
      return null;
    }
  }

  private async write(change: (store: IDBObjectStore) => void): Promise<void> {
    const database = await this.open();
    const transaction = database.transaction(STORE, 'readwrite');
    change(transaction.objectStore(STORE));
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
    });
  }

  private open(): Promise<IDBDatabase> {
    this.database ??= new Promise((resolve, reject) => {
      const opening = this.factory.open(DATABASE, 1);
      opening.onupgradeneeded = () =>
        opening.result.createObjectStore(STORE, {
          keyPath: 'userId' satisfies keyof UnlockedKeyEntry,
        });
      opening.onsuccess = () => {
        const database = opening.result;
        // Let a newer version of the app (another tab) upgrade the schema instead of blocking it.
        database.onversionchange = () => {
          database.close();
          this.database = null;
        };
        resolve(database);
      };
      opening.onerror = () => reject(opening.error ?? new Error('IndexedDB open failed'));
    });
    // A failed open is retried next time rather than remembered.
    this.database.catch(() => (this.database = null));
    return this.database;
  }
}

function request(pending: IDBRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    pending.onsuccess = () => resolve(pending.result);
    pending.onerror = () => reject(pending.error ?? new Error('IndexedDB read failed'));
  });
}
