import type { SyncRemote } from './sync-remote.ts';
import type { DocumentCipher } from './sync-keys.ts';

/** What the replication reports, for the sync status (up to date / syncing n / error). */
export interface ReplicationActivity {
  /** Documents being pushed or pulled right now. */
  readonly documentsInFlight: number;
  /** The last failure of a push or pull (retried automatically), or null after a success. */
  readonly lastError: string | null;
}

/**
 * Keeps the local ledger and the server in step: pushes local writes (encrypted), pulls and
 * decrypts the others', resolves conflicts with the protocol's rule (P-MERGE-1), and keeps
 * unsent writes and the checkpoint on the device so nothing is lost offline or across reloads.
 */
export interface LedgerReplication {
  /** `scope` names whose ledger this is (the user id): each scope keeps its own checkpoints. */
  start(remote: SyncRemote, cipher: DocumentCipher, scope: string): ReplicationRun;
}

export interface ReplicationRun {
  /** Pull every collection from its checkpoint now (after a reconnect or a `resync`). */
  resync(): void;
  /** Resolves when nothing is left to push or pull, as far as this device knows. */
  settled(): Promise<void>;
  onActivity(listener: (activity: ReplicationActivity) => void): () => void;
  stop(): Promise<void>;
}
