import { runUnlockedKeyStoreContract } from '../../ports/sync-keys.contract.ts';
import { WebCryptoDocumentCipher } from '../webcrypto/WebCryptoDocumentCipher.ts';
import { MemoryUnlockedKeyStore } from './MemoryUnlockedKeyStore.ts';

/** A cipher over a fresh random key: the store does not care how the key was unlocked. */
async function newCipher(): Promise<WebCryptoDocumentCipher> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  return WebCryptoDocumentCipher.fromStored({ keyId: crypto.randomUUID(), key });
}

// Memory holds live objects only, so there is no unreadable entry to test: that clause skips.
runUnlockedKeyStoreContract('memory', () => ({ store: new MemoryUnlockedKeyStore(), newCipher }));
