import { describe, expect, it } from 'vitest';
import { describeSessionStoreContract } from '../../ports/session-store.contract.ts';
import { LocalStorageSessionStore } from './LocalStorageSessionStore.ts';
import { MapStorage } from './map-storage.ts';

describeSessionStoreContract('localStorage', () => new LocalStorageSessionStore(new MapStorage()));

describe('LocalStorageSessionStore', () => {
  it('treats unreadable saved data as signed out', () => {
    const storage = new MapStorage();
    const store = new LocalStorageSessionStore(storage);
    storage.setItem('tirelire.session', '{not json');
    expect(store.read()).toBeNull();
    storage.setItem('tirelire.session', JSON.stringify({ email: 'a@b.c' }));
    expect(store.read()).toBeNull();
  });
});
