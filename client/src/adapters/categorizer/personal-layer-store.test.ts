import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { IndexedDbPersonalLayerStore } from './personal-layer-store.ts';

describe('IndexedDbPersonalLayerStore', () => {
  it('has nothing at first, then keeps one record, typed arrays included', async () => {
    const indexedDb = new IDBFactory();
    const store = new IndexedDbPersonalLayerStore(indexedDb);
    expect(await store.load()).toBeNull();
    const layer = { classes: ['pets'], weights: new Float32Array([0.5, -1]), trainedOn: 3 };
    await store.save(layer);
    await store.save({ ...layer, trainedOn: 4 });
    store.close();
    const reopened = new IndexedDbPersonalLayerStore(indexedDb);
    expect(await reopened.load()).toEqual({ ...layer, trainedOn: 4 });
    reopened.close();
  });

  it('rejects when IndexedDB cannot open, and tries again next time', async () => {
    let attempts = 0;
    const broken = {
      open: () => {
        attempts += 1;
        throw new Error('SecurityError');
      },
    } as unknown as IDBFactory;
    const store = new IndexedDbPersonalLayerStore(broken);
    await expect(store.load()).rejects.toThrow('SecurityError');
    await expect(store.save({})).rejects.toThrow('SecurityError');
    expect(attempts).toBe(2);
  });
});
