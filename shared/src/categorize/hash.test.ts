import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FNV1A_OFFSET_BASIS, fnv1a, fnv1aStep } from './hash.ts';

describe('fnv1a', () => {
  // Published FNV-1a 32-bit test vectors: for text below U+0100 a UTF-16 code unit is the byte.
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('%j → %i (the reference value)', (text, expected) => {
    expect(fnv1a(text)).toBe(expected);
  });

  it('hashes whole UTF-16 code units, not UTF-8 bytes', () => {
    expect(fnv1a('€')).toBe(Math.imul(FNV1A_OFFSET_BASIS ^ 0x20ac, 0x01000193) >>> 0);
    expect(fnv1a('€')).not.toBe(fnv1a('\u00e2\u0082\u00ac')); // its UTF-8 bytes
    expect(fnv1a('😀')).toBe(fnv1a('\ud83d\ude00'));
  });

  it('is unsigned 32-bit and resumable through its seed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        const hash = fnv1a(a + b);
        expect(Number.isInteger(hash) && hash >= 0 && hash < 2 ** 32).toBe(true);
        expect(fnv1a(b, fnv1a(a))).toBe(hash);
        let stepped = FNV1A_OFFSET_BASIS;
        for (let i = 0; i < a.length; i += 1) stepped = fnv1aStep(stepped, a.charCodeAt(i));
        expect(stepped).toBe(fnv1a(a));
      }),
    );
  });
});
