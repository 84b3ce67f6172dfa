import type { DocumentCipher, UnlockedKeyStore } from '../../ports/sync-keys.ts';

/**
 * Unlocked keys for this page's lifetime only (tests, and browsers that refuse IndexedDB, where
 * the passphrase is then asked at each visit). The ciphers themselves are kept: nothing here
 * needs to be serialized, so nothing about the key is exposed.
 */
export class MemoryUnlockedKeyStore implements UnlockedKeyStore {
  private readonly ciphers = new Map<string, DocumentCipher>();

  load(userId: string): Promise<DocumentCipher | null> {
    return Promise.resolve(this.ciphers.get(userId) ?? null);
  }

  save(userId: string, cipher: DocumentCipher): Promise<void> {
    this.ciphers.set(userId, cipher);
    return Promise.resolve();
  }

  clear(): Promise<void> {
    this.ciphers.clear();
    return Promise.resolve();
  }
}
