import { describe, expect, it } from 'vitest';
import { describeStartupSnapshotStoreContract } from '../../ports/startup-snapshot-store.contract.ts';
import { LocalStorageStartupSnapshotStore } from './LocalStorageStartupSnapshotStore.ts';
import { MapStorage } from './map-storage.ts';

describeStartupSnapshotStoreContract(
  'localStorage',
  () => new LocalStorageStartupSnapshotStore(new MapStorage()),
);

describe('LocalStorageStartupSnapshotStore', () => {
  it('treats unreadable saved data as no snapshot', () => {
    const storage = new MapStorage();
    const store = new LocalStorageStartupSnapshotStore(storage);
    storage.setItem('tirelire.startup-snapshot', '{oops');
    expect(store.read()).toBeNull();
    storage.setItem(
      'tirelire.startup-snapshot',
      JSON.stringify({ accounts: [{ id: 'x' }], categories: [], balances: {} }),
    );
    expect(store.read()).toBeNull();
  });

  it('drops the snapshot rather than fail when storage is full', () => {
    const storage = new MapStorage();
    storage.setItem('tirelire.startup-snapshot', '{"stale":true}');
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const store = new LocalStorageStartupSnapshotStore(storage);
    store.write({ accounts: [], categories: [], balances: {} });
    expect(storage.getItem('tirelire.startup-snapshot')).toBeNull();
  });
});
