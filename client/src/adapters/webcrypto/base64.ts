/**
 * Standard base64 (RFC 4648 §4, padding included), as envelopes and key records carry it.
 *
 * Written by hand rather than over `btoa`/`atob`: those take "binary strings", whose usual
 * construction (`String.fromCharCode(...bytes)`) overflows the call stack on large arrays; and
 * `atob` forgives whitespace and missing padding, which a protocol field must not.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Every 12-bit value → its two characters: half the lookups and concatenations per group. */
const PAIRS = Array.from(
  { length: 4096 },
  (_, value) => ALPHABET.charAt(value >> 6) + ALPHABET.charAt(value & 63),
);

/** Char code → 6-bit value, -1 for characters outside the alphabet. */
const SEXTET_OF = new Int16Array(256).fill(-1);
for (let index = 0; index < ALPHABET.length; index += 1) {
  SEXTET_OF[ALPHABET.charCodeAt(index)] = index;
}

export class Base64Error extends Error {
  override name = 'Base64Error';
}

export function encodeBase64(bytes: Uint8Array): string {
  let text = '';
  const whole = bytes.length - (bytes.length % 3);
  for (let index = 0; index < whole; index += 3) {
    const triple =
      (byteAt(bytes, index) << 16) | (byteAt(bytes, index + 1) << 8) | byteAt(bytes, index + 2);
    text += (PAIRS[triple >> 12] ?? '') + (PAIRS[triple & 4095] ?? '');
  }
  const left = bytes.length - whole;
  if (left === 1) text += sextets(byteAt(bytes, whole) << 16, 2) + '==';
  if (left === 2) {
    text += sextets((byteAt(bytes, whole) << 16) | (byteAt(bytes, whole + 1) << 8), 3) + '=';
  }
  return text;
}

/**
 * Strict: throws `Base64Error` on a length that is not a multiple of 4, a character outside the
 * alphabet, misplaced padding, or non-zero bits in the last character before the padding (so
 * each byte string has exactly one accepted encoding).
 */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  if (text.length % 4 !== 0) throw new Base64Error('base64 length must be a multiple of 4');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bodyLength = text.length - padding;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let bits = 0;
  let bitCount = 0;
  let written = 0;
  for (let index = 0; index < bodyLength; index += 1) {
    const sextet = SEXTET_OF[text.charCodeAt(index)] ?? -1;
    if (sextet < 0) throw new Base64Error(`not a base64 character at ${index}`);
    bits = (bits << 6) | sextet;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      bytes[written] = bits >> bitCount;
      written += 1;
      // Keep only the bits not yet written, so `bits` never grows past 14 bits.
      bits &= (1 << bitCount) - 1;
    }
  }
  if (bits !== 0) throw new Base64Error('base64 has non-zero padding bits');
  return bytes;
}

function byteAt(bytes: Uint8Array, index: number): number {
  return bytes[index] ?? 0;
}

/** The first `count` characters of the four that encode a 24-bit group. */
function sextets(group: number, count: 2 | 3 | 4): string {
  let text = '';
  for (let shift = 18; shift > 18 - 6 * count; shift -= 6) {
    text += ALPHABET.charAt((group >> shift) & 63);
  }
  return text;
}
