import {
  DocumentCipherError,
  type DocumentAddress,
  type DocumentCipher,
  type SealedDocument,
} from '../../ports/sync-keys.ts';
import { decodeBase64, encodeBase64 } from './base64.ts';

/** Fills a new array of `length` cryptographically random bytes. */
export type RandomBytes = (length: number) => Uint8Array<ArrayBuffer>;

/** The platform's CSPRNG, read when called (never at import), so tests can inject their own. */
export const cryptoRandomBytes: RandomBytes = (length) =>
  globalThis.crypto.getRandomValues(new Uint8Array(length));

/** What a key store keeps: the key as an opaque, non-extractable handle, and its name. */
export interface StorableDataKey {
  readonly keyId: string;
  readonly key: CryptoKey;
}

/** NIST SP 800-38D §8.2 recommends 96-bit IVs: used as is, no GHASH of the IV. */
export const GCM_IV_BYTES = 12;
/** The full 128-bit tag (SP 800-38D §5.2.1.2): shorter tags trade away forgery resistance. */
const GCM_TAG_BITS = 128;
const DATA_KEY_BITS = 256;

const utf8 = new TextEncoder();

/**
 * AES-256-GCM under the user's data key (SPEC P-CRYPTO-1). The key is a non-extractable
 * CryptoKey: this class can use it and hand it to a key store, but nobody can read its bytes.
 */
export class WebCryptoDocumentCipher implements DocumentCipher {
  private constructor(
    readonly keyId: string,
    private readonly key: CryptoKey,
    private readonly subtle: SubtleCrypto,
    private readonly randomBytes: RandomBytes,
  ) {}

  /**
   * A cipher over a key that was unwrapped or stored before. Throws `TypeError` unless the key is
   * a non-extractable AES-256-GCM secret key that may encrypt and decrypt: what a store hands
   * back is checked here rather than trusted.
   */
  static fromStored(
    stored: StorableDataKey,
    subtle: SubtleCrypto = globalThis.crypto.subtle,
    randomBytes: RandomBytes = cryptoRandomBytes,
  ): WebCryptoDocumentCipher {
    if (typeof stored.keyId !== 'string' || stored.keyId.length === 0) {
      throw new TypeError('A stored data key needs a keyId');
    }
    if (!isUsableDataKey(stored.key)) {
      throw new TypeError('Not a non-extractable AES-256-GCM data key');
    }
    return new WebCryptoDocumentCipher(stored.keyId, stored.key, subtle, randomBytes);
  }

  /** The handle and its name, for a key store; the key's bytes stay inside WebCrypto. */
  toStorable(): StorableDataKey {
    return { keyId: this.keyId, key: this.key };
  }

  async seal(address: DocumentAddress, plaintext: string): Promise<SealedDocument> {
    const iv = this.randomBytes(GCM_IV_BYTES);
    if (iv.length !== GCM_IV_BYTES) throw new Error('The random source gave a wrong-sized IV');
    const ciphertext = await this.subtle.encrypt(
      gcmParameters(iv, address),
      this.key,
      utf8.encode(plaintext),
    );
    return { ciphertext: encodeBase64(new Uint8Array(ciphertext)), iv: encodeBase64(iv) };
  }

  async open(address: DocumentAddress, sealed: SealedDocument): Promise<string> {
    let iv: Uint8Array<ArrayBuffer>;
    let ciphertext: Uint8Array<ArrayBuffer>;
    try {
      iv = decodeBase64(sealed.iv);
      ciphertext = decodeBase64(sealed.ciphertext);
    } catch (cause) {
      throw new DocumentCipherError('The sealed document is not base64', { cause });
    }
    if (iv.length !== GCM_IV_BYTES) throw new DocumentCipherError('The IV is not 96 bits');
    if (ciphertext.length < GCM_TAG_BITS / 8) {
      throw new DocumentCipherError('The ciphertext is shorter than its tag');
    }
    let plaintext: ArrayBuffer;
    try {
      plaintext = await this.subtle.decrypt(gcmParameters(iv, address), this.key, ciphertext);
    } catch (cause) {
      // GCM does not say why: altered bytes, another address or another key look the same.
      throw new DocumentCipherError('The document does not authenticate', { cause });
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(plaintext);
    } catch (cause) {
      throw new DocumentCipherError('The document is not UTF-8', { cause });
    }
  }
}

/**
 * P-CRYPTO-1's additional data, byte for byte: binding the address means the server cannot
 * move a ciphertext to another document or collection, or flip its deletion flag, unseen.
 */
export function documentAdditionalData(address: DocumentAddress): Uint8Array<ArrayBuffer> {
  const deleted = address.deleted ? 1 : 0;
  return utf8.encode(`tirelire/v1\0${address.collection}\0${address.id}\0${deleted}`);
}

function gcmParameters(iv: Uint8Array<ArrayBuffer>, address: DocumentAddress): AesGcmParams {
  return {
    name: 'AES-GCM',
    iv,
    additionalData: documentAdditionalData(address),
    tagLength: GCM_TAG_BITS,
  };
}

/**
 * Checked by shape and tag rather than `instanceof CryptoKey`, which fails for keys from
 * another realm (a worker, a test's IndexedDB clone).
 */
function isUsableDataKey(value: unknown): value is CryptoKey {
  if (Object.prototype.toString.call(value) !== '[object CryptoKey]') return false;
  const key = value as CryptoKey;
  const algorithm = key.algorithm as Partial<AesKeyAlgorithm>;
  return (
    key.type === 'secret' &&
    !key.extractable &&
    algorithm.name === 'AES-GCM' &&
    algorithm.length === DATA_KEY_BITS &&
    key.usages.includes('encrypt') &&
    key.usages.includes('decrypt')
  );
}
