import { describe, expect, it } from 'vitest';
import { describePreferenceStoreContract } from '../../ports/preference-store.contract.ts';
import { LocalStoragePreferenceStore } from './LocalStoragePreferenceStore.ts';
import { MapStorage } from './map-storage.ts';

describePreferenceStoreContract(
  'localStorage',
  () => new LocalStoragePreferenceStore(new MapStorage()),
);

describe('LocalStoragePreferenceStore', () => {
  it('treats unreadable saved data as nothing saved', () => {
    const storage = new MapStorage();
    const store = new LocalStoragePreferenceStore(storage);
    storage.setItem('tirelire.preferences', '{not json');
    expect(store.read()).toBeNull();
    storage.setItem('tirelire.preferences', JSON.stringify({ language: 'de', theme: 'dark' }));
    expect(store.read()).toBeNull();
  });
});
