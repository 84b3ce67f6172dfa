import { Subject } from 'rxjs';
import type { RxCollection, RxReplicationPullStreamItem, WithDeleted } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import {
  SYNCED_COLLECTIONS,
  SYNC_LIMITS,
  type StoredEnvelope,
  type SyncedCollection,
} from '@tirelire/shared/protocol';
import type {
  LedgerReplication,
  ReplicationActivity,
  ReplicationRun,
} from '../../../ports/ledger-replication.ts';
import type { DocumentCipher } from '../../../ports/sync-keys.ts';
import type { RemotePage, SyncRemote } from '../../../ports/sync-remote.ts';
import type { LedgerDatabase } from '../database.ts';
import {
  SYNC_VERSION_FIELD,
  openEnvelope,
  sealRow,
  type ReplicatedDocument,
} from './envelope-codec.ts';

interface Checkpoint {
  readonly seq: number;
}

type Stream = Subject<RxReplicationPullStreamItem<ReplicatedDocument, Checkpoint>>;

/** RxDB retries a failed push or pull after this long (it also retries on every resync). */
const RETRY_MS = 2_000;
const PULL_BATCH = 500;

/**
 * RxDB's own replication (`replicateRxCollection`) for each synced collection, with handlers
 * that encrypt on the way out and decrypt on the way in. RxDB keeps the fork/master bookkeeping
 * in IndexedDB: writes made offline wait there, and pulls resume from the stored checkpoint.
 */
export class RxdbLedgerReplication implements LedgerReplication {
  constructor(private readonly database: LedgerDatabase) {}

  start(remote: SyncRemote, cipher: DocumentCipher, scope: string): ReplicationRun {
    const activity = new ActivityTracker();
    const streams = new Map<SyncedCollection, Stream>();
    const states: RxReplicationState<ReplicatedDocument, Checkpoint>[] = [];
    for (const collection of SYNCED_COLLECTIONS) {
      const stream: Stream = new Subject();
      streams.set(collection, stream);
      const rxCollection = this.database.collections[
        collection
      ] as unknown as RxCollection<ReplicatedDocument>;
      states.push(replicate(rxCollection, collection, { remote, cipher, scope, stream, activity }));
    }
    const delivery = new OrderedDelivery();
    const stopListening = remote.listen((event) => {
      if (event.type === 'resync') {
        delivery.enqueue(() => {
          for (const stream of streams.values()) stream.next('RESYNC');
        });
        return;
      }
      const documents = Promise.all(
        event.documents.map((envelope) => openSafely(cipher, envelope, activity)),
      );
      delivery.enqueue(async () => {
        const opened = (await documents).filter((document) => document !== null);
        streams
          .get(event.collection)
          ?.next({ documents: opened, checkpoint: { seq: event.checkpoint } });
      });
    });
    const subscriptions = states.map((state) =>
      state.error$.subscribe((error) =>
        activity.failed(describeError(error.parameters.errors?.[0] ?? error)),
      ),
    );
    return {
      resync: () => {
        for (const state of states) state.reSync();
      },
      settled: async () => {
        await Promise.all(states.map((state) => state.awaitInSync()));
      },
      onActivity: (listener) => activity.listen(listener),
      stop: async () => {
        stopListening();
        for (const subscription of subscriptions) subscription.unsubscribe();
        await Promise.all(states.map((state) => state.cancel()));
        for (const stream of streams.values()) stream.complete();
      },
    };
  }
}

interface ReplicationContext {
  readonly remote: SyncRemote;
  readonly cipher: DocumentCipher;
  readonly scope: string;
  readonly stream: Stream;
  readonly activity: ActivityTracker;
}

function replicate(
  collection: RxCollection<ReplicatedDocument>,
  name: SyncedCollection,
  { remote, cipher, scope, stream, activity }: ReplicationContext,
): RxReplicationState<ReplicatedDocument, Checkpoint> {
  /**
   * Versions this device wrote, by id. After a successful push RxDB remembers the pushed state
   * as the master's, without our version field; the next push of that document assumes the
   * version recorded here. (A state that came from a pull always carries its own version.)
   */
  const ownWrites = new Map<string, number>();
  const prefetch = new PagePrefetch((since, limit) => remote.pull(name, since, limit));
  return replicateRxCollection<ReplicatedDocument, Checkpoint>({
    collection,
    replicationIdentifier: `tirelire-sync-v1|${scope}|${name}`,
    live: true,
    retryTime: RETRY_MS,
    // Each tab replicates for itself: the tabs share storage, and the server settles overlaps.
    waitForLeadership: false,
    pull: {
      batchSize: PULL_BATCH,
      stream$: stream.asObservable(),
      handler: async (checkpoint, batchSize) => {
        let since = checkpoint?.seq ?? 0;
        const envelopes: StoredEnvelope[] = [];
        // RxDB stops pulling at a page shorter than batchSize; the server may cut pages early
        // (by bytes), so fill the batch or reach the end.
        for (;;) {
          const page = await prefetch.take(since, batchSize - envelopes.length);
          envelopes.push(...page.documents);
          since = page.checkpoint;
          if (!page.hasMore || envelopes.length >= batchSize) break;
        }
        // Catching up: fetch the next batch while this one is decrypted and stored.
        if (envelopes.length >= batchSize) prefetch.start(since, batchSize);
        const documents = await activity.during(envelopes.length, () =>
          Promise.all(envelopes.map((envelope) => openSafely(cipher, envelope, activity))),
        );
        return {
          documents: documents.filter((document) => document !== null),
          checkpoint: { seq: since },
        };
      },
    },
    push: {
      batchSize: SYNC_LIMITS.maxPushRows,
      handler: (rows) =>
        activity.during(rows.length, async () => {
          const sealed = await Promise.all(
            rows.map((row) => {
              const assumed = row.assumedMasterState;
              const version =
                assumed === undefined
                  ? 0
                  : typeof assumed[SYNC_VERSION_FIELD] === 'number'
                    ? assumed[SYNC_VERSION_FIELD]
                    : (ownWrites.get(assumed.id) ?? 0);
              return sealRow(cipher, name, row.newDocumentState, version);
            }),
          );
          const outcome = await remote.push(name, sealed);
          for (const written of outcome.written) ownWrites.set(written.id, written.version);
          const conflicts = await Promise.all(
            outcome.conflicts.map((envelope) => openSafely(cipher, envelope, activity)),
          );
          activity.succeeded();
          return conflicts.filter(
            (document): document is WithDeleted<ReplicatedDocument> => document !== null,
          );
        }),
    },
  });
}

/** A document that cannot be decrypted is skipped and reported, never stored as garbage. */
async function openSafely(
  cipher: DocumentCipher,
  envelope: StoredEnvelope,
  activity: ActivityTracker,
): Promise<WithDeleted<ReplicatedDocument> | null> {
  try {
    return await openEnvelope(cipher, envelope);
  } catch (error) {
    activity.failed(`cannot decrypt ${envelope.collection}/${envelope.id}: ${String(error)}`);
    return null;
  }
}

/**
 * One page requested ahead, while the previous one is decrypted and written: catching up on many
 * documents then costs about max(transfer, decrypt) instead of their sum. A page fetched early is
 * still a correct answer for its checkpoint (later writes have later `seq`s and come next).
 */
class PagePrefetch {
  private ahead: { since: number; limit: number; page: Promise<RemotePage> } | null = null;

  constructor(private readonly fetch: (since: number, limit: number) => Promise<RemotePage>) {}

  start(since: number, limit: number): void {
    const page = this.fetch(since, limit);
    // A failed prefetch is simply not used: take() asks again and reports that failure.
    page.catch(() => {});
    this.ahead = { since, limit, page };
  }

  take(since: number, limit: number): Promise<RemotePage> {
    const ahead = this.ahead;
    this.ahead = null;
    if (ahead !== null && ahead.since === since && ahead.limit === limit) {
      return ahead.page.catch(() => this.fetch(since, limit));
    }
    return this.fetch(since, limit);
  }
}

/** Live changes are decrypted concurrently but handed to RxDB in the order they arrived. */
class OrderedDelivery {
  private tail: Promise<void> = Promise.resolve();

  enqueue(deliver: () => void | Promise<void>): void {
    this.tail = this.tail.then(deliver).catch(() => {});
  }
}

class ActivityTracker {
  private inFlight = 0;
  private lastError: string | null = null;
  private readonly listeners = new Set<(activity: ReplicationActivity) => void>();

  listen(listener: (activity: ReplicationActivity) => void): () => void {
    this.listeners.add(listener);
    listener(this.snapshot());
    return () => this.listeners.delete(listener);
  }

  async during<T>(documents: number, work: () => Promise<T>): Promise<T> {
    this.inFlight += documents;
    this.notify();
    try {
      return await work();
    } finally {
      this.inFlight -= documents;
      this.notify();
    }
  }

  succeeded(): void {
    if (this.lastError === null) return;
    this.lastError = null;
    this.notify();
  }

  failed(message: string): void {
    this.lastError = message;
    this.notify();
  }

  private snapshot(): ReplicationActivity {
    return { documentsInFlight: this.inFlight, lastError: this.lastError };
  }

  private notify(): void {
    const snapshot = this.snapshot();
    for (const listener of [...this.listeners]) listener(snapshot);
  }
}

/** RxDB wraps handler failures; the first inner error says what actually went wrong. */
function describeError(error: unknown): string {
  return error instanceof Error ? error.message : 'replication failed';
}
