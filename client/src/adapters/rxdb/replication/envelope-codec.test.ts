import { beforeAll, describe, expect, it } from 'vitest';
import { pushRowSchema, type Envelope } from '@tirelire/shared/protocol';
import { DocumentCipherError, type DocumentCipher } from '../../../ports/sync-keys.ts';
import { WebCryptoDocumentCipher } from '../../webcrypto/WebCryptoDocumentCipher.ts';
import {
  SYNC_VERSION_FIELD,
  UnreadableDocumentError,
  openEnvelope,
  sealRow,
  type ReplicatedDocument,
} from './envelope-codec.ts';

let cipher: DocumentCipher;
beforeAll(async () => {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  cipher = WebCryptoDocumentCipher.fromStored({ keyId: 'key-1', key });
});

const CONTENT = {
  id: 'op-1',
  label: 'Boulangerie Paul',
  amountMinor: -420,
  updatedAt: 1_700_000_000_123,
};

/** A document as RxDB hands it to the push handler: content plus its own bookkeeping. */
const AS_RXDB_HAS_IT: ReplicatedDocument = {
  ...CONTENT,
  _deleted: false,
  _rev: '3-abc',
  _meta: { lwt: 1 },
  _attachments: {},
  [SYNC_VERSION_FIELD]: 4,
};

async function plaintextOf(envelope: Envelope): Promise<unknown> {
  const address = { collection: envelope.collection, id: envelope.id, deleted: envelope.deleted };
  return JSON.parse(await cipher.open(address, envelope));
}

/** An envelope whose plaintext is exactly `text`, sealed for its address as a device would. */
async function envelopeOf(text: string, id = 'op-1', deleted = false): Promise<Envelope> {
  const sealed = await cipher.seal({ collection: 'operations', id, deleted }, text);
  return {
    id,
    collection: 'operations',
    version: 3,
    deleted,
    updatedAt: 5,
    keyId: 'key-1',
    ...sealed,
  };
}

describe('sealRow', () => {
  it('P-ENVELOPE-1: encrypts the content only, never the bookkeeping', async () => {
    const row = await sealRow(cipher, 'operations', AS_RXDB_HAS_IT, 4);
    expect(await plaintextOf(row.envelope)).toStrictEqual(CONTENT);
    expect(JSON.stringify(row)).not.toContain('Boulangerie');
  });

  it('P-PUSH-1: writes version = assumedVersion + 1, with the deleted flag and updatedAt', async () => {
    for (const [assumed, deleted] of [
      [0, false],
      [4, true],
    ] as const) {
      const row = await sealRow(
        cipher,
        'operations',
        { ...AS_RXDB_HAS_IT, _deleted: deleted },
        assumed,
      );
      expect(pushRowSchema.safeParse(row).success).toBe(true);
      expect(row.assumedVersion).toBe(assumed);
      expect(row.envelope).toMatchObject({
        id: 'op-1',
        collection: 'operations',
        version: assumed + 1,
        deleted,
        updatedAt: CONTENT.updatedAt,
        keyId: 'key-1',
      });
    }
  });

  it('writes updatedAt as whole, non-negative milliseconds', async () => {
    const stamps = [
      [12.7, 12],
      [-5, 0],
      [undefined, 0],
    ] as const;
    for (const [updatedAt, expected] of stamps) {
      const row = await sealRow(cipher, 'operations', { ...AS_RXDB_HAS_IT, updatedAt }, 0);
      expect(row.envelope.updatedAt).toBe(expected);
    }
  });
});

describe('openEnvelope', () => {
  it('gives back the document, with syncVersion and _deleted from the envelope', async () => {
    const row = await sealRow(cipher, 'operations', { ...AS_RXDB_HAS_IT, _deleted: true }, 6);
    expect(await openEnvelope(cipher, row.envelope)).toStrictEqual({
      ...CONTENT,
      _deleted: true,
      [SYNC_VERSION_FIELD]: 7,
    });
  });

  it('drops bookkeeping another device may have sealed by mistake', async () => {
    const sloppy = JSON.stringify({ ...CONTENT, _rev: '9-x', _deleted: true, syncVersion: 99 });
    expect(await openEnvelope(cipher, await envelopeOf(sloppy))).toStrictEqual({
      ...CONTENT,
      _deleted: false,
      [SYNC_VERSION_FIELD]: 3,
    });
  });

  it.each([
    ['another id', JSON.stringify({ ...CONTENT, id: 'op-2' })],
    ['no id', JSON.stringify({ label: 'x' })],
    ['not JSON', '{"id":"op-1",'],
    ['an array', '["op-1"]'],
    ['null', 'null'],
    ['a number', '42'],
  ])('refuses a plaintext that is %s with UnreadableDocumentError', async (_what, text) => {
    await expect(openEnvelope(cipher, await envelopeOf(text))).rejects.toBeInstanceOf(
      UnreadableDocumentError,
    );
  });

  it('P-CRYPTO-1: refuses a tampered ciphertext or a flipped deletion flag', async () => {
    const { envelope } = await sealRow(cipher, 'operations', AS_RXDB_HAS_IT, 0);
    const bytes = Uint8Array.from(atob(envelope.ciphertext), (char) => char.charCodeAt(0));
    bytes[0] = bytes[0]! ^ 1;
    const tampered = { ...envelope, ciphertext: btoa(String.fromCharCode(...bytes)) };
    await expect(openEnvelope(cipher, tampered)).rejects.toBeInstanceOf(DocumentCipherError);
    const flipped = { ...envelope, deleted: true };
    await expect(openEnvelope(cipher, flipped)).rejects.toBeInstanceOf(DocumentCipherError);
  });
});
