import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../util/result.ts';
import type {
  ClientMessage,
  HelloMessage,
  PullMessage,
  PushMessage,
  PutKeyMessage,
} from './client-messages.ts';
import type { DecodeFailure } from './codec.ts';
import { decodeClientMessage, decodeServerMessage, encodeMessage } from './codec.ts';
import { SYNCED_COLLECTIONS } from './collections.ts';
import type { Envelope, StoredEnvelope } from './envelope.ts';
import type { KeyRecord } from './key-record.ts';
import { MIN_PBKDF2_ITERATIONS } from './key-record.ts';
import { SYNC_LIMITS } from './limits.ts';
import { REQUEST_ERRORS } from './reasons.ts';
import type {
  ChangesMessage,
  PulledMessage,
  PushedMessage,
  ServerMessage,
  WelcomeMessage,
} from './server-messages.ts';
import { SYNC_PROTOCOL_VERSION } from './version.ts';

// ---------------------------------------------------------------------------------------------
// Fixtures: well-formed values, and `wire()` to write any variant of them (wrong types included)
// as the text a peer would send.

/** 12 bytes (0…11) in base64: AES-GCM's 96-bit IV, 16 characters. */
const IV = 'AAECAwQFBgcICQoL';
/** "sealed document" in base64. */
const CIPHERTEXT = 'c2VhbGVkIGRvY3VtZW50';
/** 16 zero bytes in base64. */
const SALT = 'AAAAAAAAAAAAAAAAAAAAAA==';
/** 48 bytes (a 256-bit key and GCM's tag) in base64. */
const WRAPPED_KEY = 'A'.repeat(64);

function envelope(overrides: Partial<Envelope> = {}): Envelope {
  return {
    id: 'op-1',
    collection: 'operations',
    version: 1,
    deleted: false,
    updatedAt: 1_700_000_000_000,
    ciphertext: CIPHERTEXT,
    iv: IV,
    keyId: 'key-1',
    ...overrides,
  };
}

function storedEnvelope(seq: number, overrides: Partial<Envelope> = {}): StoredEnvelope {
  return { ...envelope(overrides), seq };
}

function keyRecord(overrides: Partial<KeyRecord> = {}): KeyRecord {
  return {
    keyId: 'key-1',
    kdf: { name: 'PBKDF2-SHA256', iterations: MIN_PBKDF2_ITERATIONS, salt: SALT },
    iv: IV,
    wrappedKey: WRAPPED_KEY,
    revision: 1,
    ...overrides,
  };
}

type GetKeyMessage = Extract<ClientMessage, { type: 'getKey' }>;
type KeyMessage = Extract<ServerMessage, { type: 'key' }>;
type KeyStoredMessage = Extract<ServerMessage, { type: 'keyStored' }>;

const hello: HelloMessage = {
  type: 'hello',
  protocol: SYNC_PROTOCOL_VERSION,
  token: 'access-token',
};
const pull: PullMessage = {
  type: 'pull',
  requestId: 1,
  collection: 'operations',
  since: 0,
  limit: 100,
};
const firstWriteRow = { assumedVersion: 0, envelope: envelope() };
const push: PushMessage = {
  type: 'push',
  requestId: 2,
  collection: 'operations',
  rows: [firstWriteRow],
};
const getKey: GetKeyMessage = { type: 'getKey', requestId: 3 };
const putKey: PutKeyMessage = {
  type: 'putKey',
  requestId: 4,
  assumedRevision: 0,
  record: keyRecord(),
};

const CLIENT_MESSAGES: readonly ClientMessage[] = [
  hello,
  pull,
  { ...pull, since: 41, limit: SYNC_LIMITS.maxPullLimit, collection: 'accounts' },
  {
    ...push,
    rows: [
      firstWriteRow,
      { assumedVersion: 4, envelope: envelope({ id: 'op-2', version: 5, deleted: true }) },
    ],
  },
  getKey,
  putKey,
  { ...putKey, assumedRevision: 6, record: keyRecord({ revision: 7 }) },
];

const welcome: WelcomeMessage = {
  type: 'welcome',
  protocol: SYNC_PROTOCOL_VERSION,
  userId: 'user-1',
  seq: 42,
  expiresAt: 1_700_000_900_000,
};
const pulled: PulledMessage = {
  type: 'pulled',
  requestId: 1,
  collection: 'operations',
  documents: [storedEnvelope(41), storedEnvelope(42, { id: 'op-2', version: 3 })],
  checkpoint: 42,
  hasMore: true,
};
const pushed: PushedMessage = {
  type: 'pushed',
  requestId: 2,
  collection: 'operations',
  written: [{ id: 'op-1', version: 1, seq: 43 }],
  conflicts: [storedEnvelope(40, { id: 'op-2', version: 4 })],
};
const changes: ChangesMessage = {
  type: 'changes',
  collection: 'operations',
  afterSeq: 42,
  documents: [storedEnvelope(43), storedEnvelope(44, { id: 'op-2', deleted: true, version: 2 })],
};
const keyAnswer: KeyMessage = { type: 'key', requestId: 3, record: keyRecord() };
const keyStored: KeyStoredMessage = {
  type: 'keyStored',
  requestId: 4,
  stored: true,
  record: keyRecord(),
};

const SERVER_MESSAGES: readonly ServerMessage[] = [
  welcome,
  pulled,
  { ...pulled, documents: [], checkpoint: 0, hasMore: false },
  pushed,
  { ...pushed, written: [], conflicts: [] },
  changes,
  { type: 'resync' },
  keyAnswer,
  { ...keyAnswer, record: null },
  keyStored,
  { ...keyStored, stored: false, record: keyRecord({ revision: 2 }) },
  { ...keyStored, stored: false, record: null },
  ...REQUEST_ERRORS.map((reason) => ({ type: 'error' as const, requestId: 5, reason })),
];

/** The text a peer sends: any value, well-formed or not. */
function wire(value: unknown): string {
  return JSON.stringify(value);
}

/** What a decoder made of a text: 'accepted', or the failure code. */
function outcome(result: Result<unknown, DecodeFailure>): 'accepted' | DecodeFailure {
  return result.ok ? 'accepted' : result.code;
}

function withoutKey(value: object, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
}

/** A JSON value of another type than `value`'s. */
function wronglyTyped(value: unknown): unknown {
  if (typeof value === 'string') return 7;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return {};
  if (value === null) return 0;
  return 'an object';
}

function nameOf(message: { readonly type: string }): string {
  return message.type;
}

// ---------------------------------------------------------------------------------------------

describe('encodeMessage → decode: every message kind round-trips', () => {
  it.each(CLIENT_MESSAGES.map((message) => [nameOf(message), message] as const))(
    'client %s',
    (_name, message) => {
      expect(decodeClientMessage(encodeMessage(message))).toEqual({ ok: true, value: message });
    },
  );

  it.each(SERVER_MESSAGES.map((message) => [nameOf(message), message] as const))(
    'server %s',
    (_name, message) => {
      expect(decodeServerMessage(encodeMessage(message))).toEqual({ ok: true, value: message });
    },
  );

  it('covers every message kind of both directions', () => {
    expect(new Set(CLIENT_MESSAGES.map(nameOf))).toEqual(
      new Set(['hello', 'pull', 'push', 'getKey', 'putKey']),
    );
    expect(new Set(SERVER_MESSAGES.map(nameOf))).toEqual(
      new Set(['welcome', 'pulled', 'pushed', 'changes', 'resync', 'key', 'keyStored', 'error']),
    );
  });

  const envelopeArbitrary = fc.record({
    id: fc.string({ minLength: 1, maxLength: SYNC_LIMITS.maxIdChars }),
    collection: fc.constantFrom(...SYNCED_COLLECTIONS),
    version: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    deleted: fc.boolean(),
    updatedAt: fc.maxSafeNat(),
    ciphertext: fc.base64String({ minLength: 4, maxLength: 400 }),
    iv: fc.base64String({ minLength: 16, maxLength: 16 }),
    keyId: fc.string({ minLength: 1, maxLength: 64 }),
  });

  it('P-PUSH-1: any push of well-formed rows round-trips', () => {
    fc.assert(
      fc.property(
        fc.array(envelopeArbitrary, { minLength: 1, maxLength: 8 }),
        fc.maxSafeNat(),
        (envelopes, requestId) => {
          const message: ClientMessage = {
            type: 'push',
            requestId,
            collection: 'operations',
            rows: envelopes.map((next) => ({ assumedVersion: next.version - 1, envelope: next })),
          };
          expect(decodeClientMessage(encodeMessage(message))).toEqual({ ok: true, value: message });
        },
      ),
    );
  });

  it('P-LIVE-1: any changes of well-formed stored envelopes round-trip', () => {
    fc.assert(
      fc.property(
        fc.array(envelopeArbitrary, { minLength: 1, maxLength: 8 }),
        fc.maxSafeNat(),
        (envelopes, afterSeq) => {
          const message: ServerMessage = {
            type: 'changes',
            collection: 'rules',
            afterSeq,
            documents: envelopes.map((next, index) => ({ ...next, seq: index + 1 })),
          };
          expect(decodeServerMessage(encodeMessage(message))).toEqual({ ok: true, value: message });
        },
      ),
    );
  });
});

describe('P-LIMIT-1: the size limit, checked before parsing', () => {
  const limit = SYNC_LIMITS.maxMessageBytes;

  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** `message` with an extra `pad` field of `unit` repeated, then ASCII, to exactly `bytes`. */
  function paddedTo(bytes: number, message: object, unit: string, unitBytes: number): string {
    const skeleton = wire({ ...message, pad: '' });
    const room = bytes - skeleton.length;
    const units = Math.floor(room / unitBytes);
    return wire({ ...message, pad: unit.repeat(units) + 'a'.repeat(room - units * unitBytes) });
  }

  it('accepts a message of exactly maxMessageBytes (unknown keys are dropped)', () => {
    const text = paddedTo(limit, getKey, 'a', 1);
    expect(text).toHaveLength(limit);
    expect(decodeClientMessage(text)).toEqual({ ok: true, value: getKey });
    expect(outcome(decodeServerMessage(paddedTo(limit, { type: 'resync' }, 'a', 1)))).toBe(
      'accepted',
    );
  });

  it("refuses one byte more with 'too_large'", () => {
    expect(outcome(decodeClientMessage(paddedTo(limit + 1, getKey, 'a', 1)))).toBe('too_large');
    expect(outcome(decodeServerMessage(paddedTo(limit + 1, { type: 'resync' }, 'a', 1)))).toBe(
      'too_large',
    );
  });

  it("says 'too_large', not 'not_json', for an oversized text that is not JSON", () => {
    const text = '{'.repeat(limit + 1);
    expect(outcome(decodeClientMessage(text))).toBe('too_large');
    expect(outcome(decodeServerMessage(text))).toBe('too_large');
  });

  it('never parses an oversized text', () => {
    const parse = vi.spyOn(JSON, 'parse');
    decodeClientMessage(paddedTo(limit + 1, getKey, 'a', 1));
    decodeServerMessage(paddedTo(limit + 1, { type: 'resync' }, 'a', 1));
    expect(parse).not.toHaveBeenCalled();
  });

  it.each([
    ['é (2 bytes of UTF-8)', 'é', 2],
    ['€ (3 bytes)', '€', 3],
    ['😀 (4 bytes, a surrogate pair)', '😀', 4],
  ])('counts bytes of UTF-8, not UTF-16 code units: %s', (_name, unit, unitBytes) => {
    const atLimit = paddedTo(limit, getKey, unit, unitBytes);
    const overLimit = paddedTo(limit + 1, getKey, unit, unitBytes);
    // Far fewer code units than bytes: a length check alone would let both through.
    expect(overLimit.length).toBeLessThan(limit);
    expect(outcome(decodeClientMessage(atLimit))).toBe('accepted');
    expect(outcome(decodeClientMessage(overLimit))).toBe('too_large');
    expect(outcome(decodeServerMessage(paddedTo(limit + 1, welcome, unit, unitBytes)))).toBe(
      'too_large',
    );
  });

  it('counts a lone surrogate as the 3 bytes of the U+FFFD sent in its place', () => {
    // Raw text: JSON.stringify would escape the surrogate as ASCII.
    const skeleton = '{"type":"getKey","requestId":3,"pad":""}';
    const room = limit - skeleton.length;
    const textOf = (padBytes: number) =>
      `${skeleton.slice(0, -2)}${'\ud800'.repeat(Math.floor(padBytes / 3))}${'a'.repeat(padBytes % 3)}"}`;
    expect(outcome(decodeClientMessage(textOf(room)))).toBe('accepted');
    expect(outcome(decodeClientMessage(textOf(room + 1)))).toBe('too_large');
  });
});

describe('P-LIMIT-1: texts that are not JSON', () => {
  it.each(['', ' ', '{', 'hello', "{'type':'getKey','requestId':1}", '{"type":"getKey",}', 'NaN'])(
    "refuses %j with 'not_json'",
    (text) => {
      expect(outcome(decodeClientMessage(text))).toBe('not_json');
      expect(outcome(decodeServerMessage(text))).toBe('not_json');
    },
  );

  it.each(['null', '42', '"hello"', 'true', '[]', wire([getKey]), '{}'])(
    "refuses the JSON %s, which is no message, with 'invalid'",
    (text) => {
      expect(outcome(decodeClientMessage(text))).toBe('invalid');
      expect(outcome(decodeServerMessage(text))).toBe('invalid');
    },
  );

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.string().map((junk) => wire({ ...push, junk })),
        ),
        (text) => {
          expect(['accepted', 'not_json', 'invalid']).toContain(outcome(decodeClientMessage(text)));
          expect(['accepted', 'not_json', 'invalid']).toContain(outcome(decodeServerMessage(text)));
        },
      ),
    );
  });
});

describe('P-LIMIT-1: not one of these messages', () => {
  it.each(['subscribe', 'Hello', 'HELLO', '', 'toString', '__proto__'])(
    'refuses the unknown type %j',
    (type) => {
      expect(outcome(decodeClientMessage(wire({ ...getKey, type })))).toBe('invalid');
      expect(outcome(decodeServerMessage(wire({ ...keyAnswer, type })))).toBe('invalid');
    },
  );

  it('refuses a message without a type', () => {
    expect(outcome(decodeClientMessage(wire(withoutKey(getKey, 'type'))))).toBe('invalid');
    expect(outcome(decodeServerMessage(wire({})))).toBe('invalid');
  });

  it.each(SERVER_MESSAGES.map((message) => [nameOf(message), message] as const))(
    'refuses a server message (%s) sent by a client',
    (_name, message) => {
      expect(outcome(decodeClientMessage(encodeMessage(message)))).toBe('invalid');
    },
  );

  it.each(CLIENT_MESSAGES.map((message) => [nameOf(message), message] as const))(
    'refuses a client message (%s) sent by a server',
    (_name, message) => {
      expect(outcome(decodeServerMessage(encodeMessage(message)))).toBe('invalid');
    },
  );

  describe('missing fields', () => {
    const clientCases = CLIENT_MESSAGES.flatMap((message) =>
      Object.keys(message).map((key) => [`${message.type}.${key}`, withoutKey(message, key)]),
    );
    const serverCases = SERVER_MESSAGES.flatMap((message) =>
      Object.keys(message).map((key) => [`${message.type}.${key}`, withoutKey(message, key)]),
    );

    it.each(clientCases)('refuses a client message without %s', (_field, message) => {
      expect(outcome(decodeClientMessage(wire(message)))).toBe('invalid');
    });

    it.each(serverCases)('refuses a server message without %s', (_field, message) => {
      expect(outcome(decodeServerMessage(wire(message)))).toBe('invalid');
    });

    it.each(Object.keys(envelope()))('P-ENVELOPE-1: refuses an envelope without %s', (key) => {
      const row = { assumedVersion: 0, envelope: withoutKey(envelope(), key) };
      expect(outcome(decodeClientMessage(wire({ ...push, rows: [row] })))).toBe('invalid');
      const document = withoutKey(storedEnvelope(43), key);
      expect(outcome(decodeServerMessage(wire({ ...changes, documents: [document] })))).toBe(
        'invalid',
      );
    });

    it('P-PULL-1: refuses a stored envelope without seq', () => {
      const documents = [withoutKey(storedEnvelope(41), 'seq')];
      expect(outcome(decodeServerMessage(wire({ ...pulled, documents })))).toBe('invalid');
    });

    it.each(Object.keys(keyRecord()))('P-KEY-1: refuses a key record without %s', (key) => {
      const record = withoutKey(keyRecord(), key);
      expect(outcome(decodeClientMessage(wire({ ...putKey, record })))).toBe('invalid');
      expect(outcome(decodeServerMessage(wire({ ...keyAnswer, record })))).toBe('invalid');
    });

    it.each(['name', 'iterations', 'salt'])('P-KEY-1: refuses a kdf without %s', (key) => {
      const record = { ...keyRecord(), kdf: withoutKey(keyRecord().kdf, key) };
      expect(outcome(decodeClientMessage(wire({ ...putKey, record })))).toBe('invalid');
    });
  });

  describe('fields of another type', () => {
    const clientCases = CLIENT_MESSAGES.flatMap((message) =>
      Object.entries(message).map(([key, value]) => [
        `${message.type}.${key}`,
        { ...message, [key]: wronglyTyped(value) },
      ]),
    );
    const serverCases = SERVER_MESSAGES.flatMap((message) =>
      Object.entries(message).map(([key, value]) => [
        `${message.type}.${key}`,
        { ...message, [key]: wronglyTyped(value) },
      ]),
    );

    it.each(clientCases)(
      'refuses a client message whose %s has another type',
      (_field, message) => {
        expect(outcome(decodeClientMessage(wire(message)))).toBe('invalid');
      },
    );

    it.each(serverCases)(
      'refuses a server message whose %s has another type',
      (_field, message) => {
        expect(outcome(decodeServerMessage(wire(message)))).toBe('invalid');
      },
    );

    it.each(Object.entries(envelope()))(
      'P-ENVELOPE-1: refuses an envelope whose %s has another type',
      (key, value) => {
        const next = { ...envelope(), [key]: wronglyTyped(value) };
        const rows = [{ assumedVersion: 0, envelope: next }];
        expect(outcome(decodeClientMessage(wire({ ...push, rows })))).toBe('invalid');
      },
    );

    it.each(Object.entries(keyRecord()))(
      'P-KEY-1: refuses a key record whose %s has another type',
      (key, value) => {
        const record = { ...keyRecord(), [key]: wronglyTyped(value) };
        expect(outcome(decodeClientMessage(wire({ ...putKey, record })))).toBe('invalid');
        expect(outcome(decodeServerMessage(wire({ ...keyAnswer, record })))).toBe('invalid');
      },
    );
  });
});

describe('P-HELLO-1 / P-HELLO-2 / P-ERROR-1: fields with rules of their own', () => {
  it('P-HELLO-1: refuses an empty token, or one over 4096 characters', () => {
    expect(outcome(decodeClientMessage(wire({ ...hello, token: '' })))).toBe('invalid');
    expect(outcome(decodeClientMessage(wire({ ...hello, token: 't'.repeat(4097) })))).toBe(
      'invalid',
    );
    expect(outcome(decodeClientMessage(wire({ ...hello, token: 't'.repeat(4096) })))).toBe(
      'accepted',
    );
  });

  it('P-HELLO-1: refuses a fractional protocol version', () => {
    expect(outcome(decodeClientMessage(wire({ ...hello, protocol: 1.5 })))).toBe('invalid');
  });

  it('P-HELLO-2: decodes a hello of another version, so the server can say protocol_mismatch', () => {
    const future = { ...hello, protocol: SYNC_PROTOCOL_VERSION + 1 };
    expect(decodeClientMessage(wire(future))).toEqual({ ok: true, value: future });
  });

  it.each(['not_a_reason', 'STORE_UNAVAILABLE', ''])(
    'P-ERROR-1: refuses the unknown error reason %j',
    (reason) => {
      const error = { type: 'error', requestId: 1, reason };
      expect(outcome(decodeServerMessage(wire(error)))).toBe('invalid');
    },
  );
});

describe('P-LIMIT-1: beyond a limit of SYNC_LIMITS', () => {
  const rows = (count: number) => Array.from({ length: count }, () => firstWriteRow);

  it('P-PUSH-1: refuses a push of 0 rows', () => {
    expect(outcome(decodeClientMessage(wire({ ...push, rows: [] })))).toBe('invalid');
  });

  it('P-PUSH-1: accepts maxPushRows rows and refuses maxPushRows + 1', () => {
    const atLimit = { ...push, rows: rows(SYNC_LIMITS.maxPushRows) };
    expect(outcome(decodeClientMessage(wire(atLimit)))).toBe('accepted');
    const overLimit = { ...push, rows: rows(SYNC_LIMITS.maxPushRows + 1) };
    expect(outcome(decodeClientMessage(wire(overLimit)))).toBe('invalid');
  });

  it.each([
    ['0', 0],
    ['maxPullLimit + 1', SYNC_LIMITS.maxPullLimit + 1],
    ['fractional', 2.5],
    ['negative', -1],
  ])('P-PULL-1: refuses a pull limit that is %s', (_name, limit) => {
    expect(outcome(decodeClientMessage(wire({ ...pull, limit })))).toBe('invalid');
  });

  it('P-PULL-1: accepts pull limits 1 and maxPullLimit', () => {
    expect(outcome(decodeClientMessage(wire({ ...pull, limit: 1 })))).toBe('accepted');
    const atLimit = { ...pull, limit: SYNC_LIMITS.maxPullLimit };
    expect(outcome(decodeClientMessage(wire(atLimit)))).toBe('accepted');
  });

  it('P-PUSH-1: accepts ciphertext of maxCiphertextChars and refuses longer', () => {
    const longest = 'A'.repeat(SYNC_LIMITS.maxCiphertextChars);
    const tooLong = 'A'.repeat(SYNC_LIMITS.maxCiphertextChars + 4); // still base64
    const pushOf = (ciphertext: string) =>
      wire({ ...push, rows: [{ assumedVersion: 0, envelope: envelope({ ciphertext }) }] });
    expect(outcome(decodeClientMessage(pushOf(longest)))).toBe('accepted');
    expect(outcome(decodeClientMessage(pushOf(tooLong)))).toBe('invalid');
    const changesOf = (ciphertext: string) =>
      wire({ ...changes, documents: [storedEnvelope(43, { ciphertext })] });
    expect(outcome(decodeServerMessage(changesOf(longest)))).toBe('accepted');
    expect(outcome(decodeServerMessage(changesOf(tooLong)))).toBe('invalid');
  });

  it('P-ENVELOPE-1: refuses a document id longer than maxIdChars, or empty', () => {
    const pushWithId = (id: string) =>
      wire({ ...push, rows: [{ assumedVersion: 0, envelope: envelope({ id }) }] });
    expect(outcome(decodeClientMessage(pushWithId('i'.repeat(SYNC_LIMITS.maxIdChars))))).toBe(
      'accepted',
    );
    expect(outcome(decodeClientMessage(pushWithId('i'.repeat(SYNC_LIMITS.maxIdChars + 1))))).toBe(
      'invalid',
    );
    expect(outcome(decodeClientMessage(pushWithId('')))).toBe('invalid');
  });
});

describe('counters: seq, since, version and request ids are safe non-negative integers', () => {
  const pushOf = (assumedVersion: number, overrides: Partial<Envelope>) =>
    wire({ ...push, rows: [{ assumedVersion, envelope: envelope(overrides) }] });

  it.each([
    ['pull.since -1 (P-PULL-1)', wire({ ...pull, since: -1 })],
    ['pull.since 1.5 (P-PULL-1)', wire({ ...pull, since: 1.5 })],
    ['pull.since 2^53 (P-PULL-1)', wire({ ...pull, since: 2 ** 53 })],
    [
      'pull.since 1e400, Infinity once parsed (P-PULL-1)',
      wire(pull).replace('"since":0', '"since":1e400'),
    ],
    ['pull.requestId -1', wire({ ...pull, requestId: -1 })],
    ['getKey.requestId 0.5', wire({ ...getKey, requestId: 0.5 })],
    ['envelope.version 0 (P-PUSH-1)', pushOf(-1, { version: 0 })],
    ['envelope.version -1 (P-PUSH-1)', pushOf(-2, { version: -1 })],
    ['envelope.version 1.5 (P-PUSH-1)', pushOf(0.5, { version: 1.5 })],
    ['row.assumedVersion -1 (P-PUSH-1)', pushOf(-1, { version: 1 })],
    ['envelope.updatedAt -1 (P-ENVELOPE-1)', pushOf(0, { updatedAt: -1 })],
    ['envelope.updatedAt 0.5 (P-ENVELOPE-1)', pushOf(0, { updatedAt: 0.5 })],
    [
      'putKey.assumedRevision -1 (P-KEY-2)',
      wire({ ...putKey, assumedRevision: -1, record: keyRecord({ revision: 0 }) }),
    ],
    [
      'putKey.assumedRevision 0.5 (P-KEY-2)',
      wire({ ...putKey, assumedRevision: 0.5, record: keyRecord({ revision: 1.5 }) }),
    ],
  ])('refuses %s', (_name, text) => {
    expect(outcome(decodeClientMessage(text))).toBe('invalid');
  });

  it.each([
    ['welcome.seq -1 (P-LIVE-1)', wire({ ...welcome, seq: -1 })],
    ['welcome.seq 1.5 (P-LIVE-1)', wire({ ...welcome, seq: 1.5 })],
    ['welcome.expiresAt -1 (P-AUTH-1)', wire({ ...welcome, expiresAt: -1 })],
    ['stored seq 0 (P-PULL-1)', wire({ ...pulled, documents: [storedEnvelope(0)] })],
    ['stored seq -3 (P-PULL-1)', wire({ ...pulled, documents: [storedEnvelope(-3)] })],
    ['stored seq 2.5 (P-PULL-1)', wire({ ...pulled, documents: [storedEnvelope(2.5)] })],
    [
      'stored version 0 (P-PULL-1)',
      wire({ ...pulled, documents: [storedEnvelope(41, { version: 0 })] }),
    ],
    ['pulled.checkpoint -1 (P-PULL-1)', wire({ ...pulled, checkpoint: -1 })],
    ['changes.afterSeq 1.5 (P-LIVE-1)', wire({ ...changes, afterSeq: 1.5 })],
    [
      'written.seq -1 (P-PUSH-2)',
      wire({ ...pushed, written: [{ id: 'op-1', version: 1, seq: -1 }] }),
    ],
    [
      'written.version 0.5 (P-PUSH-2)',
      wire({ ...pushed, written: [{ id: 'op-1', version: 0.5, seq: 43 }] }),
    ],
    [
      'error.requestId -1 (P-ERROR-1)',
      wire({ type: 'error', requestId: -1, reason: 'store_unavailable' }),
    ],
  ])('refuses %s', (_name, text) => {
    expect(outcome(decodeServerMessage(text))).toBe('invalid');
  });

  it('P-LIVE-1: refuses changes without documents', () => {
    expect(outcome(decodeServerMessage(wire({ ...changes, documents: [] })))).toBe('invalid');
  });
});

describe('P-PUSH-1: an envelope is the next state of the version its row assumes', () => {
  it.each([
    [0, 1],
    [7, 8],
  ])('accepts assumedVersion %i with envelope.version %i', (assumedVersion, version) => {
    const rows = [{ assumedVersion, envelope: envelope({ version }) }];
    expect(outcome(decodeClientMessage(wire({ ...push, rows })))).toBe('accepted');
  });

  it.each([
    [0, 2],
    [3, 3],
    [5, 4],
    [1, 1],
  ])('refuses assumedVersion %i with envelope.version %i', (assumedVersion, version) => {
    const rows = [{ assumedVersion, envelope: envelope({ version }) }];
    const result = decodeClientMessage(wire({ ...push, rows }));
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    expect(result.ok ? '' : result.message).toContain('assumedVersion + 1');
  });

  it('refuses the whole push when any one row breaks the rule', () => {
    const rows = [firstWriteRow, { assumedVersion: 2, envelope: envelope({ version: 2 }) }];
    expect(outcome(decodeClientMessage(wire({ ...push, rows })))).toBe('invalid');
  });

  it('holds for any pair of counters', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 2 ** 31 }), (assumedVersion, version) => {
        const rows = [{ assumedVersion, envelope: envelope({ version }) }];
        const expected = version === assumedVersion + 1 ? 'accepted' : 'invalid';
        expect(outcome(decodeClientMessage(wire({ ...push, rows })))).toBe(expected);
      }),
    );
  });
});

describe('P-ENVELOPE-1 / P-CRYPTO-1: ciphertext and IV are base64', () => {
  const pushOf = (overrides: Partial<Envelope>) =>
    wire({ ...push, rows: [{ assumedVersion: 0, envelope: envelope(overrides) }] });

  it.each([
    ['empty', ''],
    ['a length that is not a multiple of 4', 'QUJDR'],
    ['padding in the middle', 'QQ==QUJD'],
    ['a character outside the alphabet', 'QUJ*'],
    ['base64url characters', 'ab-_'],
    ['a line break', 'QUJD\nQUJD'],
    ['spaces', 'QUJD QUJD'],
    ['three padding characters', 'Q==='],
  ])('refuses ciphertext with %s', (_name, ciphertext) => {
    expect(outcome(decodeClientMessage(pushOf({ ciphertext })))).toBe('invalid');
  });

  it.each([
    ['15 characters', IV.slice(0, 15)],
    ['17 characters', `${IV}A`],
    ['no characters', ''],
    ['24 characters (a 16-byte IV)', 'AAECAwQFBgcICQoLDA0ODw=='],
    ['16 characters outside base64', '!!!!!!!!!!!!!!!!'],
  ])('refuses an IV of %s', (_name, iv) => {
    expect(outcome(decodeClientMessage(pushOf({ iv })))).toBe('invalid');
    const documents = [storedEnvelope(43, { iv })];
    expect(outcome(decodeServerMessage(wire({ ...changes, documents })))).toBe('invalid');
  });

  it('P-KEY-1: refuses a key record whose IV is not 16 characters', () => {
    for (const iv of [IV.slice(0, 15), `${IV}A`, '']) {
      const record = keyRecord({ iv });
      expect(outcome(decodeClientMessage(wire({ ...putKey, record })))).toBe('invalid');
      expect(outcome(decodeServerMessage(wire({ ...keyAnswer, record })))).toBe('invalid');
    }
  });
});

describe('collections: only SYNCED_COLLECTIONS travel', () => {
  const unknownCollections = ['budgets', 'Operations', 'cache', '', '__proto__', 'constructor'];

  it.each(SYNCED_COLLECTIONS)('accepts %s', (collection) => {
    expect(outcome(decodeClientMessage(wire({ ...pull, collection })))).toBe('accepted');
  });

  it.each(unknownCollections)('P-PULL-1: refuses a pull of %j', (collection) => {
    expect(outcome(decodeClientMessage(wire({ ...pull, collection })))).toBe('invalid');
  });

  it.each(unknownCollections)('P-PUSH-1: refuses a push to %j', (collection) => {
    expect(outcome(decodeClientMessage(wire({ ...push, collection })))).toBe('invalid');
  });

  it.each(unknownCollections)('P-ENVELOPE-1: refuses an envelope of %j', (collection) => {
    const rows = [{ assumedVersion: 0, envelope: { ...envelope(), collection } }];
    expect(outcome(decodeClientMessage(wire({ ...push, rows })))).toBe('invalid');
    const documents = [{ ...storedEnvelope(43), collection }];
    expect(outcome(decodeServerMessage(wire({ ...changes, documents })))).toBe('invalid');
  });

  it.each(unknownCollections)('P-PULL-1: refuses pulled pages of %j', (collection) => {
    expect(outcome(decodeServerMessage(wire({ ...pulled, collection })))).toBe('invalid');
  });
});

describe('P-KEY-2: putKey names the revision after the one it assumes', () => {
  it.each([
    [0, 1],
    [6, 7],
  ])('accepts assumedRevision %i with record.revision %i', (assumedRevision, revision) => {
    const message = { ...putKey, assumedRevision, record: keyRecord({ revision }) };
    expect(outcome(decodeClientMessage(wire(message)))).toBe('accepted');
  });

  it.each([
    [0, 0],
    [0, 2],
    [1, 1],
    [5, 4],
  ])('refuses assumedRevision %i with record.revision %i', (assumedRevision, revision) => {
    const message = { ...putKey, assumedRevision, record: keyRecord({ revision }) };
    const result = decodeClientMessage(wire(message));
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    expect(result.ok ? '' : result.message).toContain('assumedRevision + 1');
  });
});

describe('P-KEY-1: the wrapped key record', () => {
  const putKeyWithKdf = (kdf: Record<string, unknown>) =>
    wire({ ...putKey, record: { ...keyRecord(), kdf: { ...keyRecord().kdf, ...kdf } } });

  it('accepts exactly MIN_PBKDF2_ITERATIONS (600,000) iterations', () => {
    expect(MIN_PBKDF2_ITERATIONS).toBe(600_000);
    expect(outcome(decodeClientMessage(putKeyWithKdf({ iterations: 600_000 })))).toBe('accepted');
  });

  it.each([
    ['599,999', 599_999],
    ['100,000', 100_000],
    ['0', 0],
    ['fractional', 600_000.5],
    ['above 10,000,000', 10_000_001],
  ])('refuses %s iterations', (_name, iterations) => {
    expect(outcome(decodeClientMessage(putKeyWithKdf({ iterations })))).toBe('invalid');
    const record = { ...keyRecord(), kdf: { ...keyRecord().kdf, iterations } };
    expect(outcome(decodeServerMessage(wire({ ...keyAnswer, record })))).toBe('invalid');
  });

  it.each(['PBKDF2-SHA1', 'pbkdf2-sha256', 'argon2id', ''])('refuses the kdf %j', (name) => {
    expect(outcome(decodeClientMessage(putKeyWithKdf({ name })))).toBe('invalid');
  });

  it('refuses a salt that is not base64, or shorter than 16 characters', () => {
    expect(outcome(decodeClientMessage(putKeyWithKdf({ salt: 'not base64 at all!!!' })))).toBe(
      'invalid',
    );
    expect(outcome(decodeClientMessage(putKeyWithKdf({ salt: 'AAAAAAAAAAAA' })))).toBe('invalid');
  });

  it('refuses an empty or non-base64 wrapped key', () => {
    for (const wrappedKey of ['', 'QUJ*']) {
      const record = keyRecord({ wrappedKey });
      expect(outcome(decodeClientMessage(wire({ ...putKey, record })))).toBe('invalid');
    }
  });
});

describe('unknown keys, `__proto__` included, are dropped and never reach a prototype', () => {
  const INJECTED =
    '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},';

  /** The same message with `__proto__` and `constructor` keys at the start of every object. */
  function injected(message: object): string {
    return wire(message).replaceAll('{', INJECTED);
  }

  /** Every object and array in a decoded value. */
  function* nodesOf(value: unknown): Generator<object> {
    if (value === null || typeof value !== 'object') return;
    yield value;
    for (const child of Object.values(value)) yield* nodesOf(child);
  }

  function expectPrototypesUntouched(): void {
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    expect('polluted' in {}).toBe(false);
  }

  it('the injected text really carries own `__proto__` keys (the test is not vacuous)', () => {
    const parsed: unknown = JSON.parse(injected(getKey));
    expect(
      typeof parsed === 'object' && parsed !== null && Object.hasOwn(parsed, '__proto__'),
    ).toBe(true);
  });

  it.each(CLIENT_MESSAGES.map((message) => [nameOf(message), message] as const))(
    'client %s: decodes to the message alone',
    (_name, message) => {
      const result = decodeClientMessage(injected(message));
      expect(result).toEqual({ ok: true, value: message });
      expectPrototypesUntouched();
      for (const node of nodesOf(result.ok ? result.value : null)) {
        expect(Object.hasOwn(node, '__proto__')).toBe(false);
        expect(Object.hasOwn(node, 'constructor')).toBe(false);
        expect([Object.prototype, Array.prototype]).toContain(Object.getPrototypeOf(node));
        expect(node).not.toHaveProperty('polluted');
      }
    },
  );

  it.each(SERVER_MESSAGES.map((message) => [nameOf(message), message] as const))(
    'server %s: decodes to the message alone',
    (_name, message) => {
      const result = decodeServerMessage(injected(message));
      expect(result).toEqual({ ok: true, value: message });
      expectPrototypesUntouched();
      for (const node of nodesOf(result.ok ? result.value : null)) {
        expect(Object.hasOwn(node, '__proto__')).toBe(false);
        expect([Object.prototype, Array.prototype]).toContain(Object.getPrototypeOf(node));
        expect(node).not.toHaveProperty('polluted');
      }
    },
  );

  it('fields hidden under `__proto__` are not inherited by the message', () => {
    const hidden = '{"__proto__":{"type":"getKey","requestId":1}}';
    expect(outcome(decodeClientMessage(hidden))).toBe('invalid');
    const hiddenRow = wire({ ...push, rows: [{}] }).replace(
      '"rows":[{}]',
      `"rows":[{"__proto__":${wire(firstWriteRow)}}]`,
    );
    expect(outcome(decodeClientMessage(hiddenRow))).toBe('invalid');
    expectPrototypesUntouched();
  });
});
