import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeyRecord, PushRow, SyncedCollection } from '@tirelire/shared/protocol';
import type { Logger } from '../../log.ts';
import type {
  ChangeLog,
  FeedListener,
  FeedSubscription,
  KeyWriteOutcome,
  PullPage,
  PushOutcome,
  RevokedEvent,
} from '../../ports/change-log.ts';
import {
  checkCollection,
  checkKeyRevision,
  checkPullWindow,
  checkPushRows,
  checkUserId,
} from '../change-log-rows.ts';
import { FeedListeners } from '../feed-listeners.ts';
import { ChangeJournal } from './change-journal.ts';
import { ChangeLogState } from './change-log-state.ts';

export const CHANGE_LOG_FILE = 'change-log.jsonl';

export interface EmbeddedChangeLogOptions {
  readonly dataDir: string;
  readonly log: Logger;
  /**
   * The journal is compacted once it passes this size and twice its last compacted size (so a
   * large state is not rewritten after every push). Default 16 MiB.
   */
  readonly compactAtBytes?: number;
}

/**
 * The change log for a single server process: state in memory (change-log-state.ts), every
 * change appended to a journal and fsync'd before it is acknowledged (change-journal.ts), the
 * feed delivered to in-process listeners. Writes run one at a time, each from its check to its
 * feed event, so pushes are atomic and concurrent ones never both win a version. One process
 * per data directory: nothing here arbitrates between two.
 */
export class EmbeddedChangeLog implements ChangeLog {
  private readonly state = new ChangeLogState();
  private readonly listeners: FeedListeners;
  private journal: ChangeJournal | undefined;
  /** The write in progress and those queued behind it. */
  private writes: Promise<unknown> = Promise.resolve();
  private compactedBytes = 0;
  /** A deleted user's writes are still in the journal (a rewrite failed): erase at next delete. */
  private owesErasure = false;
  private closing: Promise<void> | undefined;

  private constructor(private readonly options: EmbeddedChangeLogOptions) {
    this.listeners = new FeedListeners(options.log, 'embedded change log');
  }

  static async open(options: EmbeddedChangeLogOptions): Promise<EmbeddedChangeLog> {
    await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    const changeLog = new EmbeddedChangeLog(options);
    const path = join(options.dataDir, CHANGE_LOG_FILE);
    changeLog.journal = await ChangeJournal.open(path, (step) => changeLog.state.apply(step));
    return changeLog;
  }

  push(user: string, collection: SyncedCollection, rows: readonly PushRow[]): Promise<PushOutcome> {
    return this.serially(user, async (journal) => {
      checkPushRows(collection, rows);
      const { written, conflicts } = this.state.planPush(user, collection, rows);
      const first = written[0];
      if (first !== undefined) {
        const step = { op: 'push', user, documents: written } as const;
        await journal.append(step);
        this.state.apply(step);
        const afterSeq = first.seq - 1;
        this.listeners.deliver(user, { type: 'changes', collection, afterSeq, documents: written });
      }
      const summary = written.map(({ id, version, seq }) => ({ id, version, seq }));
      return { written: summary, conflicts };
    });
  }

  async pull(
    user: string,
    collection: SyncedCollection,
    since: number,
    limit: number,
  ): Promise<PullPage> {
    this.checkOpen(user);
    checkCollection(collection);
    checkPullWindow(since, limit);
    return Promise.resolve(this.state.pull(user, collection, since, limit));
  }

  async head(user: string): Promise<number> {
    this.checkOpen(user);
    return Promise.resolve(this.state.head(user));
  }

  async readKey(user: string): Promise<KeyRecord | null> {
    this.checkOpen(user);
    return Promise.resolve(this.state.key(user));
  }

  writeKey(user: string, assumedRevision: number, record: KeyRecord): Promise<KeyWriteOutcome> {
    return this.serially(user, async (journal) => {
      checkKeyRevision(assumedRevision, record);
      const current = this.state.key(user);
      if ((current?.revision ?? 0) !== assumedRevision) return { stored: false, record: current };
      const step = { op: 'key', user, record } as const;
      await journal.append(step);
      this.state.apply(step);
      return { stored: true, record };
    });
  }

  async subscribe(user: string, listener: FeedListener): Promise<FeedSubscription> {
    this.checkOpen(user);
    const remove = this.listeners.add(user, listener);
    return Promise.resolve({
      unsubscribe: () => {
        remove();
        return Promise.resolve();
      },
    });
  }

  async announce(user: string, notice: RevokedEvent): Promise<void> {
    this.checkOpen(user);
    const { type, reason, jti } = notice;
    this.listeners.deliver(user, { type, reason, jti });
    return Promise.resolve();
  }

  /**
   * The journal still holds the user's past writes after the delete step: it is rewritten at
   * once, so that when this resolves nothing of the user is left on disk either.
   */
  deleteUser(user: string): Promise<void> {
    return this.serially(user, async (journal) => {
      if (this.state.has(user)) {
        const step = { op: 'delete', user } as const;
        await journal.append(step);
        this.state.apply(step);
        this.owesErasure = true;
      }
      if (this.owesErasure) {
        await journal.rewrite(this.state.steps());
        this.compactedBytes = journal.bytes;
        this.owesErasure = false;
      }
      this.listeners.deliver(user, { type: 'revoked', reason: 'account_deleted', jti: null });
    });
  }

  /** Lets queued writes finish, then closes the journal. */
  close(): Promise<void> {
    this.closing ??= this.writes.then(async () => {
      this.listeners.clear();
      await this.journal?.close();
    });
    return this.closing;
  }

  private checkOpen(user: string): void {
    if (this.closing !== undefined) throw new Error('the change log is closed');
    checkUserId(user);
  }

  /**
   * Runs `write` after every write queued before it; a failed write does not block the next.
   */
  private async serially<T>(
    user: string,
    write: (journal: ChangeJournal) => Promise<T>,
  ): Promise<T> {
    // Checked now, not when the write's turn comes: close() must see every write queued.
    this.checkOpen(user);
    const journal = this.journal;
    if (journal === undefined) throw new Error('the change log is not open');
    const result = this.writes.then(() => write(journal));
    // Compaction takes the next turn, so the write resolves without waiting for it.
    this.writes = result.then(
      () => this.compactIfLarge(journal),
      () => {},
    );
    return result;
  }

  /** Compaction failing is not the write's failure: the journal is still whole, only long. */
  private async compactIfLarge(journal: ChangeJournal): Promise<void> {
    const threshold = Math.max(
      this.options.compactAtBytes ?? 16 * 1024 * 1024,
      2 * this.compactedBytes,
    );
    if (journal.bytes <= threshold) return;
    try {
      await journal.rewrite(this.state.steps());
      this.compactedBytes = journal.bytes;
      this.owesErasure = false;
    } catch (error) {
      this.options.log.warn(`embedded change log: compaction failed: ${String(error)}`);
    }
  }
}
