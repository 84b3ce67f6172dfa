import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoLedger } from '../demo/generate.ts';
import { isoDate } from '../ledger/dates.ts';
import { featureGoldenCase, featuresGolden } from './features-golden.ts';
import golden from './features.golden.json' with { type: 'json' };
import {
  amountFeature,
  dayFeature,
  featuresOf,
  featureStrings,
  featureWeight,
  featuresWithLabels,
  labelFeaturesOf,
  MAX_FEATURES,
  type FeatureInput,
  type FeatureVector,
  type LabelFeatures,
} from './features.ts';
import { fnv1a } from './hash.ts';
import { normalizeLabel } from './normalize.ts';

const date = isoDate('2024-03-12');

function valueOf(vector: FeatureVector, feature: string): number | undefined {
  const at = vector.indices.indexOf(fnv1a(feature));
  return at === -1 ? undefined : vector.values[at];
}

/** The vector featureStrings describes: each string hashed, weights summed, sorted. */
function vectorFromStrings(strings: readonly string[]): FeatureVector {
  const weights = new Map<number, number>();
  for (const feature of strings) {
    const index = fnv1a(feature);
    weights.set(index, (weights.get(index) ?? 0) + featureWeight(feature));
  }
  const indices = Uint32Array.from(weights.keys()).sort();
  return { indices, values: Float32Array.from(indices, (index) => weights.get(index)!) };
}

describe('features.golden.json', () => {
  it('holds a dozen French and English labels, raw and clean', () => {
    expect(golden.cases.length).toBeGreaterThanOrEqual(12);
    expect(featuresGolden).toBe(golden);
  });

  // A failure here means normalisation or features changed: if that is deliberate, regenerate the
  // file (see features-golden.ts), since the shipped model was trained on the old features.
  it.each(featuresGolden.cases.map((c) => [c.input.label, c] as const))('%j', (_label, c) => {
    expect(featureGoldenCase(c.input)).toEqual(c);
  });
});

describe('featuresOf', () => {
  it('gives each family its feature and weight', () => {
    const vector = featuresOf({ label: 'PRLV SEPA FREE MOBILE', amountMinor: -1999, date });
    expect(valueOf(vector, 'm:free mobile')).toBe(1);
    expect(valueOf(vector, 'k:direct_debit')).toBe(1);
    expect(valueOf(vector, 'a:-10')).toBe(1);
    expect(valueOf(vector, 'd:11-15')).toBe(1);
    expect(valueOf(vector, 'w:free')).toBe(1);
    expect(valueOf(vector, 'w:mobile')).toBe(1);
    expect(valueOf(vector, 'b:free mobile')).toBe(1);
    expect(valueOf(vector, 'c:<fr')).toBe(0.5);
    expect(valueOf(vector, 'c:<free')).toBe(0.5);
    expect(valueOf(vector, 'c:<free>')).toBeUndefined(); // 6 characters: longer than 5
    expect(valueOf(vector, 'c:bile>')).toBe(0.5);
    expect(valueOf(vector, 'w:prlv')).toBeUndefined(); // the kind, not a word
    expect(valueOf(vector, 'w:sepa')).toBeUndefined(); // boilerplate
  });

  it('sums the weights of repeated features', () => {
    const vector = featuresOf({ label: 'UBER *TRIP HELP.UBER.COM', amountMinor: -1532, date });
    expect(valueOf(vector, 'w:uber')).toBe(2);
    expect(valueOf(vector, 'c:<ub')).toBe(1);
  });

  it('still has the kind, amount and day when no word is left', () => {
    const vector = featuresOf({ label: 'CHQ N 1234567', amountMinor: -4500, date });
    expect(featureStrings({ label: 'CHQ N 1234567', amountMinor: -4500, date })).toEqual([
      'k:cheque',
      'a:-12',
      'd:11-15',
    ]);
    expect(vector.indices.length).toBe(3);
    expect(valueOf(featuresOf({ label: '', amountMinor: 0, date }), 'k:none')).toBe(1);
  });

  it('keeps at most 256 features, dropping the last character n-grams', () => {
    const words = Array.from(
      { length: 60 },
      (_, i) => `mot${String.fromCharCode(97 + (i % 26))}${'abcdefghij'[i % 10]!}quelconque`,
    );
    const input: FeatureInput = {
      label: `VIR ${words.join(' ')} zanzibar`,
      amountMinor: 100,
      date,
    };
    const vector = featuresOf(input);
    expect(vector.indices.length).toBe(MAX_FEATURES);
    for (const word of words) expect(valueOf(vector, `w:${word}`)).toBe(1);
    expect(valueOf(vector, 'k:transfer')).toBe(1);
    expect(valueOf(vector, 'c:<mo')).toBeDefined(); // the first n-grams stay
    expect(valueOf(vector, 'w:zanzibar')).toBe(1);
    expect(valueOf(vector, 'c:ibar>')).toBeUndefined(); // the last go
    expect(vectorFromStrings(featureStrings(input))).toEqual(vector);
  });

  it('is featureStrings hashed and merged, sorted, unique and positive, on any label', () => {
    const labels = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 600 }),
      fc
        .array(fc.constantFrom('CB', 'MONOP', 'PARIS', 'uber', 'h&m', 'ab', 'x', '12/03', 'é'), {
          maxLength: 200,
        })
        .map((words) => words.join(' ')),
    );
    const inputs = fc.record({
      label: labels,
      amountMinor: fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constant(0)),
      date: fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((d) => isoDate(d.toISOString().slice(0, 10))),
    });
    fc.assert(
      fc.property(inputs, (input) => {
        const vector = featuresOf(input);
        expect(vector.indices.length).toBeLessThanOrEqual(MAX_FEATURES);
        expect(vector.values.length).toBe(vector.indices.length);
        for (let i = 1; i < vector.indices.length; i += 1) {
          expect(vector.indices[i]!).toBeGreaterThan(vector.indices[i - 1]!);
        }
        for (const value of vector.values) expect(value).toBeGreaterThan(0);
        expect(vectorFromStrings(featureStrings(input))).toEqual(vector);
        expect(featuresOf(input)).toEqual(vector); // deterministic, and no state left behind
      }),
      { numRuns: 1_000 },
    );
  });

  it('does 10,000 labels quickly', () => {
    const labels = Array.from(
      { length: 10_000 },
      (_, i) => `PAIEMENT CB ${1000 + (i % 9000)} MONOPRIX PARIS ${i % 97} CARTE 4974XXXXXXXX1234`,
    );
    const start = performance.now();
    labels.forEach((label, i) => featuresOf({ label, amountMinor: -100 * i, date }));
    // About 50 ms of CPU in Node; the bound only catches a blow-up on a busy machine.
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

/** Plain arrays, so a view into a batch buffer compares by content (and shows readably). */
function plain(vector: FeatureVector): { indices: number[]; values: number[] } {
  return { indices: [...vector.indices], values: [...vector.values] };
}

/** The batch path: each label's share computed once, whatever number of operations carry it. */
function batchFeatures(inputs: readonly FeatureInput[]): FeatureVector[] {
  const shares = new Map<string, LabelFeatures>();
  const labels = inputs.map(({ label }) => {
    let share = shares.get(label);
    if (!share) {
      share = labelFeaturesOf(normalizeLabel(label));
      shares.set(label, share);
    }
    return share;
  });
  return featuresWithLabels(labels, inputs);
}

describe('labelFeaturesOf and featuresWithLabels', () => {
  const labelPool = fc.array(
    fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 600 }),
      fc
        .array(fc.constantFrom('CB', 'MONOP', 'PARIS', 'uber', 'h&m', 'ab', '12/03', 'é'), {
          maxLength: 120,
        })
        .map((words) => words.join(' ')),
    ),
    { minLength: 1, maxLength: 5 },
  );
  const operation = fc.record({
    amountMinor: fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constant(0), fc.constant(NaN)),
    date: fc.oneof(
      fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((d) => isoDate(d.toISOString().slice(0, 10))),
      fc.constant('2024-03-xx' as FeatureInput['date']), // no day: no day feature
    ),
  });

  it('give exactly featuresOf for each operation, labels shared or not', () => {
    fc.assert(
      fc.property(
        labelPool,
        fc.array(fc.tuple(fc.nat(), operation), { maxLength: 12 }),
        (labels, picks) => {
          const inputs = picks.map(([pick, rest]) => ({
            label: labels[pick % labels.length]!,
            ...rest,
          }));
          const expected = inputs.map((input) => plain(featuresOf(input)));
          expect(batchFeatures(inputs).map(plain)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('give exactly featuresOf on a demo ledger', () => {
    const { operations } = generateDemoLedger({
      seed: 3,
      until: isoDate('2024-12-31'),
      years: 1,
      targetOperations: 3_000,
      accountCount: 2,
      now: 0,
    });
    const inputs = operations.map(({ rawLabel, amountMinor, date }) => ({
      label: rawLabel,
      amountMinor,
      date,
    }));
    expect(new Set(inputs.map((input) => input.label)).size).toBeLessThan(inputs.length);
    expect(batchFeatures(inputs).map(plain)).toEqual(inputs.map((i) => plain(featuresOf(i))));
  });

  it('leave labels near the feature limit to the full path', () => {
    const words = Array.from({ length: 60 }, (_, i) => `mot${i}quelconque`);
    const input = { label: `VIR ${words.join(' ')}`, amountMinor: 100, date };
    const share = labelFeaturesOf(normalizeLabel(input.label));
    expect(share.merged).toBeNull();
    expect(featuresWithLabels([share], [input])).toEqual([featuresOf(input)]);
  });

  it('add the amount and day to a label feature with the same hash', () => {
    const amount = fnv1a('a:+6'); // 100 minor units
    const day = fnv1a('d:11-15');
    const [low, high] = [Math.min(amount, day), Math.max(amount, day)];
    const share: LabelFeatures = {
      normalized: normalizeLabel(''),
      merged: { indices: Uint32Array.of(0, low, high), values: Float32Array.of(1, 0.5, 1.5) },
    };
    const [vector] = featuresWithLabels([share], [{ amountMinor: 100, date }]);
    expect(plain(vector!)).toEqual({ indices: [0, low, high], values: [1, 1.5, 2.5] });
  });

  it('refuse labels and operations that do not line up', () => {
    expect(() => featuresWithLabels([], [{ amountMinor: 1, date }])).toThrow(RangeError);
  });
});

describe('amountFeature', () => {
  it.each([
    [0, '0'],
    [1, '+0'],
    [-1, '-0'],
    [2, '+1'],
    [3, '+1'],
    [1023, '+9'],
    [-1024, '-10'],
    [-2047, '-10'],
    [2 ** 20 - 1, '+19'],
    [2 ** 20, '+20'],
    [Number.MAX_SAFE_INTEGER, '+20'],
    [-Number.MAX_SAFE_INTEGER, '-20'],
    [Number.NaN, '0'],
  ])('%d → %j', (amount, feature) => {
    expect(amountFeature(amount)).toBe(feature);
  });
});

describe('dayFeature', () => {
  it.each([
    ['2024-03-01', '1-5'],
    ['2024-03-05', '1-5'],
    ['2024-03-06', '6-10'],
    ['2024-03-15', '11-15'],
    ['2024-03-16', '16-20'],
    ['2024-03-25', '21-25'],
    ['2024-03-26', '26-31'],
    ['2024-03-31', '26-31'],
    ['nonsense', null],
  ])('%s → %j', (day, feature) => {
    expect(dayFeature(day)).toBe(feature);
  });
});
