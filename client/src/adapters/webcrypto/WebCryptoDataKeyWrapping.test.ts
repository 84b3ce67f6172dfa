import type { KeyRecord } from '@tirelire/shared/protocol';
import { describe, expect, it } from 'vitest';
import { runDataKeyWrappingContract, unsupportedVariants } from '../../ports/sync-keys.contract.ts';
import type { DocumentCipher } from '../../ports/sync-keys.ts';
import { encodeBase64 } from './base64.ts';
import { WebCryptoDataKeyWrapping } from './WebCryptoDataKeyWrapping.ts';
import { WebCryptoDocumentCipher, type RandomBytes } from './WebCryptoDocumentCipher.ts';

runDataKeyWrappingContract('WebCrypto', () => new WebCryptoDataKeyWrapping());

/** PBKDF2 at 600,000 iterations: about half a second per derivation. */
const DERIVING_TIMEOUT = 30_000;

/** The real SubtleCrypto, with every call's name written down. */
function recordingSubtle(): { subtle: SubtleCrypto; calls: string[] } {
  const calls: string[] = [];
  const subtle = new Proxy(crypto.subtle, {
    get(target, property) {
      const member: unknown = Reflect.get(target, property, target);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]): unknown => {
        calls.push(String(property));
        return Reflect.apply(member, target, args) as unknown;
      };
    },
  });
  return { subtle, calls };
}

/** Well-formed and within policy, but never made by create: enough to reach the size checks. */
const WELL_FORMED: KeyRecord = {
  keyId: '00112233445566778899aabbccddeeff',
  kdf: { name: 'PBKDF2-SHA256', iterations: 600_000, salt: encodeBase64(new Uint8Array(16)) },
  iv: encodeBase64(new Uint8Array(12)),
  wrappedKey: encodeBase64(new Uint8Array(48)),
  revision: 1,
};

function storedKeyOf(cipher: DocumentCipher): CryptoKey {
  if (!(cipher instanceof WebCryptoDocumentCipher)) throw new Error('not a WebCrypto cipher');
  return cipher.toStorable().key;
}

describe('WebCryptoDataKeyWrapping', () => {
  it('refuses unsupported records before deriving or decrypting anything', async () => {
    const { subtle, calls } = recordingSubtle();
    const wrapping = new WebCryptoDataKeyWrapping(subtle);
    const refused: unknown[] = [
      ...unsupportedVariants(WELL_FORMED),
      { ...WELL_FORMED, kdf: { ...WELL_FORMED.kdf, salt: encodeBase64(new Uint8Array(12)) } },
      { ...WELL_FORMED, kdf: { ...WELL_FORMED.kdf, salt: 'not base64!!' } },
      { ...WELL_FORMED, iv: 'AAAAAAAAAAAAAA==' }, // 10 bytes
      { ...WELL_FORMED, iv: 'AAAAAAAAAAAAAAA!' },
      { ...WELL_FORMED, wrappedKey: encodeBase64(new Uint8Array(32)) },
      { ...WELL_FORMED, revision: -1 },
      { keyId: WELL_FORMED.keyId },
      null,
    ];
    for (const record of refused) {
      const asRecord = record as KeyRecord;
      expect(await wrapping.unlock(asRecord, 'pass')).toEqual({
        ok: false,
        code: 'unsupported_record',
      });
      expect(await wrapping.rewrap(asRecord, 'pass', 'new pass')).toEqual({
        ok: false,
        code: 'unsupported_record',
      });
    }
    expect(calls).toEqual([]);
  });

  it(
    'hands out non-extractable keys, takes its randomness from the injected source, and ' +
      'refuses a record whose keyId was swapped',
    async () => {
      const requested: number[] = [];
      const recordingRandom: RandomBytes = (length) => {
        requested.push(length);
        return crypto.getRandomValues(new Uint8Array(length));
      };
      const wrapping = new WebCryptoDataKeyWrapping(crypto.subtle, recordingRandom);
      // Composed "é" (U+00E9) here, decomposed ("e" + U+0301) below.
      const { cipher, record } = await wrapping.create('caf\u00e9 au lait');
      expect(requested).toEqual([16, 16, 12]); // keyId, salt, wrapping IV
      expect(record.keyId).toMatch(/^[0-9a-f]{32}$/);
      expect(storedKeyOf(cipher).extractable).toBe(false);
      await expect(crypto.subtle.exportKey('raw', storedKeyOf(cipher))).rejects.toThrow();

      const unlocked = await wrapping.unlock(record, 'cafe\u0301 au lait');
      if (!unlocked.ok) throw new Error(`unlock failed: ${unlocked.code}`);
      expect(storedKeyOf(unlocked.cipher).extractable).toBe(false);

      // The keyId is bound into the wrapping's additional data: renaming the key breaks it.
      const renamed = { ...record, keyId: 'ffeeddccbbaa99887766554433221100' };
      expect(await wrapping.unlock(renamed, 'caf\u00e9 au lait')).toEqual({
        ok: false,
        code: 'wrong_passphrase',
      });
    },
    DERIVING_TIMEOUT,
  );
});
