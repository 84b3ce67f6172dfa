import { existsSync, readFileSync } from 'node:fs';
import { DEFAULT_CATEGORY_IDS, generateDemoLedger, isoDate } from '@tirelire/shared';
import { featuresOf, parseModelFiles, predictDefault } from '@tirelire/shared/categorize';
import { describe, expect, it } from 'vitest';
import { createTfjsCategoryModel } from './tfjs-category-model.ts';

// The trained model, as the app serves it (written by `npm run -w models train`).
const folder = new URL('../../../client/public/models/default/', import.meta.url);
const present = existsSync(new URL('manifest.json', folder));

describe.skipIf(!present)('the shipped model on TF.js (wasm)', () => {
  it('loads, and predicts what the reference predicts', async () => {
    const manifest: unknown = JSON.parse(readFileSync(new URL('manifest.json', folder), 'utf8'));
    const files = {
      manifest,
      embedding: readFileSync(new URL('embedding.i8', folder)),
      scale: readFileSync(new URL('embedding-scale.f32', folder)),
    };
    const started = performance.now();
    const created = await createTfjsCategoryModel(files, { backend: 'wasm' });
    const loadMs = performance.now() - started;
    if (!created.ok) throw new Error(created.message);
    const model = created.value;
    const reference = parseModelFiles(files.manifest, files.embedding, files.scale);
    if (!reference.ok) throw new Error(reference.message);
    expect(DEFAULT_CATEGORY_IDS).toEqual(expect.arrayContaining([...model.classes]));

    const { operations } = generateDemoLedger({
      seed: 3,
      until: isoDate('2024-12-31'),
      years: 3,
      targetOperations: 10_000,
      accountCount: 2,
      now: 0,
    });
    const features = operations
      .slice(0, 10_000)
      .map((op) => featuresOf({ label: op.rawLabel, amountMinor: op.amountMinor, date: op.date }));
    model.predict(features.slice(0, 100)); // warm-up
    const runs = [0, 1, 2].map(() => {
      const predictStarted = performance.now();
      model.predict(features);
      return performance.now() - predictStarted;
    });
    const predictMs = Math.min(...runs);
    const predictions = model.predict(features);
    features.slice(0, 500).forEach((vector, i) => {
      const expected = predictDefault(reference.value, vector);
      predictions[i]!.forEach((p, c) => expect(Math.abs(p - expected[c]!)).toBeLessThan(1e-5));
    });
    console.info(
      `shipped model ${model.modelVersion} (B=${model.manifest.buckets}, D=${model.manifest.dim}, ` +
        `C=${model.classes.length}): loaded in ${loadMs.toFixed(0)} ms, ` +
        `${features.length} operations predicted in ${predictMs.toFixed(0)} ms (best of 3)`,
    );
    model.dispose();
  });
});
