import { existsSync, readFileSync } from 'node:fs';
import {
  categoryId,
  DEFAULT_CATEGORY_IDS,
  generateDemoLedger,
  isoDate,
  ruleSchema,
  type CategoryId,
} from '@tirelire/shared';
import {
  blend,
  buildMerchantMemory,
  decide,
  featuresOf,
  personalWeight,
  type Prediction,
  type Rule,
  type Suggestion,
} from '@tirelire/shared/categorize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomModelFiles } from './random-model.ts';
import {
  suggestCategories,
  type Models,
  type OperationToCategorize,
  type SuggestContext,
} from './suggest-categories.ts';
import { createTfjsCategoryModel, type TfjsCategoryModel } from './tfjs-category-model.ts';

/**
 * suggestCategories computes each step the batch way (labels normalised once, features from
 * shared label parts, blend in typed arrays, top 3 only). Here it is held to the plain
 * composition, operation by operation, on a realistic ledger: exactly the same suggestions.
 */
function plainComposition(
  operations: readonly OperationToCategorize[],
  context: SuggestContext,
  models: Models | null,
): (Suggestion | null)[] {
  let predictions: Prediction[][] | null = null;
  if (models) {
    const { model, personal: layer } = models;
    const features = operations.map((operation) =>
      featuresOf({
        label: operation.rawLabel,
        amountMinor: operation.amountMinor,
        date: operation.date,
      }),
    );
    const { defaults, personal } = model.predictBoth(features, layer);
    const existing = new Set(context.categories);
    predictions = defaults.map((probs, i) => {
      const personalProbs = personal?.[i];
      const fromPersonal =
        layer && personalProbs
          ? {
              probs: personalProbs,
              classes: layer.classes as CategoryId[],
              trainedOn: layer.trainedOn,
            }
          : null;
      return blend(probs, model.manifest.classes, fromPersonal, existing);
    });
  }
  const personal = models?.personal ?? null;
  return operations.map((operation, i) =>
    decide(operation, {
      rules: context.rules,
      memory: context.memory,
      predictions: predictions?.[i] ?? null,
      personal: personal !== null && personalWeight(personal.trainedOn) > 0,
      thresholds: models?.model.manifest.thresholds ?? {},
      autoApply: context.autoApply,
    }),
  );
}

const folder = new URL('../../../client/public/models/default/', import.meta.url);

/** The shipped model when it has been built (real probabilities and thresholds), else random. */
function modelFiles() {
  if (!existsSync(new URL('manifest.json', folder))) {
    return randomModelFiles({ buckets: 4_096, dim: 16, classes: DEFAULT_CATEGORY_IDS, seed: 9 });
  }
  return {
    manifest: JSON.parse(readFileSync(new URL('manifest.json', folder), 'utf8')) as unknown,
    embedding: readFileSync(new URL('embedding.i8', folder)),
    scale: readFileSync(new URL('embedding-scale.f32', folder)),
  };
}

const ledger = generateDemoLedger({
  seed: 11,
  until: isoDate('2024-12-31'),
  years: 2,
  targetOperations: 4_000,
  accountCount: 2,
  now: 0,
});
const date = isoDate('2024-03-12');
const edgeCases: OperationToCategorize[] = [
  { rawLabel: '', amountMinor: 0, accountId: 'demo-account-1', date },
  { rawLabel: 'CHQ 1234567', amountMinor: -4_500, accountId: 'demo-account-1', date },
  // Past the feature limit: the full path, not the shared label part.
  {
    rawLabel: `VIR ${Array.from({ length: 60 }, (_, i) => `mot${i}quelconque`).join(' ')}`,
    amountMinor: Number.MAX_SAFE_INTEGER,
    accountId: 'demo-account-2',
    date,
  },
];
const operations: OperationToCategorize[] = [
  ...ledger.operations.map(({ rawLabel, amountMinor, accountId, date }) => ({
    rawLabel,
    amountMinor,
    accountId,
    date,
  })),
  ...edgeCases,
];

const PETS = categoryId('pets');
const DELETED = DEFAULT_CATEGORY_IDS[3]!;
/** The person's categories: one default deleted, one of their own. */
const categories = [...DEFAULT_CATEGORY_IDS.filter((id) => id !== DELETED), PETS];

const rule = (spec: Partial<Record<keyof Rule, unknown>>): Rule =>
  ruleSchema.parse({
    id: 'r1',
    name: 'a rule',
    categoryId: DEFAULT_CATEGORY_IDS[0],
    labelContains: null,
    labelPattern: null,
    amountMinMinor: null,
    amountMaxMinor: null,
    accountId: null,
    enabled: true,
    createdAt: 1,
    updatedAt: 1,
    ...spec,
  });
const rules = [
  rule({ id: 'contains', labelContains: 'monop', updatedAt: 5 }),
  rule({ id: 'pattern', labelPattern: '^prlv sepa (free|edf)', categoryId: PETS, updatedAt: 4 }),
  rule({ id: 'amount', amountMinMinor: 400_000, updatedAt: 3 }),
  rule({ id: 'account', accountId: 'demo-account-2', amountMaxMinor: -50_000, updatedAt: 2 }),
  rule({ id: 'disabled', labelContains: 'starbucks', enabled: false, updatedAt: 6 }),
];
// Memory from the older half of the ledger only, so the model still decides many operations.
const memory = buildMerchantMemory(ledger.operations.slice(ledger.operations.length / 2));

describe('suggestCategories', () => {
  let model: TfjsCategoryModel;
  let withPersonal: Models;

  beforeAll(async () => {
    const created = await createTfjsCategoryModel(modelFiles(), { backend: 'wasm' });
    if (!created.ok) throw new Error(created.message);
    model = created.value;
    const examples = ledger.operations
      .filter((operation) => operation.categoryId !== null)
      .slice(0, 1_500)
      .map((operation, i) => ({
        features: featuresOf({
          label: operation.rawLabel,
          amountMinor: operation.amountMinor,
          date: operation.date,
        }),
        categoryId: i % 10 === 0 ? PETS : operation.categoryId!,
      }));
    // Trained with the deleted category still there: blend must drop it.
    const layer = model.trainPersonal(examples, [...DEFAULT_CATEGORY_IDS, PETS], { seed: 4 });
    withPersonal = { model, personal: layer };
  }, 60_000);

  afterAll(() => {
    withPersonal.personal?.dispose();
    model.dispose();
  });

  it('gives exactly the plain composition, with rules, memory and a personal layer', () => {
    const context = { rules, memory, categories, autoApply: true };
    const suggestions = suggestCategories(operations, context, withPersonal);
    expect(suggestions).toStrictEqual(plainComposition(operations, context, withPersonal));

    // The comparison covers every step and outcome.
    const sources = new Set(suggestions.map((s) => s?.source ?? null));
    expect(sources).toEqual(new Set(['rule', 'memory', 'model']));
    const alternatives = suggestions.flatMap((s) => s?.alternatives ?? []);
    expect(alternatives.some((p) => p.categoryId === PETS)).toBe(true);
    expect(alternatives.some((p) => p.categoryId === DELETED)).toBe(false);
    expect(new Set(suggestions.map((s) => s?.alternatives.length))).toEqual(new Set([3]));
  });

  it('gives exactly the plain composition without a personal layer, rules or memory', () => {
    const models = { model, personal: null };
    for (const context of [
      { rules: [], memory: new Map(), categories: [...DEFAULT_CATEGORY_IDS], autoApply: true },
      { rules, memory, categories, autoApply: false },
    ]) {
      expect(suggestCategories(operations, context, models)).toStrictEqual(
        plainComposition(operations, context, models),
      );
    }
  });

  it('gives exactly the plain composition without a model: rules and memory only', () => {
    const context = { rules, memory, categories, autoApply: true };
    const suggestions = suggestCategories(operations, context, null);
    expect(suggestions).toStrictEqual(plainComposition(operations, context, null));
    expect(suggestions).toContain(null);
  });

  it('gives nothing for no operation', () => {
    const context = { rules, memory, categories, autoApply: true };
    expect(suggestCategories([], context, withPersonal)).toEqual([]);
  });
});
