import {
  SYNCED_COLLECTIONS,
  SYNC_LIMITS,
  type Envelope,
  type KeyRecord,
  type PushRow,
  type StoredEnvelope,
  type SyncedCollection,
} from '@tirelire/shared/protocol';

/**
 * Preconditions every ChangeLog adapter checks before touching its store. The core validates
 * client messages with the protocol schemas; these checks catch a core bug (a row filed under
 * the wrong collection, a version that skips one) before it corrupts a user's log, and they
 * throw before anything is written.
 */

/** User ids end up inside Redis hash tags (`{u:<id>}`): a brace would move the tag. */
export function checkUserId(user: string): void {
  if (user.length === 0 || /[{}]/.test(user)) {
    throw new TypeError(`invalid user id for the change log: ${JSON.stringify(user)}`);
  }
}

export function checkCollection(collection: SyncedCollection): void {
  if (!(SYNCED_COLLECTIONS as readonly string[]).includes(collection)) {
    throw new TypeError(`unknown collection: ${JSON.stringify(collection)}`);
  }
}

export function checkPushRows(collection: SyncedCollection, rows: readonly PushRow[]): void {
  checkCollection(collection);
  for (const { assumedVersion, envelope } of rows) {
    if (envelope.collection !== collection) {
      throw new TypeError(
        `row ${envelope.id} belongs to ${envelope.collection}, not ${collection}`,
      );
    }
    if (!Number.isSafeInteger(assumedVersion) || envelope.version !== assumedVersion + 1) {
      throw new TypeError(`row ${envelope.id}: version must be assumedVersion + 1`);
    }
  }
}

/** The limit is the protocol's (P-LIMIT-1); the Redis pull script relies on it being small. */
export function checkPullWindow(since: number, limit: number): void {
  if (!Number.isSafeInteger(since) || since < 0) throw new RangeError(`invalid since: ${since}`);
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > SYNC_LIMITS.maxPullLimit) {
    throw new RangeError(`invalid limit: ${limit}`);
  }
}

export function checkKeyRevision(assumedRevision: number, record: KeyRecord): void {
  if (!Number.isSafeInteger(assumedRevision) || record.revision !== assumedRevision + 1) {
    throw new TypeError('record.revision must be assumedRevision + 1');
  }
}

/**
 * The envelope's own fields, in the schema's order. A caller may hand over an object with more
 * (a pulled StoredEnvelope still carrying its old `seq`): only these are stored.
 */
export function envelopeFields(envelope: Envelope): Envelope {
  const { id, collection, version, deleted, updatedAt, ciphertext, iv, keyId } = envelope;
  return { id, collection, version, deleted, updatedAt, ciphertext, iv, keyId };
}

export function withSeq(envelope: Envelope, seq: number): StoredEnvelope {
  return { ...envelopeFields(envelope), seq };
}
