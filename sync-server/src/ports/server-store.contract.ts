import { afterEach, describe, expect, it } from 'vitest';
import type { ServerStore, StoreKind } from './server-store.ts';
import { STORE_FAILURE_REASONS } from './server-store.ts';

export interface ServerStoreFactories {
  readonly kind: StoreKind;
  /** A fresh, isolated store over a working backend. */
  readonly makeStore: () => Promise<ServerStore>;
  /** A store whose backend is gone (closed port, deleted directory): health must say so. */
  readonly makeBrokenStore: () => Promise<ServerStore>;
}

/**
 * The acceptance suite every ServerStore adapter runs (conventions §3). It grows with the port:
 * each new method gets its rules here, not in one adapter's tests.
 */
export function describeServerStoreContract(name: string, factories: ServerStoreFactories): void {
  describe(`ServerStore contract: ${name}`, () => {
    const opened: ServerStore[] = [];
    const open = async (make: () => Promise<ServerStore>): Promise<ServerStore> => {
      const store = await make();
      opened.push(store);
      return store;
    };

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    it('reports healthy, with its kind and a round-trip time', async () => {
      const store = await open(factories.makeStore);
      expect(store.kind).toBe(factories.kind);
      const health = await store.health();
      expect(health).toMatchObject({ kind: factories.kind, ok: true });
      expect(health.ok && health.latencyMs).toBeGreaterThanOrEqual(0);
    });

    it('answers concurrent health checks', async () => {
      const store = await open(factories.makeStore);
      const answers = await Promise.all(Array.from({ length: 20 }, () => store.health()));
      expect(answers.every((health) => health.ok)).toBe(true);
    });

    it('reports a broken backend as a value with a stable reason, without rejecting', async () => {
      const store = await open(factories.makeBrokenStore);
      const health = await store.health();
      expect(health.ok).toBe(false);
      expect(health.kind).toBe(factories.kind);
      expect(STORE_FAILURE_REASONS).toContain(!health.ok && health.reason);
    });

    it('closes idempotently and reports "closed" afterwards', async () => {
      const store = await open(factories.makeStore);
      await store.close();
      await store.close();
      expect(await store.health()).toEqual({ kind: factories.kind, ok: false, reason: 'closed' });
    });

    it('closes while its backend is broken', async () => {
      const store = await open(factories.makeBrokenStore);
      await store.health();
      await expect(store.close()).resolves.toBeUndefined();
    });
  });
}
