import type {
  KeyRecord,
  PushRow,
  StoredEnvelope,
  SyncedCollection,
} from '@tirelire/shared/protocol';

/**
 * Where the sync server keeps each user's encrypted documents and how it tells every server
 * instance about new writes. The server never reads a document: it stores envelopes (SPEC
 * P-ENVELOPE-1) and orders them.
 *
 * Contract (change-log.contract.ts, run by every adapter: Redis, Redis Cluster, embedded):
 * - Each user has one log. Every accepted write gets the next `seq` of that user (1, 2, …, no
 *   gaps, never reused), and a document keeps only its latest write (P-PULL-1).
 * - `push` is atomic: the version checks, the writes, the `seq` increments and the feed event
 *   happen together or not at all, and two concurrent pushes never both win one version.
 *   A row is written iff the stored version (0 if absent) equals its `assumedVersion`; the
 *   envelope is stored as given (its version is `assumedVersion + 1`) with its new `seq`.
 * - Rows of one push that name the same document are applied in order (the second assumes the
 *   first's version).
 * - `subscribe` resolves once the subscription is live: every push that starts after that is
 *   delivered to the listener, in `seq` order, as one `changes` event per push with written
 *   rows (none for a push that wrote nothing), on every instance subscribed to that user.
 * - When an adapter loses its feed (a Redis restart), it tells every listener `interrupted` once
 *   it is subscribed again, because events in between may be lost (P-LIVE-2).
 * - Users are isolated: no method reads or writes another user's data.
 * - `deleteUser` removes everything of the user (documents, log, counter, key) and announces
 *   `revoked` with reason `account_deleted` to their listeners.
 * - Unexpected failures (backend down, disk full) reject; nothing is half-written.
 */
export interface ChangeLog {
  push(user: string, collection: SyncedCollection, rows: readonly PushRow[]): Promise<PushOutcome>;
  pull(user: string, collection: SyncedCollection, since: number, limit: number): Promise<PullPage>;
  /** The user's latest `seq` (0 before the first write). */
  head(user: string): Promise<number>;

  readKey(user: string): Promise<KeyRecord | null>;
  /** Compare-and-set on `revision` (P-KEY-2); `record.revision` is `assumedRevision + 1`. */
  writeKey(user: string, assumedRevision: number, record: KeyRecord): Promise<KeyWriteOutcome>;

  subscribe(user: string, listener: FeedListener): Promise<FeedSubscription>;
  /** Tells every instance's listeners of this user, e.g. that a session was logged out. */
  announce(user: string, notice: RevokedEvent): Promise<void>;
  deleteUser(user: string): Promise<void>;
  close(): Promise<void>;
}

export interface PushOutcome {
  readonly written: readonly {
    readonly id: string;
    readonly version: number;
    readonly seq: number;
  }[];
  /** For each refused row, the stored document (absent when the row assumed it existed). */
  readonly conflicts: readonly StoredEnvelope[];
}

export interface PullPage {
  readonly documents: readonly StoredEnvelope[];
  readonly checkpoint: number;
  readonly hasMore: boolean;
}

export interface KeyWriteOutcome {
  readonly stored: boolean;
  /** The record now stored (the new one when `stored`). */
  readonly record: KeyRecord | null;
}

export interface ChangesEvent {
  readonly type: 'changes';
  readonly collection: SyncedCollection;
  readonly afterSeq: number;
  readonly documents: readonly StoredEnvelope[];
}

/** `jti` null: every socket of the user; otherwise only sockets opened with that token. */
export interface RevokedEvent {
  readonly type: 'revoked';
  readonly reason: 'token_revoked' | 'account_deleted';
  readonly jti: string | null;
}

export interface InterruptedEvent {
  readonly type: 'interrupted';
}

export type FeedEvent = ChangesEvent | RevokedEvent | InterruptedEvent;
export type FeedListener = (event: FeedEvent) => void;

export interface FeedSubscription {
  /** Idempotent. */
  unsubscribe(): Promise<void>;
}
