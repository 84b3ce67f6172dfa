import { Redis } from 'ioredis';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../../log.ts';
import type { ServerStore, StoreHealth } from '../../ports/server-store.ts';
import { DeadlineExceeded, withDeadline } from '../deadline.ts';

export interface RedisServerStoreOptions {
  readonly url: string;
  /**
   * Starts every key, so several deployments (or test runs) can share one Redis. Keys added
   * later will put the user id in a hash tag after it (`tirelire:{user}:…`) so one user's keys
   * stay on one cluster slot.
   */
  readonly keyPrefix: string;
  readonly log: Logger;
  readonly healthTimeoutMs?: number;
  readonly connectTimeoutMs?: number;
}

/**
 * The store for one or more server processes sharing a Redis. An unreachable Redis is a state,
 * not a crash: commands fail fast (no offline queue, one retry), `health()` reports it, and the
 * client reconnects in the background until `close()`.
 */
export class RedisServerStore implements ServerStore {
  readonly kind = 'redis';
  private isClosed = false;

  private constructor(
    private readonly client: Redis,
    readonly keyPrefix: string,
    private readonly healthTimeoutMs: number,
  ) {}

  /** Resolves once the first connection attempt is over, whether or not it succeeded. */
  static async open(options: RedisServerStoreOptions): Promise<RedisServerStore> {
    const { log } = options;
    const client = new Redis(options.url, {
      lazyConnect: true,
      connectTimeout: options.connectTimeoutMs ?? 2000,
      // Fail a command at once rather than queue it while Redis is away: the caller (a sync
      // request, a health probe) can answer "unavailable" now instead of hanging.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    let isUp = false;
    client.on('ready', () => {
      isUp = true;
      log.info('redis store: connected');
    });
    client.on('close', () => {
      if (isUp) log.warn('redis store: connection lost, reconnecting');
      isUp = false;
    });
    // Without a listener ioredis prints every failed reconnection; the state changes above are
    // what an operator needs.
    client.on('error', (error: Error) => log.debug(`redis store: ${error.message}`));
    await client.connect().catch((error: unknown) => {
      log.warn(`redis store: not reachable yet (${String(error)}); retrying in the background`);
    });
    return new RedisServerStore(client, options.keyPrefix, options.healthTimeoutMs ?? 1000);
  }

  async health(): Promise<StoreHealth> {
    if (this.isClosed) return { kind: this.kind, ok: false, reason: 'closed' };
    if (this.client.status !== 'ready')
      return { kind: this.kind, ok: false, reason: 'unreachable' };
    const started = performance.now();
    try {
      await withDeadline(this.client.ping(), this.healthTimeoutMs);
      return { kind: this.kind, ok: true, latencyMs: performance.now() - started };
    } catch (error) {
      const reason = error instanceof DeadlineExceeded ? 'timeout' : 'unreachable';
      return { kind: this.kind, ok: false, reason };
    }
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    if (this.client.status === 'ready') {
      // QUIT lets Redis finish what we sent; a Redis that stopped answering is just dropped.
      await withDeadline(this.client.quit(), this.healthTimeoutMs).catch(() => {});
    }
    // Also stops any pending reconnection, which would otherwise keep the process alive.
    this.client.disconnect();
  }
}
