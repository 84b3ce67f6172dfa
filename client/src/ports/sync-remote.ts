import type {
  KeyRecord,
  PushRow,
  PushedMessage,
  StoredEnvelope,
  SyncedCollection,
} from '@tirelire/shared/protocol';

/** A page of a pull: documents after the checkpoint, and where to continue. */
export interface RemotePage {
  readonly documents: readonly StoredEnvelope[];
  readonly checkpoint: number;
  readonly hasMore: boolean;
}

/** What the replication learns between requests: new documents, or "pull again". */
export type RemoteEvent =
  | {
      readonly type: 'changes';
      readonly collection: SyncedCollection;
      readonly documents: readonly StoredEnvelope[];
      readonly checkpoint: number;
    }
  | { readonly type: 'resync' };

/**
 * The sync server as the replication sees it: requests that answer or reject (offline, server
 * error), and a stream of live events. Implemented by the app's SyncSession over a transport.
 */
export interface SyncRemote {
  pull(collection: SyncedCollection, since: number, limit: number): Promise<RemotePage>;
  push(
    collection: SyncedCollection,
    rows: readonly PushRow[],
  ): Promise<Pick<PushedMessage, 'written' | 'conflicts'>>;
  readKey(): Promise<KeyRecord | null>;
  writeKey(
    assumedRevision: number,
    record: KeyRecord,
  ): Promise<{ readonly stored: boolean; readonly record: KeyRecord | null }>;
  /** Live events; the returned function unsubscribes. */
  listen(listener: (event: RemoteEvent) => void): () => void;
}
