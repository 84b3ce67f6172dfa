import { resolve } from 'node:path';
import type { TrainOptions } from './train.ts';

/**
 * Everything `npm run -w models train` depends on besides the data, in one place: changing a
 * number here (or the data) changes the model; nothing else does.
 */
export const SEED = 20261125;

/**
 * Bumped by hand for each model we ship (date of training, then a counter). It is not read from
 * the clock so that training twice on the same data writes the same bytes.
 */
export const MODEL_VERSION = '2026.11.25-1';

/**
 * B = 2^16 buckets keeps hash collisions rare for the corpus's distinct n-grams; D = 16 keeps
 * int8 E (1 MiB) + float32 scales (256 KiB) + manifest well under the 2 MB budget.
 */
export const MODEL_TRAINING: Omit<TrainOptions, 'classes' | 'seed'> = {
  buckets: 2 ** 16,
  dim: 16,
  epochs: 6,
  batchSize: 256,
  learningRate: 0.01,
  classWeightPower: 0.5,
};

export const CORPUS = { seed: SEED, frenchRawVariants: 3, englishVariants: 8 } as const;

export const FOLDS = 5;
/** Share of merchants held back from cross-validation for the replay. */
export const HELD_BACK_SHARE = 0.15;
/** Precision the per-category auto-apply thresholds must reach on out-of-fold predictions. */
export const AUTO_APPLY_PRECISION = 0.95;
/**
 * Never auto-apply a category the model gives less than even odds, whatever the fitted threshold:
 * on the easy English templates, a rare category (loans) can reach 95 % precision from p ≈ 0.2,
 * which unseen French merchants would not honour.
 */
export const MIN_AUTO_APPLY_PROBABILITY = 0.5;
export const MAX_MODEL_BYTES = 2_000_000;

const MODELS_DIR = resolve(import.meta.dirname, '../..');
export const EXPORT_DIR = resolve(MODELS_DIR, '../client/public/models/default');
export const MODEL_CARD = resolve(MODELS_DIR, 'MODEL_CARD.md');
