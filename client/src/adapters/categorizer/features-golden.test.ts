import { isoDate } from '@tirelire/shared';
import { featuresGolden, featuresOf } from '@tirelire/shared/categorize';
import { describe, expect, it } from 'vitest';

/**
 * The worker must compute exactly the feature vectors training saw: the shared golden file, checked
 * here in the client's own build of the shared code (models/ checks the training path against the
 * same file).
 */
describe('client features match the shared golden vectors', () => {
  it.each(featuresGolden.cases.map((goldenCase) => [goldenCase.input.label, goldenCase] as const))(
    '%s',
    (_label, goldenCase) => {
      const vector = featuresOf({ ...goldenCase.input, date: isoDate(goldenCase.input.date) });
      expect([...vector.indices]).toEqual(goldenCase.features.map(([index]) => index));
      expect([...vector.values]).toEqual(
        goldenCase.features.map(([, value]) => Math.fround(value)),
      );
    },
  );
});
