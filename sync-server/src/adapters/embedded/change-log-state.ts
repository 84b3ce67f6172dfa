import type {
  KeyRecord,
  PushRow,
  StoredEnvelope,
  SyncedCollection,
} from '@tirelire/shared/protocol';
import type { PullPage } from '../../ports/change-log.ts';
import { withSeq } from '../change-log-rows.ts';
import type { JournalStep } from './change-journal.ts';

interface UserLog {
  seq: number;
  key: KeyRecord | null;
  /**
   * Per collection, id → latest write. A Map iterates in insertion order, and a write is
   * re-inserted (delete, then set) with the highest seq so far: iteration order is seq order,
   * which is what pull needs, without sorting.
   */
  readonly collections: Map<SyncedCollection, Map<string, StoredEnvelope>>;
}

/** How many documents one compaction step carries, so no journal line grows huge. */
const DOCUMENTS_PER_STEP = 500;

/**
 * The embedded change log's state in memory. It changes only through `apply`, with steps that
 * are already on disk (or being replayed from it), so memory never runs ahead of the journal.
 */
export class ChangeLogState {
  private readonly users = new Map<string, UserLog>();

  apply(step: JournalStep): void {
    if (step.op === 'delete') {
      this.users.delete(step.user);
      return;
    }
    const log: UserLog = this.users.get(step.user) ?? { seq: 0, key: null, collections: new Map() };
    this.users.set(step.user, log);
    if (step.op === 'key') {
      // A copy: the caller keeps its object, and may change it.
      log.key = structuredClone(step.record);
      return;
    }
    for (const document of step.documents) {
      let documents = log.collections.get(document.collection);
      if (documents === undefined) {
        documents = new Map<string, StoredEnvelope>();
        log.collections.set(document.collection, documents);
      }
      documents.delete(document.id);
      // Frozen: pull, conflicts and the feed hand these out without copying them.
      documents.set(document.id, Object.freeze(document));
      log.seq = Math.max(log.seq, document.seq);
    }
  }

  has(user: string): boolean {
    return this.users.has(user);
  }

  head(user: string): number {
    return this.users.get(user)?.seq ?? 0;
  }

  key(user: string): KeyRecord | null {
    return this.users.get(user)?.key ?? null;
  }

  pull(user: string, collection: SyncedCollection, since: number, limit: number): PullPage {
    const page: StoredEnvelope[] = [];
    let hasMore = false;
    for (const document of this.users.get(user)?.collections.get(collection)?.values() ?? []) {
      if (document.seq <= since) continue;
      if (page.length === limit) {
        hasMore = true;
        break;
      }
      page.push(document);
    }
    return { documents: page, checkpoint: page.at(-1)?.seq ?? since, hasMore };
  }

  /**
   * What a push would do, without doing it: rows in order, each seeing the rows before it.
   * Returns the documents to write (with their seqs) and the stored documents of refused rows.
   */
  planPush(user: string, collection: SyncedCollection, rows: readonly PushRow[]) {
    const log = this.users.get(user);
    const stored = log?.collections.get(collection);
    /** The documents this push has written so far: later rows see them. */
    const planned = new Map<string, StoredEnvelope>();
    const written: StoredEnvelope[] = [];
    const conflicts: StoredEnvelope[] = [];
    let seq = log?.seq ?? 0;
    for (const { assumedVersion, envelope } of rows) {
      const existing = planned.get(envelope.id) ?? stored?.get(envelope.id);
      if ((existing?.version ?? 0) === assumedVersion) {
        const document = withSeq(envelope, ++seq);
        planned.set(envelope.id, document);
        written.push(document);
      } else if (existing !== undefined) {
        conflicts.push(existing);
      }
    }
    return { written, conflicts };
  }

  /** Steps that rebuild this state from an empty journal. */
  *steps(): Generator<JournalStep> {
    for (const [user, log] of this.users) {
      if (log.key !== null) yield { op: 'key', user, record: log.key };
      for (const documents of log.collections.values()) {
        const inOrder = [...documents.values()];
        for (let start = 0; start < inOrder.length; start += DOCUMENTS_PER_STEP) {
          yield { op: 'push', user, documents: inOrder.slice(start, start + DOCUMENTS_PER_STEP) };
        }
      }
    }
  }
}
