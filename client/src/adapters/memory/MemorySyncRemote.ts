import {
  SYNC_LIMITS,
  keyRecordSchema,
  pushRowSchema,
  syncedCollectionSchema,
  type KeyRecord,
  type PushRow,
  type PushedMessage,
  type StoredEnvelope,
  type SyncedCollection,
} from '@tirelire/shared/protocol';
import type { RemoteEvent, RemotePage, SyncRemote } from '../../ports/sync-remote.ts';

type PushOutcome = Pick<PushedMessage, 'written' | 'conflicts'>;
type KeyOutcome = { readonly stored: boolean; readonly record: KeyRecord | null };

/** A request the remote could not serve: offline, or one the real server would refuse. */
export class MemorySyncRemoteError extends Error {
  override name = 'MemorySyncRemoteError';
}

/**
 * One user's account on an in-memory sync server, for tests: the change log (every accepted
 * write takes the next `seq`, a document keeps only its latest write), the wrapped data key, and
 * the devices connected to it. It answers as the real server does wherever the replication
 * relies on it: sync-remote.contract.ts holds both to the same rules.
 */
export class MemorySyncServer {
  private readonly documents = new Map<string, StoredEnvelope>();
  private head = 0;
  private key: KeyRecord | null = null;
  private readonly devices = new Set<MemorySyncRemote>();

  /** The latest `seq` (0 before the first write). */
  get seq(): number {
    return this.head;
  }

  /** Every stored envelope (of one collection, if named), in log order: what the server sees. */
  stored(collection?: SyncedCollection): StoredEnvelope[] {
    const all = [...this.documents.values()].sort((a, b) => a.seq - b.seq);
    return structuredClone(
      all.filter((d) => collection === undefined || d.collection === collection),
    );
  }

  /** Called by each MemorySyncRemote on creation: it hears every write from then on. */
  attach(device: MemorySyncRemote): void {
    this.devices.add(device);
  }

  pull(collection: SyncedCollection, since: number, limit: number): RemotePage {
    refuseUnless(syncedCollectionSchema.safeParse(collection).success, 'unknown collection');
    refuseUnless(Number.isSafeInteger(since) && since >= 0, `since ${since}`);
    const isLimitValid = Number.isInteger(limit) && limit >= 1 && limit <= SYNC_LIMITS.maxPullLimit;
    refuseUnless(isLimitValid, `limit ${limit}`);
    const after = this.stored(collection).filter((document) => document.seq > since);
    const documents = after.slice(0, limit);
    return { documents, checkpoint: documents.at(-1)?.seq ?? since, hasMore: after.length > limit };
  }

  /** P-PUSH-1/2: atomic, row by row in order; a malformed push is refused whole. */
  push(collection: SyncedCollection, rows: readonly PushRow[]): PushOutcome {
    refuseUnless(rows.length >= 1 && rows.length <= SYNC_LIMITS.maxPushRows, 'row count');
    const parsed = rows.map((row) => {
      const result = pushRowSchema.safeParse(row);
      if (!result.success)
        throw new MemorySyncRemoteError(`malformed row: ${result.error.message}`);
      refuseUnless(result.data.envelope.collection === collection, 'a row of another collection');
      return result.data;
    });
    const written: { id: string; version: number; seq: number }[] = [];
    const conflicts: StoredEnvelope[] = [];
    const documents: StoredEnvelope[] = [];
    for (const { assumedVersion, envelope } of parsed) {
      const address = `${collection}/${envelope.id}`;
      const current = this.documents.get(address);
      if ((current?.version ?? 0) !== assumedVersion) {
        // A row assuming a document that does not exist is refused with nothing to show.
        if (current !== undefined) conflicts.push(current);
        continue;
      }
      const next = { ...envelope, seq: ++this.head };
      this.documents.set(address, next);
      written.push({ id: next.id, version: next.version, seq: next.seq });
      documents.push(next);
    }
    if (documents.length > 0) {
      const event = { type: 'changes', collection, documents, checkpoint: this.head } as const;
      for (const device of this.devices) device.hear(structuredClone(event));
    }
    return structuredClone({ written, conflicts });
  }

  readKey(): KeyRecord | null {
    return structuredClone(this.key);
  }

  /** P-KEY-2: compare-and-set on the revision. */
  writeKey(assumedRevision: number, record: KeyRecord): KeyOutcome {
    const parsed = keyRecordSchema.safeParse(record);
    refuseUnless(parsed.success && record.revision === assumedRevision + 1, 'malformed key record');
    if ((this.key?.revision ?? 0) !== assumedRevision)
      return { stored: false, record: this.readKey() };
    this.key = parsed.data;
    return { stored: true, record: this.readKey() };
  }
}

/**
 * One device's connection to a MemorySyncServer. Answers always come later than the call, as
 * over a network. `goOffline()` makes requests reject and live events go missing until
 * `goOnline()`, which then tells listeners to `resync` (P-LIVE-2), as a reconnection does.
 */
export class MemorySyncRemote implements SyncRemote {
  private isOnline = true;
  private readonly listeners = new Set<(event: RemoteEvent) => void>();

  constructor(private readonly server: MemorySyncServer) {
    server.attach(this);
  }

  goOffline(): void {
    this.isOnline = false;
  }

  goOnline(): void {
    if (this.isOnline) return;
    this.isOnline = true;
    this.emitLater({ type: 'resync' });
  }

  pull(collection: SyncedCollection, since: number, limit: number): Promise<RemotePage> {
    return this.request(() => this.server.pull(collection, since, limit));
  }

  push(collection: SyncedCollection, rows: readonly PushRow[]): Promise<PushOutcome> {
    return this.request(() => this.server.push(collection, rows));
  }

  readKey(): Promise<KeyRecord | null> {
    return this.request(() => this.server.readKey());
  }

  writeKey(assumedRevision: number, record: KeyRecord): Promise<KeyOutcome> {
    return this.request(() => this.server.writeKey(assumedRevision, record));
  }

  listen(listener: (event: RemoteEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** The server's side: a write to this account, this device's own included (P-LIVE-1). */
  hear(event: RemoteEvent): void {
    if (this.isOnline) this.emitLater(event);
  }

  private async request<T>(serve: () => T): Promise<T> {
    await Promise.resolve();
    if (!this.isOnline) throw new MemorySyncRemoteError('offline');
    return serve();
  }

  private emitLater(event: RemoteEvent): void {
    queueMicrotask(() => {
      if (!this.isOnline) return;
      for (const listener of [...this.listeners]) listener(event);
    });
  }
}

function refuseUnless(condition: boolean, why: string): asserts condition {
  if (!condition) throw new MemorySyncRemoteError(`refused: ${why}`);
}
