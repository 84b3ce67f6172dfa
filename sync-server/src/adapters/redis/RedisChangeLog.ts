import { Cluster } from 'ioredis';
import type { Redis } from 'ioredis';
import {
  SYNCED_COLLECTIONS,
  type KeyRecord,
  type PushRow,
  type SyncedCollection,
} from '@tirelire/shared/protocol';
import type { Logger } from '../../log.ts';
import { withDeadline } from '../deadline.ts';
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
  envelopeFields,
} from '../change-log-rows.ts';
import { deleteUserScript, pullScript, pushScript, writeKeyScript } from './lua/sync-scripts.ts';
import { RedisChangeFeed, type PubSubMode } from './redis-change-feed.ts';
import {
  parseCounter,
  parseKeyRecord,
  parseKeyWriteReply,
  parsePullReply,
  parsePushReply,
} from './redis-change-log-replies.ts';

export interface RedisChangeLogOptions {
  /** Runs commands and scripts. It belongs to the caller, who connects and closes it. */
  readonly client: Redis | Cluster;
  /**
   * Makes this instance's subscriber connection, which the change log owns and closes. A
   * subscribed connection can run nothing else, hence its own. Default: a copy of `client`
   * (for a Cluster, with `shardedSubscribers`, which SSUBSCRIBE needs).
   */
  readonly openSubscriber?: () => Redis | Cluster;
  /** Starts every key; must not contain `{` (see RedisAuthStore, whose tag this shares). */
  readonly keyPrefix: string;
  readonly log: Logger;
}

/**
 * Each user's change log in Redis, shared by every server process. Key layout (P = keyPrefix),
 * all under the user's hash tag, the same as RedisAuthStore's, so one account's auth and sync
 * keys and its feed channel are on one Cluster slot:
 *   P{u:<id>}:docs:<collection>  hash  id → stored envelope JSON (with its seq)
 *   P{u:<id>}:ver:<collection>   hash  id → version (so Lua compares versions without JSON)
 *   P{u:<id>}:log:<collection>   zset  id, score seq (one entry per document: its latest write)
 *   P{u:<id>}:seq                the user's last seq
 *   P{u:<id>}:key                hash  revision, record (the wrapped data key, JSON)
 *   P{u:<id>}:feed               channel: `changes` from the push script, announcements
 * Every write is one Lua script (lua/sync-scripts.ts), which also publishes its feed event, so
 * the event order is the seq order and no event is ever sent for a write that did not happen.
 */
export class RedisChangeLog implements ChangeLog {
  private readonly feed: RedisChangeFeed;
  private pubSubMode: Promise<PubSubMode> | undefined;
  private isClosed = false;

  constructor(private readonly options: RedisChangeLogOptions) {
    if (options.keyPrefix.includes('{')) throw new Error('the key prefix must not contain "{"');
    const openSubscriber = options.openSubscriber ?? (() => duplicateForFeed(options.client));
    this.feed = new RedisChangeFeed(openSubscriber(), () => this.detectPubSub(), options.log);
  }

  async push(
    user: string,
    collection: SyncedCollection,
    rows: readonly PushRow[],
  ): Promise<PushOutcome> {
    this.checkOpen(user);
    checkPushRows(collection, rows);
    if (rows.length === 0) return { written: [], conflicts: [] };
    const args: (string | number)[] = [await this.publishCommand(), this.feedChannel(user)];
    args.push(collection);
    for (const { assumedVersion, envelope } of rows) {
      // The stored JSON is built in Lua by appending `,"seq":N}` to this.
      const json = JSON.stringify(envelopeFields(envelope));
      args.push(envelope.id, assumedVersion, json.slice(0, -1));
    }
    const keys = this.collectionKeys(user, collection);
    const reply = await bounded(
      pushScript.run(this.options.client, [...keys, this.key(user, 'seq')], args),
    );
    return parsePushReply(reply);
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
    const [docs, , log] = this.collectionKeys(user, collection);
    const reply = await bounded(pullScript.run(this.options.client, [docs, log], [since, limit]));
    return parsePullReply(reply, since);
  }

  async head(user: string): Promise<number> {
    this.checkOpen(user);
    return parseCounter(await bounded(this.options.client.get(this.key(user, 'seq'))));
  }

  async readKey(user: string): Promise<KeyRecord | null> {
    this.checkOpen(user);
    return parseKeyRecord(await bounded(this.options.client.hget(this.key(user, 'key'), 'record')));
  }

  async writeKey(
    user: string,
    assumedRevision: number,
    record: KeyRecord,
  ): Promise<KeyWriteOutcome> {
    this.checkOpen(user);
    checkKeyRevision(assumedRevision, record);
    const args = [assumedRevision, record.revision, JSON.stringify(record)];
    const reply = await bounded(
      writeKeyScript.run(this.options.client, [this.key(user, 'key')], args),
    );
    return parseKeyWriteReply(reply);
  }

  async subscribe(user: string, listener: FeedListener): Promise<FeedSubscription> {
    this.checkOpen(user);
    return this.feed.subscribe(user, this.feedChannel(user), listener);
  }

  async announce(user: string, notice: RevokedEvent): Promise<void> {
    this.checkOpen(user);
    const { type, reason, jti } = notice;
    const message = JSON.stringify({ type, reason, jti });
    const channel = this.feedChannel(user);
    if ((await this.publishCommand()) === 'SPUBLISH') {
      await bounded(this.options.client.spublish(channel, message));
    } else {
      await bounded(this.options.client.publish(channel, message));
    }
  }

  async deleteUser(user: string): Promise<void> {
    this.checkOpen(user);
    const keys = SYNCED_COLLECTIONS.flatMap((collection) => this.collectionKeys(user, collection));
    keys.push(this.key(user, 'seq'), this.key(user, 'key'));
    const revoked: RevokedEvent = { type: 'revoked', reason: 'account_deleted', jti: null };
    const args = [await this.publishCommand(), this.feedChannel(user), JSON.stringify(revoked)];
    await bounded(deleteUserScript.run(this.options.client, keys, args));
  }

  /** Closes the subscriber connection; the command client is the caller's. */
  close(): Promise<void> {
    if (!this.isClosed) {
      this.isClosed = true;
      this.feed.close();
    }
    return Promise.resolve();
  }

  private checkOpen(user: string): void {
    if (this.isClosed) throw new Error('the change log is closed');
    checkUserId(user);
  }

  /** Asked once (again only if asking failed): SPUBLISH exists from Redis 7. */
  private detectPubSub(): Promise<PubSubMode> {
    this.pubSubMode ??= bounded(this.options.client.call('COMMAND', 'INFO', 'SPUBLISH'))
      .then((reply): PubSubMode => {
        const mode = Array.isArray(reply) && Array.isArray(reply[0]) ? 'sharded' : 'classic';
        this.options.log.info(`redis change log: ${mode} pub/sub`);
        return mode;
      })
      .catch((error: unknown) => {
        this.pubSubMode = undefined;
        throw error;
      });
    return this.pubSubMode;
  }

  private async publishCommand(): Promise<'SPUBLISH' | 'PUBLISH'> {
    return (await this.detectPubSub()) === 'sharded' ? 'SPUBLISH' : 'PUBLISH';
  }

  private key(user: string, name: string): string {
    return `${this.options.keyPrefix}{u:${user}}:${name}`;
  }

  /** docs, ver, log: in the order the scripts expect them. */
  private collectionKeys(user: string, collection: SyncedCollection): [string, string, string] {
    return ['docs', 'ver', 'log'].map((kind) => this.key(user, `${kind}:${collection}`)) as [
      string,
      string,
      string,
    ];
  }

  private feedChannel(user: string): string {
    return this.key(user, 'feed');
  }
}

function duplicateForFeed(client: Redis | Cluster): Redis | Cluster {
  return client instanceof Cluster
    ? client.duplicate([], { shardedSubscribers: true })
    : client.duplicate();
}

/**
 * Every command has a deadline. Seen in the fuzz suite (integration/): a command sent while the
 * connection was being re-established after a Redis crash was never answered nor failed, and
 * everything waiting on it (a user's pushes, the pub/sub detection) waited forever. Failing
 * instead lets the device retry; a late success is harmless, since every write is a version
 * check (a retried push finds its own write and resolves as no conflict).
 */
const COMMAND_DEADLINE_MS = 5_000;

function bounded<T>(command: Promise<T>): Promise<T> {
  return withDeadline(command, COMMAND_DEADLINE_MS);
}
