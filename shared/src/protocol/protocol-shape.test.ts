import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clientMessageSchema } from './client-messages.ts';
import { SYNCED_COLLECTIONS } from './collections.ts';
import { envelopeSchema } from './envelope.ts';
import { keyRecordSchema } from './key-record.ts';
import { SYNC_LIMITS } from './limits.ts';
import { CLOSE_REASONS, REQUEST_ERRORS } from './reasons.ts';
import { serverMessageSchema } from './server-messages.ts';
import { SYNC_PROTOCOL_VERSION } from './version.ts';

/**
 * SPEC P-HELLO-2: the fingerprint of every protocol version. A client and a server that say the
 * same version in `hello` must speak the same messages, so any change to a schema, a limit or a
 * reason code needs a new version: bump SYNC_PROTOCOL_VERSION (version.ts), then add the new
 * fingerprint here. Never edit a recorded one.
 */
const RECORDED_FINGERPRINTS: Readonly<Record<number, string>> = {
  1: '38285fcd1d2b0b4c',
};

// ---------------------------------------------------------------------------------------------
// FNV-1a, 64-bit, over the UTF-8 bytes of a text (shared/ has no Node crypto, nor should it).

const FNV64_OFFSET_BASIS = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;
const UINT64_MASK = 0xffffffffffffffffn;

function* utf8BytesOf(text: string): Generator<number> {
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    if (codePoint < 0x80) {
      yield codePoint;
    } else if (codePoint < 0x800) {
      yield 0xc0 | (codePoint >> 6);
      yield 0x80 | (codePoint & 0x3f);
    } else if (codePoint < 0x10000) {
      yield 0xe0 | (codePoint >> 12);
      yield 0x80 | ((codePoint >> 6) & 0x3f);
      yield 0x80 | (codePoint & 0x3f);
    } else {
      yield 0xf0 | (codePoint >> 18);
      yield 0x80 | ((codePoint >> 12) & 0x3f);
      yield 0x80 | ((codePoint >> 6) & 0x3f);
      yield 0x80 | (codePoint & 0x3f);
    }
  }
}

/** FNV-1a 64 of the text's UTF-8 bytes, as 16 hex digits. */
function fnv1a64(text: string): string {
  let hash = FNV64_OFFSET_BASIS;
  for (const byte of utf8BytesOf(text)) {
    hash = ((hash ^ BigInt(byte)) * FNV64_PRIME) & UINT64_MASK;
  }
  return hash.toString(16).padStart(16, '0');
}

// ---------------------------------------------------------------------------------------------
// The protocol's shape, as canonical text.

/** JSON with the keys of every object sorted, so the text does not depend on insertion order. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${sortedJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The JSON Schema of what a peer may send. JSON Schema has no word for a `.refine()` (zod leaves
 * it out), so each schema carrying one is marked with how many it has: adding or removing a
 * cross-field rule (P-PUSH-1's version, P-KEY-2's revision) changes the fingerprint too. A change
 * inside an existing refinement's function does not: the codec tests pin those rules.
 */
function jsonSchemaOf(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
    reused: 'inline',
    override: ({ zodSchema, jsonSchema }) => {
      const refinements = (zodSchema._zod.def.checks ?? []).filter(
        (check) => check._zod.def.check === 'custom',
      ).length;
      if (refinements > 0) jsonSchema['x-refinements'] = refinements;
    },
  });
}

function protocolShape(): string {
  return sortedJson({
    clientMessages: jsonSchemaOf(clientMessageSchema),
    serverMessages: jsonSchemaOf(serverMessageSchema),
    envelope: jsonSchemaOf(envelopeSchema),
    keyRecord: jsonSchemaOf(keyRecordSchema),
    limits: SYNC_LIMITS,
    closeReasons: CLOSE_REASONS,
    requestErrors: REQUEST_ERRORS,
    collections: SYNCED_COLLECTIONS,
  });
}

function protocolFingerprint(): string {
  return fnv1a64(protocolShape());
}

// ---------------------------------------------------------------------------------------------

describe('fnv1a64', () => {
  // Published FNV-1a 64-bit test vectors.
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('%j → %s', (text, expected) => {
    expect(fnv1a64(text)).toBe(expected);
  });

  it('hashes UTF-8 bytes', () => {
    expect([...utf8BytesOf('aé€😀')]).toEqual([
      0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80,
    ]);
  });
});

describe('the protocol shape (P-HELLO-2)', () => {
  it.each([
    ['clientMessageSchema', clientMessageSchema],
    ['serverMessageSchema', serverMessageSchema],
    ['envelopeSchema', envelopeSchema],
    ['keyRecordSchema', keyRecordSchema],
  ])('z.toJSONSchema writes out %s without an unrepresentable part', (_name, schema) => {
    expect(() => jsonSchemaOf(schema)).not.toThrow();
  });

  it('covers every message kind, both directions', () => {
    const shape = protocolShape();
    for (const type of ['hello', 'pull', 'push', 'getKey', 'putKey']) {
      expect(shape).toContain(`"const":"${type}"`);
    }
    for (const type of ['welcome', 'pulled', 'pushed', 'changes', 'resync', 'key', 'keyStored']) {
      expect(shape).toContain(`"const":"${type}"`);
    }
    expect(shape).toContain('"const":"error"');
  });

  it('sees the limits the schemas enforce, and their refinements', () => {
    const clientMessages = sortedJson(jsonSchemaOf(clientMessageSchema));
    expect(clientMessages).toContain(`"maxItems":${SYNC_LIMITS.maxPushRows}`);
    expect(clientMessages).toContain(`"maximum":${SYNC_LIMITS.maxPullLimit}`);
    expect(clientMessages).toContain(`"maxLength":${SYNC_LIMITS.maxCiphertextChars}`);
    expect(clientMessages).toContain(`"maxLength":${SYNC_LIMITS.maxIdChars}`);
    expect(clientMessages).toContain('"minimum":600000');
    // P-PUSH-1 (a push row) and P-KEY-2 (putKey): one refinement each.
    expect(clientMessages.match(/"x-refinements":1/g)).toHaveLength(2);
  });

  it('is the same text on every run, whatever the order keys were written in', () => {
    expect(protocolShape()).toBe(protocolShape());
    expect(sortedJson({ b: 1, a: { d: [{ f: 1, e: 2 }], c: 3 } })).toBe(
      sortedJson({ a: { c: 3, d: [{ e: 2, f: 1 }] }, b: 1 }),
    );
    expect(protocolFingerprint()).toMatch(/^[0-9a-f]{16}$/);
  });

  it(`has the fingerprint recorded for SYNC_PROTOCOL_VERSION ${SYNC_PROTOCOL_VERSION}`, () => {
    const actual = protocolFingerprint();
    const recorded = RECORDED_FINGERPRINTS[SYNC_PROTOCOL_VERSION];
    expect(
      actual,
      recorded === undefined
        ? `No fingerprint is recorded for protocol version ${SYNC_PROTOCOL_VERSION}: ` +
            `add ${SYNC_PROTOCOL_VERSION}: '${actual}' to RECORDED_FINGERPRINTS.`
        : `The sync protocol changed (a schema, SYNC_LIMITS, CLOSE_REASONS, REQUEST_ERRORS or ` +
            `SYNCED_COLLECTIONS) but SYNC_PROTOCOL_VERSION is still ${SYNC_PROTOCOL_VERSION}: ` +
            `bump SYNC_PROTOCOL_VERSION and record the new fingerprint ` +
            `(${SYNC_PROTOCOL_VERSION + 1}: '${actual}') in RECORDED_FINGERPRINTS (SPEC P-HELLO-2). ` +
            `If only zod's JSON Schema output changed (a zod upgrade) and the protocol did not, ` +
            `say so in review before re-recording version ${SYNC_PROTOCOL_VERSION}.`,
    ).toBe(recorded);
  });
});
