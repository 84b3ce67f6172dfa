import type { CategoryId, IsoDate } from '@tirelire/shared';
import {
  blend,
  decide,
  featuresOf,
  personalWeight,
  type MerchantMemory,
  type Prediction,
  type Rule,
  type Suggestion,
} from '@tirelire/shared/categorize';
import type { PersonalLayerState } from './personal-layer.ts';
import type { TfjsCategoryModel } from './tfjs-category-model.ts';

/** What the pipeline looks at in an operation (the app's CategorizeInput has these fields). */
export interface OperationToCategorize {
  readonly rawLabel: string;
  readonly amountMinor: number;
  readonly accountId: string;
  readonly date: IsoDate;
}

/** The loaded model, and the person's layer once trained (or read back from storage). */
export interface Models {
  model: TfjsCategoryModel;
  personal: PersonalLayerState | null;
}

export interface SuggestContext {
  rules: readonly Rule[];
  memory: MerchantMemory;
  categories: readonly CategoryId[];
  autoApply: boolean;
}

/**
 * The pipeline for a batch, shared by the app's worker and the `categorize` command: features → default model → personal layer → blend →
 * decide (rules, then merchant memory, then the model). The model runs on the whole batch at
 * once, since its top 3 come along as alternatives whichever step decides.
 */
export function suggestCategories(
  operations: readonly OperationToCategorize[],
  context: SuggestContext,
  /** null when the model could not be loaded: rules and memory only. */
  models: Models | null,
): (Suggestion | null)[] {
  const predictions = models ? predictAll(operations, context.categories, models) : null;
  const personal = models?.personal ?? null;
  const decision = {
    rules: context.rules,
    memory: context.memory,
    personal: personal !== null && personalWeight(personal.trainedOn) > 0,
    thresholds: models?.model.manifest.thresholds ?? {},
    autoApply: context.autoApply,
  };
  return operations.map((operation, i) =>
    decide(operation, { ...decision, predictions: predictions?.[i] ?? null }),
  );
}

function predictAll(
  operations: readonly OperationToCategorize[],
  categories: readonly CategoryId[],
  { model, personal: layer }: Models,
): Prediction[][] {
  const features = operations.map((operation) =>
    featuresOf({
      label: operation.rawLabel,
      amountMinor: operation.amountMinor,
      date: operation.date,
    }),
  );
  const { defaults, personal } = model.predictBoth(features, layer);
  const existing = new Set(categories);
  // The layer's classes are the categories it was trained on; blend keeps only those that
  // still exist, so one deleted since (or a damaged stored id) can never be suggested.
  const personalClasses = (layer?.classes ?? []) as readonly CategoryId[];
  return defaults.map((probs, i) => {
    const personalProbs = personal?.[i];
    const fromPersonal =
      layer && personalProbs
        ? { probs: personalProbs, classes: personalClasses, trainedOn: layer.trainedOn }
        : null;
    return blend(probs, model.manifest.classes, fromPersonal, existing);
  });
}

/** A confirmed operation, as the personal layer learns from it. */
export interface ConfirmedExample {
  readonly rawLabel: string;
  readonly amountMinor: number;
  readonly date: IsoDate;
  readonly categoryId: string;
}

/**
 * Retrains the personal layer on every confirmed operation (not only the new ones) and puts it in
 * place of the old one, which is freed. Shared by the worker and the `categorize replay` command,
 * so both learn exactly alike.
 */
export function retrainPersonal(
  models: Models,
  confirmed: readonly ConfirmedExample[],
  categories: readonly string[],
): PersonalLayerState {
  const examples = confirmed.map((operation) => ({
    features: featuresOf({
      label: operation.rawLabel,
      amountMinor: operation.amountMinor,
      date: operation.date,
    }),
    categoryId: operation.categoryId,
  }));
  const layer = models.model.trainPersonal(examples, categories);
  models.personal?.dispose();
  models.personal = layer;
  return layer;
}
