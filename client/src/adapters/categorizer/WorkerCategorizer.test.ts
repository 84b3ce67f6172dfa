import { expose } from 'comlink';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { describeCategorizerContract } from '../../ports/category-model.contract.ts';
import { IndexedDbPersonalLayerStore } from './personal-layer-store.ts';
import { TEST_MODEL_CLASSES, testCategorizerApi } from './test-categorizer.ts';
import { withPackedSuggestions } from './packed-suggestions.ts';
import { WorkerCategorizer } from './WorkerCategorizer.ts';

// The worker's side is the same API the real worker exposes; a MessageChannel stands in for the
// Worker object (structured clone and all), which Node lacks. The personal layer goes to a
// (fake) IndexedDB, one per device, as in the worker.
describeCategorizerContract('worker (comlink over a MessageChannel), TF.js wasm backend', {
  newDevice: () => new IDBFactory(),
  open: (indexedDb) => {
    const channel = new MessageChannel();
    const api = testCategorizerApi(new IndexedDbPersonalLayerStore(indexedDb), 'wasm');
    expose(withPackedSuggestions(api), channel.port1);
    return new WorkerCategorizer(channel.port2, () => {
      api.dispose();
      channel.port1.close();
      channel.port2.close();
    });
  },
  modelClasses: TEST_MODEL_CLASSES,
});

describe('WorkerCategorizer', () => {
  it('fails calls as unavailable, instead of hanging, once its worker has stopped', async () => {
    // Nobody answers on this channel: a worker whose script never loaded.
    const channel = new MessageChannel();
    let stop = (_reason: string) => {};
    const stopped = new Promise<string>((resolve) => (stop = resolve));
    const categorizer = new WorkerCategorizer(channel.port2, () => channel.port2.close(), stopped);
    const pending = categorizer.suggest([], {
      rules: [],
      memory: [],
      categories: [],
      autoApply: false,
    });
    stop('SyntaxError in categorizer.worker.js');
    expect(await pending).toEqual({
      ok: false,
      code: 'unavailable',
      message: 'The categoriser stopped: SyntaxError in categorizer.worker.js',
    });
    expect(await categorizer.ready()).toEqual({
      failed: 'The categoriser stopped: SyntaxError in categorizer.worker.js',
    });
    categorizer.close();
    channel.port1.close();
  });
});
