import type {
  BulkWriteRow,
  EventBulk,
  PreparedQuery,
  RxDocumentData,
  RxJsonSchema,
  RxStorageBulkWriteResponse,
  RxStorageChangeEvent,
  RxStorageCountResult,
  RxStorageDefaultCheckpoint,
  RxStorageInstance,
  RxStorageQueryResult,
} from 'rxdb';
import type { RxStorageInstanceMemory } from 'rxdb/plugins/storage-memory';
import { Subject, type Observable, type Subscription } from 'rxjs';
import { primaryKeyOf } from './buckets.ts';
import type { RemoteWrite } from './cross-tab.ts';
import { remoteWriteRows, rollBack } from './memory-state.ts';
import type { Persistence } from './persistence.ts';

type ChangeBulk<T> = EventBulk<RxStorageChangeEvent<RxDocumentData<T>>, RxStorageDefaultCheckpoint>;

export interface MappedStorageInternals {
  /** The IndexedDB database holding this collection's buckets (for debugging). */
  readonly indexedDbName: string;
}

/** RxDB's per-collection storage options: the mapped storage has none. */
export type MappedInstanceOptions = Readonly<Record<string, never>>;

/**
 * One collection: every read is the memory storage's; every write goes to memory, then to the
 * buckets it touches, and resolves once those are committed.
 *
 * Writes, and the other tabs' writes this tab hears about, run one at a time through a queue:
 * a write is applied to memory only once the previous one is durable or rolled back. So a
 * failed write is undone exactly (nothing can have built on it), and a write based on a state
 * another tab has since changed is an ordinary RxDB conflict (409). Two tabs writing one
 * document before hearing of each other both succeed: the later transaction wins on disk and
 * every tab converges on it (write-order.ts).
 *
 * Change events of a local write are held until it is durable: no listener sees data that a
 * failure could still take back. Other tabs' writes are already durable and go out at once.
 */
export class MappedStorageInstance<RxDocType> implements RxStorageInstance<
  RxDocType,
  MappedStorageInternals,
  MappedInstanceOptions,
  RxStorageDefaultCheckpoint
> {
  readonly databaseName: string;
  readonly collectionName: string;
  readonly schema: Readonly<RxJsonSchema<RxDocumentData<RxDocType>>>;
  private readonly primaryPath: string;
  private readonly changes$ = new Subject<ChangeBulk<RxDocType>>();
  private readonly memoryChanges: Subscription;
  /** Memory events of the local write being applied, held until it is durable. */
  private held: ChangeBulk<RxDocType>[] | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private ending: Promise<void> | null = null;

  /** `memory` is this instance's own (private state), loaded from the buckets. */
  constructor(
    private readonly memory: RxStorageInstanceMemory<RxDocType>,
    private readonly persistence: Persistence,
    readonly internals: MappedStorageInternals,
    readonly options: MappedInstanceOptions,
  ) {
    ({ databaseName: this.databaseName, collectionName: this.collectionName } = memory);
    this.schema = memory.schema;
    this.primaryPath = String(memory.primaryPath);
    // The memory storage emits synchronously inside its bulkWrite, which is what lets us hold them.
    this.memoryChanges = memory.changeStream().subscribe((bulk) => {
      if (this.held) this.held.push(bulk);
      else this.changes$.next(bulk);
    });
    persistence.listen((write) => {
      this.enqueue(() => this.applyRemote(write)).catch((error: unknown) => {
        console.warn(`Could not apply another tab's write to ${this.collectionName}`, error);
      });
    });
  }

  bulkWrite(
    rows: BulkWriteRow<RxDocType>[],
    context: string,
  ): Promise<RxStorageBulkWriteResponse<RxDocType>> {
    if (this.ending) return Promise.reject(new Error(`${this.collectionName} is closed.`));
    return this.enqueue(() => this.writeDurably(rows, context));
  }

  findDocumentsById(ids: string[], withDeleted: boolean): Promise<RxDocumentData<RxDocType>[]> {
    return this.memory.findDocumentsById(ids, withDeleted);
  }

  query(query: PreparedQuery<RxDocType>): Promise<RxStorageQueryResult<RxDocType>> {
    return this.memory.query(query);
  }

  count(query: PreparedQuery<RxDocType>): Promise<RxStorageCountResult> {
    return this.memory.count(query);
  }

  getAttachmentData(documentId: string, attachmentId: string, digest: string): Promise<Blob> {
    return this.memory.getAttachmentData(documentId, attachmentId, digest);
  }

  changeStream(): Observable<ChangeBulk<RxDocType>> {
    return this.changes$.asObservable();
  }

  /** Purges old tombstones from memory, then from disk (if that fails, a later cleanup will). */
  cleanup(minimumDeletedTime: number): Promise<boolean> {
    return this.enqueue(async () => {
      this.memory.ensurePersistence();
      const documents = this.memory.internals.documents;
      const tombstones = [...documents].filter(([, document]) => document._deleted);
      const done = await this.memory.cleanup(minimumDeletedTime);
      const purged = tombstones.filter(([id]) => !documents.has(id)).map(([id]) => id);
      if (purged.length > 0) await this.persistence.purge(purged);
      return done;
    });
  }

  /** Lets queued writes finish, then releases memory, channel and connection. */
  close(): Promise<void> {
    this.ending ??= this.enqueue(() => this.shutDown());
    return this.ending;
  }

  /** Deletes the collection's buckets and its memory state. */
  remove(): Promise<void> {
    if (this.ending) return Promise.reject(new Error(`${this.collectionName} is closed.`));
    this.ending = this.enqueue(async () => {
      await this.persistence.clear();
      await this.memory.remove();
      await this.shutDown();
    });
    return this.ending;
  }

  private async writeDurably(
    rows: BulkWriteRow<RxDocType>[],
    context: string,
  ): Promise<RxStorageBulkWriteResponse<RxDocType>> {
    const [response, events] = this.holdingEvents(() => this.memory.bulkWrite(rows, context));
    // What memory accepted, in its stored state (_rev, _meta, _deleted included); conflicts are
    // in the response and were not applied, so they are not persisted either.
    const categorized = this.memory.categorizedByWriteInput.get(rows);
    const accepted = categorized
      ? [...categorized.bulkInsertDocs, ...categorized.bulkUpdateDocs]
      : [];
    if (accepted.length > 0) {
      const documents = new Map<string, unknown>();
      for (const row of accepted) {
        documents.set(primaryKeyOf(row.document, this.primaryPath), row.document);
      }
      try {
        await this.persistence.write(documents, context);
      } catch (error) {
        rollBack(this.memory, accepted);
        throw error;
      }
    }
    for (const bulk of events) this.changes$.next(bulk);
    return response;
  }

  private async applyRemote(write: RemoteWrite): Promise<void> {
    if (this.ending) return;
    const rows = remoteWriteRows(this.memory, write, this.persistence.order);
    // Not held: another tab's write is already durable. Not persisted again either.
    if (rows.length > 0) await this.memory.bulkWrite(rows, write.context);
  }

  /** Runs `write` with the memory's change events held back; returns them with its result. */
  private holdingEvents<T>(write: () => T): [T, ChangeBulk<RxDocType>[]] {
    const held: ChangeBulk<RxDocType>[] = [];
    this.held = held;
    try {
      return [write(), held];
    } finally {
      this.held = null;
    }
  }

  private async shutDown(): Promise<void> {
    this.memoryChanges.unsubscribe();
    this.changes$.complete();
    await this.memory.close();
    this.persistence.close();
  }

  private enqueue<T>(step: () => Promise<T>): Promise<T> {
    const run = this.queue.then(step);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
