import { defaultCategories } from '@tirelire/shared';
import { describe, expect, it } from 'vitest';
import type { LedgerChange } from '../../ports/ledger-store.ts';
import { describeLedgerStoreContract } from '../../ports/ledger-store.contract.ts';
import { MemoryLedgerDatabases } from '../memory/MemoryLedgerStore.ts';
import { DeferredLedgerStore } from './DeferredLedgerStore.ts';

const databases = new MemoryLedgerDatabases();
const later = <T>(value: Promise<T>) =>
  new Promise<T>((resolve) => setTimeout(() => resolve(value), 5));

describeLedgerStoreContract('DeferredLedgerStore over memory', (name) =>
  Promise.resolve(new DeferredLedgerStore(later(databases.open(name)))),
);

describe('DeferredLedgerStore', () => {
  it('delivers changes to listeners that subscribed before the store opened', async () => {
    const store = new DeferredLedgerStore(later(databases.open('early-listener')));
    const changes: LedgerChange[] = [];
    store.subscribe((change) => changes.push(change));
    const cancelled: LedgerChange[] = [];
    store.subscribe((change) => cancelled.push(change))();
    await store.saveCategories(defaultCategories(1));
    expect(changes.map((change) => change.kind)).toEqual(['categories']);
    expect(cancelled).toEqual([]);
    await store.close();
  });

  it('fails every call when the real store cannot open', async () => {
    const store = new DeferredLedgerStore(Promise.reject(new Error('IndexedDB is unavailable')));
    await expect(store.listAccounts()).rejects.toThrow('IndexedDB is unavailable');
  });
});
