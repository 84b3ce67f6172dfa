import { DEFAULT_CATEGORY_IDS, isoDate } from '@tirelire/shared';
import { featuresOf, parseModelFiles, predictDefault } from '@tirelire/shared/categorize';
import { describe, expect, it } from 'vitest';
import { manifestJson, toModelFiles } from './export.ts';
import { featurize } from './sparse-rows.ts';
import { trainModel, type TrainOptions } from './train.ts';

// A tiny corpus: five categories, ten labels each, told apart by their merchants.
const MERCHANTS: Record<string, readonly string[]> = {
  groceries: ['MONOP', 'CARREFOUR MARKET', 'LIDL', 'FRANPRIX', 'BIOCOOP'],
  transport: ['SNCF', 'RATP', 'TOTAL ACCESS', 'UBER TRIP', 'BLABLACAR'],
  utilities_telecom: ['FREE MOBILE', 'ORANGE', 'EDF', 'ENGIE', 'BOUYGUES TELECOM'],
  cash: [
    'RETRAIT DAB BNP',
    'RETRAIT DAB LCL',
    'RETRAIT DAB SG',
    'RETRAIT DAB CIC',
    'RETRAIT DAB LBP',
  ],
  income: ['SALAIRE ACME', 'VIR CAF', 'POLE EMPLOI', 'VIR SALAIRE', 'CPAM REMBOURSEMENT'],
};
const examples = Object.entries(MERCHANTS).flatMap(([category, merchants]) =>
  merchants.flatMap((merchant, i) =>
    [`CB ${merchant} 1${i}/03`, `${merchant} PARIS`].map((label) => ({
      label,
      category,
      amountMinor: category === 'income' ? 150_000 : -2_500,
      date: isoDate('2026-03-12'),
    })),
  ),
);
const classes = DEFAULT_CATEGORY_IDS;
const labels = Int32Array.from(examples, ({ category }) =>
  classes.findIndex((id) => id === category),
);
const options: TrainOptions = {
  buckets: 1 << 10,
  dim: 8,
  classes: classes.length,
  epochs: 25,
  batchSize: 16,
  learningRate: 0.05,
  classWeightPower: 0.5,
  seed: 42,
};

describe('training end to end (tiny corpus)', () => {
  it('lowers the loss, exports valid files, and the app-side model predicts what it learned', async () => {
    expect(examples).toHaveLength(50);
    const model = await trainModel(featurize(examples), labels, options);
    const [first, last] = [model.epochLosses[0]!, model.epochLosses.at(-1)!];
    expect(last).toBeLessThan(first / 4);

    const files = toModelFiles(model, classes, {
      modelVersion: 'test',
      temperature: 1,
      thresholds: {},
      metrics: {},
    });
    expect(files.embedding.byteLength).toBe(options.buckets * options.dim);
    expect(files.embeddingScale.byteLength).toBe(options.buckets * 4);
    const parsed = parseModelFiles(
      JSON.parse(manifestJson(files.manifest)),
      files.embedding,
      files.embeddingScale,
    );
    if (!parsed.ok) throw new Error(parsed.message);

    for (const example of examples) {
      const probabilities = predictDefault(parsed.value, featuresOf(example));
      const best = probabilities.indexOf(Math.max(...probabilities));
      expect(classes[best], example.label).toBe(example.category);
    }
  });

  it('gives the same weights for the same data and seed', async () => {
    const rows = featurize(examples);
    const short = { ...options, epochs: 3 };
    const [a, b] = [await trainModel(rows, labels, short), await trainModel(rows, labels, short)];
    expect(a.weights.embedding).toEqual(b.weights.embedding);
    expect(a.weights.head).toEqual(b.weights.head);
    const other = await trainModel(rows, labels, { ...short, seed: 43 });
    expect(other.weights.head).not.toEqual(a.weights.head);
  });
});
