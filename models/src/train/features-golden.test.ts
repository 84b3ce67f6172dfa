import { isoDate } from '@tirelire/shared';
import { featuresGolden } from '@tirelire/shared/categorize';
import { describe, expect, it } from 'vitest';
import { bagBatch, disposeBatch } from './embedding-bag.ts';
import { featurize, rowVector } from './sparse-rows.ts';

/**
 * Training must see exactly the numbers the app computes: the golden vectors of shared
 * features.golden.json, through the path training takes (featurize → CSR rows → bag batch).
 */
describe('training features match the shared golden vectors', () => {
  const cases = featuresGolden.cases;
  const rows = featurize(cases.map(({ input }) => ({ ...input, date: isoDate(input.date) })));

  it('has golden cases to check', () => {
    expect(cases.length).toBeGreaterThan(5);
  });

  it.each(cases.map((goldenCase, row) => [goldenCase.input.label, row] as const))(
    '%s',
    (_label, row) => {
      const vector = rowVector(rows, row);
      const golden = cases[row]!.features;
      expect([...vector.indices]).toEqual(golden.map(([index]) => index));
      expect([...vector.values]).toEqual(golden.map(([, value]) => Math.fround(value)));
    },
  );

  it('reduces hashes modulo the bucket count in the bag', () => {
    const buckets = 1 << 10;
    const batch = bagBatch(rows, [0], buckets);
    const expected = cases[0]!.features.map(([index]) => index % buckets);
    expect([...batch.buckets.dataSync()]).toEqual(expected);
    disposeBatch(batch);
  });
});
