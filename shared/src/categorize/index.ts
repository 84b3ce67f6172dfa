// The categorisation pipeline (docs/categorisation.md): one implementation for training, the
// worker and the `categorize` command. Named exports only.
export { ruleSchema, isValidRulePattern, MAX_RULE_PATTERN_LENGTH, type Rule } from './rule.ts';
export {
  normalizeLabel,
  OPERATION_KINDS,
  type NormalizedLabel,
  type OperationKind,
} from './normalize.ts';
export { fnv1a, fnv1aStep, FNV1A_OFFSET_BASIS, FNV1A_PRIME } from './hash.ts';
export {
  featuresOf,
  featuresOfNormalized,
  labelFeaturesOf,
  featuresWithLabels,
  featureStrings,
  featureWeight,
  amountFeature,
  dayFeature,
  MAX_FEATURES,
  CHAR_NGRAM_WEIGHT,
  MAX_AMOUNT_BUCKET,
  type FeatureInput,
  type FeatureVector,
  type LabelFeatures,
} from './features.ts';
export {
  featuresGolden,
  featureGoldenCase,
  type FeatureGolden,
  type FeatureGoldenCase,
} from './features-golden.ts';
export {
  buildMerchantMemory,
  rememberConfirmation,
  recall,
  recallMerchant,
  type MerchantMemory,
  type MerchantMemoryEntry,
  type MemoryRecall,
} from './memory.ts';
export {
  ruleMatches,
  firstMatchingRule,
  orderRules,
  previewRule,
  type RuleSubject,
  type RulePreview,
} from './rules.ts';
export {
  compileLabelPattern,
  isSupportedLabelPattern,
  MAX_PROGRAM_SIZE,
  type LabelMatcher,
} from './label-pattern.ts';
export {
  categoryModelManifestSchema,
  parseModelFiles,
  encodeEmbeddingScale,
  CATEGORY_MODEL_FORMAT,
  CATEGORY_MODEL_FORMAT_VERSION,
  MAX_MODEL_BUCKETS,
  MAX_MODEL_DIM,
  MAX_MODEL_CLASSES,
  type CategoryModelManifest,
  type LoadedModel,
} from './model-format.ts';
export { embed, headProbabilities, predictDefault, softmax } from './reference-model.ts';
export {
  blend,
  Blender,
  personalWeight,
  PERSONAL_PRIOR,
  type Prediction,
  type PersonalPrediction,
  type PersonalLayerShape,
} from './blend.ts';
export {
  thresholdForPrecision,
  thresholdsByCategory,
  isAutoApplicable,
  DEFAULT_TARGET_PRECISION,
  DEFAULT_MIN_SUPPORT,
  type CalibrationScore,
  type HeldOutPrediction,
} from './calibration.ts';
export {
  decide,
  decideRanked,
  RULE_CONFIDENCE,
  MEMORY_CONFIDENCE,
  ALTERNATIVES,
  type Suggestion,
  type SuggestionReason,
  type DecisionSubject,
  type DecisionContext,
  type RankedDecisionContext,
} from './decide.ts';
