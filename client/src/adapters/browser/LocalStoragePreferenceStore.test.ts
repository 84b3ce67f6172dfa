import { describe, expect, it } from 'vitest';
import { describePreferenceStoreContract } from '../../ports/preference-store.contract.ts';
import { LocalStoragePreferenceStore } from './LocalStoragePreferenceStore.ts';

/** A Map-backed Web Storage: the adapter only uses getItem/setItem, as localStorage provides. */
class MapStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}

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
