// TextDecoder comes from the WHATWG Encoding standard, present in every runtime we target
// (browsers, workers, Node), but shared/ compiles against the plain ES lib: declare what we use.
declare class TextDecoder {
  constructor(label: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input: Uint8Array): string;
}

/** The encodings bank files come in, as far as we read them. */
export type StatementEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedStatement {
  readonly text: string;
  readonly encoding: StatementEncoding;
}

/**
 * Decodes a statement's bytes. The bytes are trusted over the declaration: a BOM decides first,
 * then strict UTF-8 (which almost never validates by accident on non-UTF-8 text), and only when
 * UTF-8 fails do we fall back to a single-byte reading. Banks often declare one encoding and
 * write another, so the declared encoding never overrides a BOM or valid UTF-8. On the fallback
 * every single-byte label we meet (ISO-8859-1, 8859-1, latin1, 1252…) reads correctly as
 * windows-1252, a superset for printable text, and a lying hint ("UTF-8") must not make us fail;
 * so the hint is accepted for callers' convenience but cannot change the outcome today.
 */
export function decodeStatement(
  bytes: Uint8Array,
  _declared?: string | null,
  forced?: StatementEncoding,
): DecodedStatement {
  if (forced !== undefined) return decodeAs(bytes, forced);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decode(bytes.subarray(3), 'utf-8', false);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), 'utf-16le', false);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), 'utf-16be', false);
  try {
    return decode(bytes, 'utf-8', true);
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** The person chose the encoding (the guess was wrong): decode leniently, dropping a matching BOM. */
function decodeAs(bytes: Uint8Array, encoding: StatementEncoding): DecodedStatement {
  if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes), encoding };
  const bomLength = encoding === 'utf-8' ? 3 : 2;
  const bom =
    encoding === 'utf-8'
      ? [0xef, 0xbb, 0xbf]
      : encoding === 'utf-16le'
        ? [0xff, 0xfe]
        : [0xfe, 0xff];
  const hasBom = bom.every((byte, index) => bytes[index] === byte);
  return decode(hasBom ? bytes.subarray(bomLength) : bytes, encoding, false);
}

// windows-1252 differs from latin-1 only in 0x80–0x9F. Some runtimes (Node 20's TextDecoder among
// them) decode the 'windows-1252' label as plain latin-1 and turn "€" (0x80) into U+0080, so we
// map those 32 bytes ourselves. The five bytes cp1252 leaves undefined keep their C1 code point,
// as the WHATWG Encoding standard does.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
] as const;

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (const byte of bytes) {
    const high = byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : undefined;
    parts.push(String.fromCharCode(high ?? byte));
  }
  return parts.join('');
}

function decode(
  bytes: Uint8Array,
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be',
  fatal: boolean,
): DecodedStatement {
  // ignoreBOM: the BOM was already consumed above; a second one would be content.
  const text = new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
  return { text, encoding };
}
