import { Cluster } from 'ioredis';
import type { Redis } from 'ioredis';
import type { Logger } from '../../log.ts';
import type { FeedListener, FeedSubscription } from '../../ports/change-log.ts';
import { DeadlineExceeded, withDeadline } from '../deadline.ts';
import { FeedListeners } from '../feed-listeners.ts';
import { parseFeedMessage } from './redis-change-log-replies.ts';

/** SSUBSCRIBE/SPUBLISH (Redis ≥ 7: a channel lives on its slot's shard) or the classic pair. */
export type PubSubMode = 'sharded' | 'classic';

/**
 * The receiving side of the users' feed channels for one ChangeLog instance: one subscriber
 * connection (for a Cluster, ioredis keeps one per master), one channel per user who has at
 * least one listener here, dropped when the last one leaves.
 *
 * Subscribing and unsubscribing a channel go through a queue per channel, and each step
 * reconciles the wanted state (listeners or not) with the live one, so that any interleaving of
 * subscribe/unsubscribe calls ends with the channel subscribed iff it has listeners.
 *
 * When the connection drops, Redis forgets the subscriptions and publishes made meanwhile are
 * lost. Once it is back, every live channel is subscribed again and then every listener is told
 * `interrupted` (P-LIVE-2), so its client pulls what it may have missed.
 */
/** How long one (un)subscribe may take before the step gives up (and is retried later). */
const SEND_DEADLINE_MS = 5_000;

export class RedisChangeFeed {
  private readonly listeners: FeedListeners;
  private readonly userByChannel = new Map<string, string>();
  private readonly liveChannels = new Set<string>();
  private readonly queues = new Map<string, Promise<void>>();
  private isInterrupted = false;
  private isClosed = false;
  private readonly ready = new Readiness();

  constructor(
    private readonly connection: Redis | Cluster,
    private readonly pubSubMode: () => Promise<PubSubMode>,
    private readonly log: Logger,
  ) {
    this.listeners = new FeedListeners(log, 'redis change feed');
    const onMessage = (channel: string, message: string) => this.dispatch(channel, message);
    connection.on('smessage', onMessage);
    connection.on('message', onMessage);
    // Without a listener ioredis prints every failed reconnection; loss and return are logged below.
    connection.on('error', (error: Error) => log.debug(`redis change feed: ${error.message}`));
    if (connection instanceof Cluster) {
      // A subscriber connection of the cluster ended (node restart, failover). ioredis replaces
      // it and subscribes its channels again, then says `subscribersReady` (sharded mode); the
      // classic subscriber reconnects on its own and says nothing, so restore at once there.
      connection.on('-node', () => {
        this.noteLost();
        void this.pubSubMode().then(
          (mode) => (mode === 'classic' ? this.restore() : undefined),
          () => {},
        );
      });
      connection.on('subscribersReady', () => void this.restore());
    } else {
      connection.on('close', () => this.noteLost());
      connection.on('ready', () => void this.restore());
    }
  }

  async subscribe(
    user: string,
    channel: string,
    listener: FeedListener,
  ): Promise<FeedSubscription> {
    if (this.isClosed) throw new Error('the change log is closed');
    const remove = this.listeners.add(user, listener);
    this.userByChannel.set(channel, user);
    let isSubscribed = true;
    // The listener goes at once. Dropping the channel is Redis's part: if Redis is away, the
    // channel stays marked live and goes when the connection is restored; the caller, who
    // could do nothing about it, is not told.
    const unsubscribe = async () => {
      if (!isSubscribed) return;
      isSubscribed = false;
      remove();
      if (this.isClosed) return;
      await this.reconcile(channel).catch((error: unknown) => {
        this.log.warn(`redis change feed: could not unsubscribe ${channel}: ${String(error)}`);
      });
    };
    try {
      await this.reconcile(channel);
    } catch (error) {
      await unsubscribe();
      throw error;
    }
    if (!this.liveChannels.has(channel)) {
      await unsubscribe();
      throw new Error('the feed subscription did not take');
    }
    return { unsubscribe };
  }

  close(): void {
    this.isClosed = true;
    this.listeners.clear();
    this.userByChannel.clear();
    this.liveChannels.clear();
    this.connection.disconnect();
  }

  /** Queued per channel; see the class comment. */
  private reconcile(channel: string): Promise<void> {
    const step = async () => {
      const user = this.userByChannel.get(channel);
      const isWanted = user !== undefined && this.listeners.has(user) && !this.isClosed;
      const isLive = this.liveChannels.has(channel);
      // Checked and updated before any await: a subscribe() that comes later sets it again.
      if (!isWanted) this.userByChannel.delete(channel);
      if (isWanted && !isLive) {
        await this.send('subscribe', channel);
        this.liveChannels.add(channel);
      } else if (!isWanted && isLive) {
        this.liveChannels.delete(channel);
        await this.send('unsubscribe', channel).catch((error: unknown) => {
          this.liveChannels.add(channel);
          throw error;
        });
      } else if (isWanted && this.isInterrupted) {
        // Restoring: Redis forgot this channel when the connection dropped.
        await this.send('subscribe', channel);
      }
    };
    const next = (this.queues.get(channel) ?? Promise.resolve()).then(step);
    const tail = next.catch(() => {});
    this.queues.set(channel, tail);
    void tail.then(() => {
      if (this.queues.get(channel) === tail) this.queues.delete(channel);
    });
    return next;
  }

  /**
   * Bounded: a command caught in a connection that died under it may never be answered, and
   * the channel's queue (and every device of that user) would wait behind it forever. A late
   * success is harmless: subscribing twice is a no-op in Redis.
   */
  private send(action: 'subscribe' | 'unsubscribe', channel: string): Promise<void> {
    return withDeadline(this.sendNow(action, channel), SEND_DEADLINE_MS).catch((error: unknown) => {
      // Seen after a Redis crash mid-handshake: the connection never gets back to `ready`. A
      // fresh connection does; its `ready` restores every channel (the feed is interrupted).
      if (error instanceof DeadlineExceeded && !(this.connection instanceof Cluster)) {
        this.log.warn('redis change feed: subscriber unresponsive; reconnecting it');
        this.noteLost(true);
        this.connection.disconnect(true);
      }
      throw error;
    });
  }

  private async sendNow(action: 'subscribe' | 'unsubscribe', channel: string): Promise<void> {
    const isSharded = (await this.pubSubMode()) === 'sharded';
    if (!(this.connection instanceof Cluster)) await this.ready.of(this.connection);
    if (action === 'subscribe') {
      await (isSharded ? this.connection.ssubscribe(channel) : this.connection.subscribe(channel));
    } else {
      await (isSharded
        ? this.connection.sunsubscribe(channel)
        : this.connection.unsubscribe(channel));
    }
  }

  private noteLost(evenWithoutChannels = false): void {
    if (this.isClosed || this.isInterrupted) return;
    if (this.liveChannels.size === 0 && !evenWithoutChannels) return;
    this.isInterrupted = true;
    this.log.warn('redis change feed: subscriber connection lost; live changes may be missed');
  }

  /** Subscribes every live channel again, then tells every listener; retried on the next sign. */
  private async restore(): Promise<void> {
    if (!this.isInterrupted || this.isClosed) return;
    try {
      await Promise.all([...this.liveChannels].map((channel) => this.reconcile(channel)));
    } catch (error) {
      this.log.warn(`redis change feed: could not subscribe again yet: ${String(error)}`);
      return;
    }
    if (!this.isInterrupted || this.isClosed) return;
    this.isInterrupted = false;
    this.log.info('redis change feed: subscribed again; telling listeners to catch up');
    this.listeners.deliverToAll({ type: 'interrupted' });
  }

  private dispatch(channel: string, message: string): void {
    const user = this.userByChannel.get(channel);
    if (user === undefined || this.isClosed) return;
    const event = parseFeedMessage(message);
    if (event === undefined) {
      this.log.error(`redis change feed: dropped a malformed message on ${channel}`);
      return;
    }
    this.listeners.deliver(user, event);
  }
}

/**
 * ioredis sends (S)SUBSCRIBE as soon as the socket is up, before its ready check (INFO) has
 * answered; the INFO then fails in subscriber mode and ioredis drops the connection. So a
 * subscription waits for `ready`, connecting first if the connection is lazy. (A Cluster's
 * shard subscribers skip the ready check.) A connection error rejects: Redis is away.
 * Concurrent subscriptions share one wait, so a burst of sockets adds one set of listeners.
 */
class Readiness {
  private waiting: Promise<void> | null = null;

  of(connection: Redis): Promise<void> {
    if (connection.status === 'ready') return Promise.resolve();
    if (connection.status === 'end') {
      return Promise.reject(new Error('the feed connection was closed'));
    }
    this.waiting ??= new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        connection.off('ready', onReady).off('error', onError).off('end', onEnd);
        this.waiting = null;
        if (error === undefined) resolve();
        else reject(error);
      };
      const onReady = () => settle();
      const onError = (error: Error) => settle(error);
      const onEnd = () => settle(new Error('the feed connection was closed'));
      connection.on('ready', onReady).on('error', onError).on('end', onEnd);
      // Failures arrive as the `error` event too.
      if (connection.status === 'wait') connection.connect().catch(() => {});
    });
    return this.waiting;
  }
}
