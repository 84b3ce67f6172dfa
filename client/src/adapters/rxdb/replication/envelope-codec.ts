import type { Envelope, PushRow, SyncedCollection } from '@tirelire/shared/protocol';
import type { DocumentCipher } from '../../../ports/sync-keys.ts';

/** A document as RxDB's replication hands it over: the domain fields plus `_deleted`. */
export type ReplicatedDocument = { readonly id: string; readonly _deleted: boolean } & Record<
  string,
  unknown
>;

/**
 * The master version a pulled document was at, kept on the document itself so RxDB stores it
 * with its "assumed master state": the next push of that document then says which version it
 * assumes (P-PUSH-1). The ledger store's reads drop it with every other unknown key.
 */
export const SYNC_VERSION_FIELD = 'syncVersion';

/** RxDB's own bookkeeping, and ours: none of it is part of what is encrypted. */
const NOT_CONTENT = new Set(['_rev', '_meta', '_attachments', '_deleted', SYNC_VERSION_FIELD]);

export async function sealRow(
  cipher: DocumentCipher,
  collection: SyncedCollection,
  document: ReplicatedDocument,
  assumedVersion: number,
): Promise<PushRow> {
  const content = Object.fromEntries(
    Object.entries(document).filter(([key]) => !NOT_CONTENT.has(key)),
  );
  const address = { collection, id: document.id, deleted: document._deleted };
  const sealed = await cipher.seal(address, JSON.stringify(content));
  const updatedAt = typeof document['updatedAt'] === 'number' ? document['updatedAt'] : 0;
  return {
    assumedVersion,
    envelope: {
      id: document.id,
      collection,
      version: assumedVersion + 1,
      deleted: document._deleted,
      // Rounded and clamped: the envelope schema takes whole, non-negative milliseconds.
      updatedAt: Math.max(0, Math.floor(updatedAt)),
      ciphertext: sealed.ciphertext,
      iv: sealed.iv,
      keyId: cipher.keyId,
    },
  };
}

export class UnreadableDocumentError extends Error {
  override name = 'UnreadableDocumentError';
}

/**
 * Decrypts an envelope into the document RxDB stores. GCM authenticates the ciphertext and its
 * address, so a document that opens is one a device of this user wrote for this id; its
 * content is still checked by the ledger store's schemas on every read.
 */
export async function openEnvelope(
  cipher: DocumentCipher,
  envelope: Envelope,
): Promise<ReplicatedDocument> {
  const address = { collection: envelope.collection, id: envelope.id, deleted: envelope.deleted };
  const plaintext = await cipher.open(address, envelope);
  let content: unknown;
  try {
    content = JSON.parse(plaintext);
  } catch {
    throw new UnreadableDocumentError(`${envelope.collection}/${envelope.id}: not JSON`);
  }
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    throw new UnreadableDocumentError(`${envelope.collection}/${envelope.id}: not an object`);
  }
  const fields = Object.fromEntries(
    Object.entries(content).filter(([key]) => !NOT_CONTENT.has(key)),
  );
  if (fields['id'] !== envelope.id) {
    throw new UnreadableDocumentError(`${envelope.collection}/${envelope.id}: id mismatch`);
  }
  return {
    ...fields,
    id: envelope.id,
    _deleted: envelope.deleted,
    [SYNC_VERSION_FIELD]: envelope.version,
  };
}
