import type { CategoryId, IsoDate } from '@tirelire/shared';
import {
  ALTERNATIVES,
  Blender,
  decideRanked,
  featuresOf,
  featuresWithLabels,
  labelFeaturesOf,
  normalizeLabel,
  personalWeight,
  type LabelFeatures,
  type MerchantMemory,
  type NormalizedLabel,
  type Prediction,
  type RankedDecisionContext,
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
 * The pipeline for a batch, shared by the app's worker and the `categorize` command: features →
 * default model → personal layer → blend → decide (rules, then merchant memory, then the model).
 * The model runs on the whole batch at once, since its top 3 come along as alternatives whichever
 * step decides.
 *
 * The batch way of each step, with the same results as the plain composition (featuresOf,
 * blend, decide per operation; suggest-categories.test.ts checks it): each distinct label is
 * normalised once, for its features and its merchant key alike, and its share of the features is
 * hashed once; blend works in typed arrays and builds only the top 3.
 */
export function suggestCategories(
  operations: readonly OperationToCategorize[],
  context: SuggestContext,
  /** null when the model could not be loaded: rules and memory only. */
  models: Models | null,
): (Suggestion | null)[] {
  const labels = new BatchLabels();
  const normalized = operations.map((operation) => labels.normalized(operation.rawLabel));
  const ranked = models
    ? rankAll(operations, normalized, labels, context.categories, models)
    : null;
  const personal = models?.personal ?? null;
  const decision: RankedDecisionContext = {
    rules: context.rules,
    memory: context.memory,
    personal: personal !== null && personalWeight(personal.trainedOn) > 0,
    thresholds: models?.model.manifest.thresholds ?? {},
    autoApply: context.autoApply,
  };
  return operations.map((operation, i) =>
    decideRanked(operation, normalized[i]!.merchantKey, ranked?.[i] ?? [], decision),
  );
}

/** Each operation's blended top predictions (at most ALTERNATIVES, best first). */
function rankAll(
  operations: readonly OperationToCategorize[],
  normalized: readonly NormalizedLabel[],
  labels: BatchLabels,
  categories: readonly CategoryId[],
  { model, personal: layer }: Models,
): Prediction[][] {
  const features = featuresWithLabels(
    normalized.map((label) => labels.features(label)),
    operations,
  );
  const { defaults, personal } = model.predictBoth(features, layer);
  // The layer's classes are the categories it was trained on; blend keeps only those that
  // still exist, so one deleted since (or a damaged stored id) can never be suggested.
  const personalClasses = (layer?.classes ?? []) as readonly CategoryId[];
  const blender = new Blender(
    model.manifest.classes,
    layer ? { classes: personalClasses, trainedOn: layer.trainedOn } : null,
    new Set(categories),
  );
  return defaults.map((probs, i) => blender.top(probs, personal?.[i] ?? null, ALTERNATIVES));
}

/**
 * A batch's labels, worked out once each: a ledger repeats them ("CB MONOP 12/03 PARIS" every
 * week, with a new date), and once normalised (dates, card numbers, references gone) even more.
 */
class BatchLabels {
  private readonly byRawLabel = new Map<string, NormalizedLabel>();
  private readonly byNormalized = new Map<NormalizedLabel, LabelFeatures>();
  private readonly byText = new Map<string, LabelFeatures>();

  normalized(rawLabel: string): NormalizedLabel {
    let normalized = this.byRawLabel.get(rawLabel);
    if (!normalized) {
      normalized = normalizeLabel(rawLabel);
      this.byRawLabel.set(rawLabel, normalized);
    }
    return normalized;
  }

  /** The label's share of the features, shared by every label that normalises alike. */
  features(normalized: NormalizedLabel): LabelFeatures {
    let features = this.byNormalized.get(normalized);
    if (features) return features;
    const key = `${normalized.kind ?? ''}\u0000${normalized.merchantKey}\u0000${normalized.text}`;
    const known = this.byText.get(key);
    // The key names the tokens through their text; compared anyway, as it is cheap.
    if (known && sameLabel(known.normalized, normalized)) {
      features = known;
    } else {
      features = labelFeaturesOf(normalized);
      if (!known) this.byText.set(key, features);
    }
    this.byNormalized.set(normalized, features);
    return features;
  }
}

/** Whether two labels give the same label features: same kind, merchant key and tokens. */
function sameLabel(a: NormalizedLabel, b: NormalizedLabel): boolean {
  if (a.kind !== b.kind || a.merchantKey !== b.merchantKey) return false;
  if (a.tokens.length !== b.tokens.length) return false;
  return a.tokens.every((token, i) => token === b.tokens[i]);
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
