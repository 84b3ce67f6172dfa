import { describe, expect, it } from 'vitest';
import { DocumentCipherError, type DocumentAddress } from '../../ports/sync-keys.ts';
import { decodeBase64, encodeBase64 } from './base64.ts';
import { WebCryptoDocumentCipher, type RandomBytes } from './WebCryptoDocumentCipher.ts';

// The DataKeyWrapping contract (WebCryptoDataKeyWrapping.test.ts) runs the full cipher clauses
// on ciphers this class makes; here: what only this class promises, checked from the outside.

const ADDRESS: DocumentAddress = { collection: 'operations', id: 'op-7', deleted: true };

function aesKey(extractable: boolean, usages: KeyUsage[] = ['encrypt', 'decrypt'], length = 256) {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length }, extractable, usages);
}

async function newCipher(randomBytes?: RandomBytes) {
  const key = await aesKey(false);
  return {
    key,
    cipher: WebCryptoDocumentCipher.fromStored({ keyId: 'k1', key }, undefined, randomBytes),
  };
}

describe('WebCryptoDocumentCipher', () => {
  it('is AES-256-GCM with exactly P-CRYPTO-1’s additional data and a 128-bit tag', async () => {
    const { key, cipher } = await newCipher();
    const sealed = await cipher.seal(ADDRESS, '{"amountCents":-1250}');
    const ciphertext = decodeBase64(sealed.ciphertext);
    expect(ciphertext.length).toBe('{"amountCents":-1250}'.length + 16);
    const plaintext = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: decodeBase64(sealed.iv),
        additionalData: new TextEncoder().encode('tirelire/v1\u0000operations\u0000op-7\u00001'),
        tagLength: 128,
      },
      key,
      ciphertext,
    );
    expect(new TextDecoder().decode(plaintext)).toBe('{"amountCents":-1250}');
  });

  it('takes each 96-bit IV from the injected random source', async () => {
    const requested: number[] = [];
    const counting: RandomBytes = (length) => {
      requested.push(length);
      return Uint8Array.from({ length }, (_, index) => index + requested.length);
    };
    const { cipher } = await newCipher(counting);
    const first = await cipher.seal(ADDRESS, 'a');
    const second = await cipher.seal(ADDRESS, 'a');
    expect(requested).toEqual([12, 12]);
    expect(first.iv).toBe(encodeBase64(Uint8Array.from({ length: 12 }, (_, index) => index + 1)));
    expect(first.iv).toHaveLength(16);
    expect(second.iv).not.toBe(first.iv);
  });

  it('refuses to seal with an IV of the wrong size rather than weaken GCM', async () => {
    const { cipher } = await newCipher((length) => new Uint8Array(length - 4));
    await expect(cipher.seal(ADDRESS, 'a')).rejects.toThrow('wrong-sized IV');
  });

  it('refuses IVs that are not 96 bits, and authenticated bytes that are not UTF-8', async () => {
    const { key, cipher } = await newCipher();
    const sealed = await cipher.seal(ADDRESS, 'text');
    const longIv = encodeBase64(new Uint8Array(16));
    await expect(cipher.open(ADDRESS, { ...sealed, iv: longIv })).rejects.toBeInstanceOf(
      DocumentCipherError,
    );
    // Properly sealed but not UTF-8: open must throw, not return U+FFFD replacement characters.
    const iv = new Uint8Array(12);
    const notUtf8 = await crypto.subtle.encrypt(
      {
        name: 'AES-GCM',
        iv,
        additionalData: new TextEncoder().encode('tirelire/v1\u0000operations\u0000op-7\u00001'),
      },
      key,
      new Uint8Array([0x7b, 0xff, 0x7d]),
    );
    const forged = { iv: encodeBase64(iv), ciphertext: encodeBase64(new Uint8Array(notUtf8)) };
    await expect(cipher.open(ADDRESS, forged)).rejects.toBeInstanceOf(DocumentCipherError);
  });

  it('hands a key store the non-extractable key and its id, never the key’s bytes', async () => {
    const { key, cipher } = await newCipher();
    const stored = cipher.toStorable();
    expect(stored).toEqual({ keyId: 'k1', key });
    expect(stored.key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', stored.key)).rejects.toThrow();
  });

  it('takes from a store only non-extractable AES-256-GCM encrypt+decrypt keys', async () => {
    const hmac = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    const refused: { keyId: string; key: unknown }[] = [
      { keyId: 'k1', key: await aesKey(true) },
      { keyId: 'k1', key: await aesKey(false, ['encrypt']) },
      { keyId: 'k1', key: await aesKey(false, undefined, 128) },
      { keyId: 'k1', key: hmac },
      { keyId: 'k1', key: { type: 'secret', extractable: false, algorithm: { name: 'AES-GCM' } } },
      { keyId: '', key: await aesKey(false) },
    ];
    for (const stored of refused) {
      expect(() =>
        WebCryptoDocumentCipher.fromStored(stored as { keyId: string; key: CryptoKey }),
      ).toThrow(TypeError);
    }
  });

  it('uses the injected SubtleCrypto', async () => {
    const calls: string[] = [];
    const real = crypto.subtle;
    const subtle = {
      encrypt: (...args: Parameters<SubtleCrypto['encrypt']>) => {
        calls.push('encrypt');
        return real.encrypt(...args);
      },
      decrypt: (...args: Parameters<SubtleCrypto['decrypt']>) => {
        calls.push('decrypt');
        return real.decrypt(...args);
      },
    } as SubtleCrypto;
    const cipher = WebCryptoDocumentCipher.fromStored(
      { keyId: 'k1', key: await aesKey(false) },
      subtle,
    );
    expect(await cipher.open(ADDRESS, await cipher.seal(ADDRESS, 'x'))).toBe('x');
    expect(calls).toEqual(['encrypt', 'decrypt']);
  });
});
