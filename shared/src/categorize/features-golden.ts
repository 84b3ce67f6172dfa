import { isoDate } from '../ledger/dates.ts';
import { featuresOf, featureStrings, type FeatureInput } from './features.ts';
import golden from './features.golden.json' with { type: 'json' };
import { fnv1a } from './hash.ts';
import { normalizeLabel, type OperationKind } from './normalize.ts';

/**
 * Golden feature vectors (features.golden.json): labels and their exact features, checked by the
 * shared tests and available to models/ (`featuresGolden`), so training and the runtime are
 * proven to see the same numbers. Any change to normalisation or features makes them fail; when
 * the change is deliberate, regenerate the file from the repository root:
 *
 *   npx tsx -e "import { featuresGolden, featureGoldenCase } from './shared/src/categorize/features-golden.ts';
 *     console.log(JSON.stringify({ about: featuresGolden.about,
 *       cases: featuresGolden.cases.map((c) => featureGoldenCase(c.input)) }))" \
 *     > shared/src/categorize/features.golden.json && npx prettier --write shared/src/categorize/features.golden.json
 */
export interface FeatureGoldenCase {
  readonly input: { readonly label: string; readonly amountMinor: number; readonly date: string };
  readonly normalized: {
    readonly text: string;
    readonly kind: OperationKind | null;
    readonly merchantKey: string;
  };
  /** `[index, value, ...feature strings with that hash]`, by ascending index. */
  readonly features: readonly (readonly [number, number, ...string[]])[];
}

export interface FeatureGolden {
  readonly about: string;
  readonly cases: readonly FeatureGoldenCase[];
}

export const featuresGolden = golden as unknown as FeatureGolden;

/** The golden record of one input, computed now. */
export function featureGoldenCase(input: FeatureGoldenCase['input']): FeatureGoldenCase {
  const featureInput: FeatureInput = { ...input, date: isoDate(input.date) };
  const { text, kind, merchantKey } = normalizeLabel(input.label);
  const { indices, values } = featuresOf(featureInput);
  const stringsByIndex = new Map<number, string[]>();
  for (const feature of featureStrings(featureInput)) {
    const index = fnv1a(feature);
    const strings = stringsByIndex.get(index) ?? [];
    if (!strings.includes(feature)) strings.push(feature);
    stringsByIndex.set(index, strings);
  }
  const features = Array.from(indices, (index, i): [number, number, ...string[]] => [
    index,
    values[i]!,
    ...(stringsByIndex.get(index) ?? []),
  ]);
  return {
    input: { label: input.label, amountMinor: input.amountMinor, date: input.date },
    normalized: { text, kind, merchantKey },
    features,
  };
}
