import * as tf from '@tensorflow/tfjs-core';
import { categoryId, isoDate } from '@tirelire/shared';
import { randomModelFiles } from '@tirelire/models/runtime';
import { describe, expect, it } from 'vitest';
import { createCategorizerApi } from './categorizer-api.ts';
import { loadDefaultModel } from './load-default-model.ts';
import type { PersonalLayerStore } from './personal-layer-store.ts';

const CLASSES = [categoryId('groceries'), categoryId('rent')];
const files = randomModelFiles({ buckets: 256, dim: 8, classes: CLASSES, seed: 4 });
const BASE = new URL('https://tirelire.example/models/default/');

/** A fake origin serving the model files (or not). */
function serve(contents: Record<string, unknown>) {
  const requested: string[] = [];
  const fetch = (url: URL) => {
    requested.push(url.pathname);
    const body = contents[url.pathname.slice('/models/default/'.length)];
    if (body === undefined) return Promise.resolve(new Response('missing', { status: 404 }));
    const bytes = body instanceof Uint8Array ? body : JSON.stringify(body);
    return Promise.resolve(new Response(bytes as BodyInit));
  };
  return { fetch, requested };
}

const served = {
  'manifest.json': files.manifest,
  'embedding.i8': files.embedding,
  'embedding-scale.f32': files.scale,
};

describe('loadDefaultModel', () => {
  it('fetches the three files from the model folder and loads them on wasm in Node', async () => {
    const origin = serve(served);
    const loaded = await loadDefaultModel({ baseUrl: BASE, fetch: origin.fetch });
    if (!loaded.ok) throw new Error(loaded.message);
    expect(origin.requested.sort()).toEqual([
      '/models/default/embedding-scale.f32',
      '/models/default/embedding.i8',
      '/models/default/manifest.json',
    ]);
    expect(loaded.value.backend).toBe('wasm');
    expect(loaded.value.modelVersion).toBe('random-4');
    loaded.value.dispose();
  });

  it('says what is missing or wrong', async () => {
    const missing = await loadDefaultModel({
      baseUrl: BASE,
      fetch: serve({ ...served, 'embedding.i8': undefined }).fetch,
    });
    expect(missing.ok ? '' : missing.message).toBe('/models/default/embedding.i8: HTTP 404');
    const offline = await loadDefaultModel({
      baseUrl: BASE,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    expect(offline.ok ? '' : offline.message).toMatch(/manifest\.json could not be fetched/);
    const damaged = await loadDefaultModel({
      baseUrl: BASE,
      fetch: serve({ ...served, 'embedding-scale.f32': new Uint8Array(3) }).fetch,
    });
    expect(damaged.ok ? null : damaged.code).toBe('invalid_model');
  });
});

describe('the categoriser API around the model', () => {
  const operations = [
    {
      id: 'op-1',
      rawLabel: 'CB MONOP 12/03',
      amountMinor: -1_250,
      accountId: 'acc',
      date: '2024-03-12',
    },
  ];
  const context = { rules: [], memory: [], categories: CLASSES, autoApply: false };
  const confirmed = [
    {
      rawLabel: 'CB MONOP',
      amountMinor: -100,
      date: isoDate('2024-03-01'),
      categoryId: CLASSES[0]!,
    },
  ];

  it('answers with rules and memory when the model cannot load', async () => {
    const api = createCategorizerApi({
      loadModel: () => loadDefaultModel({ baseUrl: BASE, fetch: serve({}).fetch }),
      personalLayers: { load: () => Promise.resolve(null), save: () => Promise.resolve() },
    });
    expect(await api.ready()).toEqual({ failed: '/models/default/manifest.json: HTTP 404' });
    expect(await api.suggest(operations, context)).toEqual({ ok: true, value: [null] });
    expect(await api.learn(confirmed, CLASSES)).toEqual({
      ok: true,
      value: { trainedOn: 0, ms: 0 },
    });
  });

  it('works without storage, and leaves no tensor behind call after call', async () => {
    const broken: PersonalLayerStore = {
      load: () => Promise.reject(new Error('no IndexedDB in this private window')),
      save: () => Promise.reject(new Error('no IndexedDB in this private window')),
    };
    const api = createCategorizerApi({
      loadModel: () => loadDefaultModel({ baseUrl: BASE, fetch: serve(served).fetch }),
      personalLayers: broken,
    });
    expect(await api.ready()).toMatchObject({ backend: 'wasm', personalTrainedOn: 0 });
    await api.learn(confirmed, CLASSES); // the model and its personal layer are all that stay
    const before = tf.memory().numTensors;
    for (let round = 0; round < 3; round += 1) {
      expect((await api.learn(confirmed, CLASSES)).ok).toBe(true);
      const answer = await api.suggest(operations, context);
      expect(answer.ok && answer.value[0]?.reason).toEqual({ kind: 'model', personal: true });
    }
    expect(tf.memory().numTensors).toBe(before);
    api.dispose();
  });
});
