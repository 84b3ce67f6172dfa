import { keyRecordSchema, MIN_PBKDF2_ITERATIONS, type KeyRecord } from '@tirelire/shared/protocol';
import type { DataKeyWrapping } from '../../ports/sync-keys.ts';
import { decodeBase64, encodeBase64 } from './base64.ts';
import {
  cryptoRandomBytes,
  GCM_IV_BYTES,
  WebCryptoDocumentCipher,
  type RandomBytes,
} from './WebCryptoDocumentCipher.ts';

type CreateResult = Awaited<ReturnType<DataKeyWrapping['create']>>;
type UnlockResult = Awaited<ReturnType<DataKeyWrapping['unlock']>>;
type RewrapResult = Awaited<ReturnType<DataKeyWrapping['rewrap']>>;

const KDF_NAME = 'PBKDF2-SHA256';
/**
 * OWASP's Password Storage Cheat Sheet (2023) asks for 600,000 iterations of PBKDF2-HMAC-SHA256;
 * new records use exactly that floor (each unlock costs the user that much waiting).
 */
const NEW_RECORD_ITERATIONS = MIN_PBKDF2_ITERATIONS;
/** SPEC P-KEY-1: a random 16-byte salt (NIST SP 800-132 asks for at least 128 bits). */
const SALT_BYTES = 16;
const KEY_ID_BYTES = 16;
/** A 256-bit raw key and GCM's 128-bit tag. */
const WRAPPED_KEY_BYTES = 32 + 16;
const DATA_KEY_USAGES: KeyUsage[] = ['encrypt', 'decrypt'];

/** A record that passed the schema, with its binary fields decoded and their sizes checked. */
interface ReadableRecord {
  readonly keyId: string;
  readonly iterations: number;
  readonly salt: Uint8Array<ArrayBuffer>;
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly wrappedKey: Uint8Array<ArrayBuffer>;
  readonly revision: number;
}

type WrappingParameters = Pick<ReadableRecord, 'keyId' | 'iterations' | 'salt'>;

const utf8 = new TextEncoder();

/**
 * The data key, wrapped for the server and unwrapped on devices (SPEC P-KEY-1, P-KEY-2), with
 * WebCrypto alone. The data key's bytes never reach JavaScript: it is made, wrapped and
 * unwrapped inside SubtleCrypto, and every cipher handed out holds it non-extractable.
 */
export class WebCryptoDataKeyWrapping implements DataKeyWrapping {
  constructor(
    private readonly subtle: SubtleCrypto = globalThis.crypto.subtle,
    private readonly randomBytes: RandomBytes = cryptoRandomBytes,
  ) {}

  async create(passphrase: string): Promise<CreateResult> {
    const parameters: WrappingParameters = {
      keyId: toHex(this.randomBytes(KEY_ID_BYTES)),
      iterations: NEW_RECORD_ITERATIONS,
      salt: this.randomBytes(SALT_BYTES),
    };
    const keyEncryptionKey = await this.deriveKeyEncryptionKey(passphrase, parameters);
    // Extractable only so that it can be wrapped; the cipher gets a non-extractable copy below
    // and this handle is dropped when create returns.
    const dataKey = await this.subtle.generateKey(
      { name: 'AES-GCM', length: 256 },
      true,
      DATA_KEY_USAGES,
    );
    const record = await this.wrap(keyEncryptionKey, dataKey, parameters, 1);
    // Unwrapping what was just wrapped also proves the record opens before anyone relies on it.
    const readable = readRecord(record);
    const key = readable && (await this.unwrap(keyEncryptionKey, readable, false));
    if (!key) throw new Error('A freshly wrapped data key did not unwrap');
    return { cipher: this.cipherFor(parameters.keyId, key), record };
  }

  async unlock(record: KeyRecord, passphrase: string): Promise<UnlockResult> {
    const readable = readRecord(record);
    // Checked before deriving: a record that would lower the work factor is never tried.
    if (!readable) return { ok: false, code: 'unsupported_record' };
    const keyEncryptionKey = await this.deriveKeyEncryptionKey(passphrase, readable);
    const key = await this.unwrap(keyEncryptionKey, readable, false);
    if (!key) return { ok: false, code: 'wrong_passphrase' };
    return { ok: true, cipher: this.cipherFor(readable.keyId, key) };
  }

  async rewrap(
    record: KeyRecord,
    currentPassphrase: string,
    newPassphrase: string,
  ): Promise<RewrapResult> {
    const readable = readRecord(record);
    if (!readable) return { ok: false, code: 'unsupported_record' };
    const currentKeyEncryptionKey = await this.deriveKeyEncryptionKey(currentPassphrase, readable);
    // The one place the data key is extractable after creation: wrapKey needs it, and the handle
    // goes out of scope when rewrap returns.
    const dataKey = await this.unwrap(currentKeyEncryptionKey, readable, true);
    if (!dataKey) return { ok: false, code: 'wrong_passphrase' };
    const parameters: WrappingParameters = {
      keyId: readable.keyId,
      // Never lowers a work factor someone chose to raise.
      iterations: Math.max(readable.iterations, NEW_RECORD_ITERATIONS),
      salt: this.randomBytes(SALT_BYTES),
    };
    const newKeyEncryptionKey = await this.deriveKeyEncryptionKey(newPassphrase, parameters);
    const rewrapped = await this.wrap(
      newKeyEncryptionKey,
      dataKey,
      parameters,
      readable.revision + 1,
    );
    return { ok: true, record: rewrapped };
  }

  /**
   * PBKDF2-HMAC-SHA256 → a non-extractable AES-256-GCM key that can only wrap and unwrap. The
   * passphrase is NFC-normalized: the same words typed on two systems can arrive composed or
   * decomposed ("é" or "e" + U+0301) and must unlock alike.
   */
  private async deriveKeyEncryptionKey(
    passphrase: string,
    { iterations, salt }: WrappingParameters,
  ): Promise<CryptoKey> {
    const material = await this.subtle.importKey(
      'raw',
      utf8.encode(passphrase.normalize('NFC')),
      'PBKDF2',
      false,
      ['deriveKey'],
    );
    return this.subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
      material,
      { name: 'AES-GCM', length: 256 },
      false,
      ['wrapKey', 'unwrapKey'],
    );
  }

  private async wrap(
    keyEncryptionKey: CryptoKey,
    dataKey: CryptoKey,
    parameters: WrappingParameters,
    revision: number,
  ): Promise<KeyRecord> {
    const iv = this.randomBytes(GCM_IV_BYTES);
    const wrappedKey = await this.subtle.wrapKey('raw', dataKey, keyEncryptionKey, {
      name: 'AES-GCM',
      iv,
      additionalData: wrappingAdditionalData(parameters),
    });
    return {
      keyId: parameters.keyId,
      kdf: {
        name: KDF_NAME,
        iterations: parameters.iterations,
        salt: encodeBase64(parameters.salt),
      },
      iv: encodeBase64(iv),
      wrappedKey: encodeBase64(new Uint8Array(wrappedKey)),
      revision,
    };
  }

  /** Null when GCM refuses: a wrong passphrase and a tampered record look the same. */
  private async unwrap(
    keyEncryptionKey: CryptoKey,
    record: ReadableRecord,
    extractable: boolean,
  ): Promise<CryptoKey | null> {
    try {
      return await this.subtle.unwrapKey(
        'raw',
        record.wrappedKey,
        keyEncryptionKey,
        { name: 'AES-GCM', iv: record.iv, additionalData: wrappingAdditionalData(record) },
        { name: 'AES-GCM', length: 256 },
        extractable,
        DATA_KEY_USAGES,
      );
    } catch {
      return null;
    }
  }

  private cipherFor(keyId: string, key: CryptoKey): WebCryptoDocumentCipher {
    return WebCryptoDocumentCipher.fromStored({ keyId, key }, this.subtle, this.randomBytes);
  }
}

/**
 * Binds the wrapped key to its name and KDF parameters: a record whose keyId, iteration count or
 * salt was swapped does not unwrap. The revision is left out on purpose: it is the server's
 * compare-and-set counter, not part of the key.
 */
function wrappingAdditionalData({
  keyId,
  iterations,
  salt,
}: WrappingParameters): Uint8Array<ArrayBuffer> {
  return utf8.encode(
    `tirelire/key/v1\0${keyId}\0${KDF_NAME}\0${iterations}\0${encodeBase64(salt)}`,
  );
}

/** Null for anything this client will not try to unwrap (`unsupported_record`). */
function readRecord(record: unknown): ReadableRecord | null {
  const parsed = keyRecordSchema.safeParse(record);
  if (!parsed.success) return null;
  const { keyId, kdf, iv, wrappedKey, revision } = parsed.data;
  try {
    const readable: ReadableRecord = {
      keyId,
      iterations: kdf.iterations,
      salt: decodeBase64(kdf.salt),
      iv: decodeBase64(iv),
      wrappedKey: decodeBase64(wrappedKey),
      revision,
    };
    const sizesHold =
      readable.salt.length >= SALT_BYTES &&
      readable.iv.length === GCM_IV_BYTES &&
      readable.wrappedKey.length === WRAPPED_KEY_BYTES;
    return sizesHold ? readable : null;
  } catch {
    return null;
  }
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
