import type { FeatureVector } from '@tirelire/shared/categorize';
import type { Example } from '../data/dataset.ts';
import type { RankedPrediction, Scored } from './metrics.ts';
import type { PreparedData } from './prepared-data.ts';
import { seedFrom } from './random.ts';
import { rowVector, subsetRows } from './sparse-rows.ts';
import { trainModel, type TrainedModel, type TrainOptions } from './train.ts';

export type Predict = (features: FeatureVector) => readonly RankedPrediction[];

/** One evaluated example: where it came from, its fold, the truth and the ranking. */
export interface OutOfFold extends Scored {
  readonly example: Example;
  readonly fold: number;
}

/** A fold plan: `items` are example indices, `foldOf[i]` the fold of `items[i]`. */
export interface FoldPlan {
  readonly items: readonly number[];
  readonly foldOf: Int32Array;
  readonly folds: number;
}

/** One model per fold, trained on the other folds' items. */
export async function trainFolds(
  data: PreparedData,
  plan: FoldPlan,
  options: Omit<TrainOptions, 'seed' | 'classes'> & { readonly seed: number },
): Promise<TrainedModel[]> {
  const models: TrainedModel[] = [];
  for (let fold = 0; fold < plan.folds; fold++) {
    const trainItems = plan.items.filter((_, i) => plan.foldOf[i] !== fold);
    models.push(
      await trainModel(
        subsetRows(data.trainRows, trainItems),
        Int32Array.from(trainItems, (item) => data.labels[item] as number),
        { ...options, classes: data.classes.length, seed: seedFrom(`fold-${fold}`, options.seed) },
      ),
    );
  }
  return models;
}

/**
 * Each fold's items predicted by the model that never saw them, through `predictorOf` (the
 * shipped path: quantised files read back by the reference model), on the labels as banks print
 * them.
 */
export function predictFolds(
  data: PreparedData,
  plan: FoldPlan,
  models: readonly TrainedModel[],
  predictorOf: (model: TrainedModel) => Predict,
): OutOfFold[] {
  const predictions: OutOfFold[] = [];
  models.forEach((model, fold) => {
    const predict = predictorOf(model);
    plan.items.forEach((item, i) => {
      if (plan.foldOf[i] !== fold) return;
      const example = data.examples[item] as Example;
      const ranking = predict(rowVector(data.evalRows, item));
      predictions.push({ example, fold, truth: example.categoryId, ranking });
    });
  });
  return predictions;
}
