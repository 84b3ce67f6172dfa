import type { CategoryId } from '@tirelire/shared';
import { buildCorpus, type Corpus } from '../data/dataset.ts';
import { reportBySubset, thresholdsFrom, type SubsetReport, type Thresholds } from './calibrate.ts';
import { CORPUS, FOLDS, HELD_BACK_SHARE, MODEL_TRAINING, SEED } from './config.ts';
import { predictFolds, trainFolds, type OutOfFold } from './cross-validation.ts';
import { shippedPredictor } from './export.ts';
import { prepareData, type PreparedData, type SubsetName } from './prepared-data.ts';
import { seedFrom } from './random.ts';
import { groupedFolds, isHeldBack, randomFolds } from './split.ts';
import { subsetRows } from './sparse-rows.ts';
import { fitTemperature } from './temperature.ts';
import { trainModel, type TrainedModel } from './train.ts';
import { useWasmBackend } from './wasm-backend.ts';

/** The data of a run, split once: cross-validation merchants and held-back merchants. */
export interface Pipeline {
  readonly corpus: Corpus;
  readonly data: PreparedData;
  readonly classes: readonly CategoryId[];
  /** Examples of the merchants cross-validation uses. */
  readonly devItems: number[];
  /** Examples of the ~15 % of merchants kept out of cross-validation, for the replay. */
  readonly heldBackItems: number[];
}

export async function loadPipeline(): Promise<Pipeline> {
  await useWasmBackend();
  const corpus = buildCorpus(CORPUS);
  const data = prepareData(corpus);
  const devItems: number[] = [];
  const heldBackItems: number[] = [];
  corpus.examples.forEach((example, index) => {
    (isHeldBack(example.group, HELD_BACK_SHARE, SEED) ? heldBackItems : devItems).push(index);
  });
  return { corpus, data, classes: data.classes, devItems, heldBackItems };
}

export interface Evaluation {
  readonly predictions: OutOfFold[];
  readonly epochLosses: number[][];
  /** Softmax temperature fitted on the out-of-fold predictions; the predictions use it. */
  readonly temperature: number;
  readonly bySubset: Record<SubsetName, SubsetReport>;
  /** Thresholds from all out-of-fold predictions: what the shipped manifest carries. */
  readonly thresholds: Thresholds;
}

async function evaluateFolds(
  pipeline: Pipeline,
  foldOf: Int32Array,
  seedName: string,
): Promise<Evaluation> {
  const { data, devItems, classes } = pipeline;
  const plan = { items: devItems, foldOf, folds: FOLDS };
  const models = await trainFolds(data, plan, {
    ...MODEL_TRAINING,
    seed: seedFrom(seedName, SEED),
  });
  const untempered = predictFolds(data, plan, models, (model) =>
    shippedPredictor(model, classes, 1),
  );
  const temperature = fitTemperature(untempered);
  const predictions = predictFolds(data, plan, models, (model) =>
    shippedPredictor(model, classes, temperature),
  );
  return {
    predictions,
    epochLosses: models.map((model) => model.epochLosses),
    temperature,
    bySubset: reportBySubset(predictions, classes),
    thresholds: thresholdsFrom(predictions, classes),
  };
}

/** k-fold cross-validation grouped by merchant: the honest estimate. */
export function groupedCrossValidation(pipeline: Pipeline): Promise<Evaluation> {
  const items = pipeline.devItems.map((index) => pipeline.corpus.examples[index]!);
  return evaluateFolds(pipeline, groupedFolds(items, FOLDS, SEED), 'grouped');
}

/**
 * The same with folds drawn per label, ignoring merchants: only to show how much a random split
 * flatters. `keyOf` says what stays together (the label, or its normalised text).
 */
export function randomCrossValidation(
  pipeline: Pipeline,
  keyOf: (index: number) => string,
): Promise<Evaluation> {
  return evaluateFolds(pipeline, randomFolds(pipeline.devItems.map(keyOf), FOLDS, SEED), 'random');
}

export function trainOn(
  pipeline: Pipeline,
  items: readonly number[],
  seedName: string,
): Promise<TrainedModel> {
  const { data } = pipeline;
  return trainModel(
    subsetRows(data.trainRows, items),
    Int32Array.from(items, (index) => data.labels[index]!),
    { ...MODEL_TRAINING, classes: data.classes.length, seed: seedFrom(seedName, SEED) },
  );
}
