import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { Base64Error, decodeBase64, encodeBase64 } from './base64.ts';

/** Deterministic bytes, so a failure can be replayed. */
function patternedBytes(length: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    bytes[index] = state >> 16;
  }
  return bytes;
}

describe('base64', () => {
  it('encodes the RFC 4648 test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      const bytes = new TextEncoder().encode(plain);
      expect(encodeBase64(bytes)).toBe(encoded);
      expect(decodeBase64(encoded)).toEqual(bytes);
    }
  });

  it('agrees with Node’s Buffer for every length up to 300, all byte values included', () => {
    for (let length = 0; length <= 300; length += 1) {
      const bytes = patternedBytes(length, length + 1);
      const expected = Buffer.from(bytes).toString('base64');
      expect(encodeBase64(bytes)).toBe(expected);
      expect(decodeBase64(expected)).toEqual(bytes);
    }
    const everyByte = Uint8Array.from({ length: 256 }, (_, index) => index);
    expect(encodeBase64(everyByte)).toBe(Buffer.from(everyByte).toString('base64'));
  });

  it('handles inputs far larger than the call stack allows for spread arguments', () => {
    // Spreading a few hundred thousand arguments overflows Node 20's stack; 1 MiB is past that.
    const bytes = patternedBytes(1024 * 1024 + 1);
    const encoded = encodeBase64(bytes);
    expect(encoded === Buffer.from(bytes).toString('base64')).toBe(true);
    // Buffer#equals rather than toEqual: a deep diff of a million elements is what would be slow.
    expect(Buffer.from(decodeBase64(encoded)).equals(bytes)).toBe(true);
  });

  it('returns a Uint8Array over its own ArrayBuffer, usable as a WebCrypto BufferSource', () => {
    const decoded = decodeBase64('AAECAw==');
    expect(decoded).toBeInstanceOf(Uint8Array);
    expect(decoded.byteOffset).toBe(0);
    expect(decoded.buffer.byteLength).toBe(4);
  });

  it('rejects anything that is not strict, canonical base64', () => {
    const malformed = [
      'Zg', // missing padding
      'Zg=', // length not a multiple of 4
      'Zm9v\n', // whitespace
      'Zm 9', // whitespace inside
      'Zm9-', // base64url alphabet
      'Zm9_', // base64url alphabet
      'Z===', // too much padding
      '====',
      'Zg==Zg==', // padding in the middle
      'Z=g=',
      'Zh==', // non-zero bits after the last byte: a second spelling of 'f'
      'Zm9=', // likewise for 'fo'
      'Zm9vé===',
      'ZmＥv', // a full-width letter
    ];
    for (const text of malformed) {
      expect(() => decodeBase64(text), text).toThrow(Base64Error);
    }
  });
});
