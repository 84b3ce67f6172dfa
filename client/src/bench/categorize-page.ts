import { wrap } from 'comlink';
import { featuresOf, type FeatureVector } from '@tirelire/shared/categorize';
import type { Categorizer, CategorizeContext, CategorizeInput } from '../ports/category-model.ts';
import type { OnPageTimings } from './api.ts';
import { categorizeLoad, contextOf } from './categorize-data.ts';
import { DenseBaseline } from './dense-baseline.ts';
import type { Echo } from './echo.worker.ts';

/** What main.ts wires for the measurements on the page's own thread. */
export interface OnPageParts {
  /** The worker's API called directly (the inline adapter), over the model below. */
  categorizer: Categorizer;
  /** The loaded shipped model: its backend and its sparse pass. */
  model: {
    readonly backend: string;
    readonly classes: readonly string[];
    predict(batch: readonly FeatureVector[]): Float32Array[];
  };
  /** The checks the worker makes on every request (it comes from another thread). */
  validate(operations: readonly CategorizeInput[], context: CategorizeContext): void;
}

/** The dense baseline of the issue: 4,096 hashed inputs → 16 → the model's classes. */
const DENSE = { inputSize: 4_096, hidden: 16 };

/** `runs` timings of `body` after one warm-up run (every figure here is a median of such). */
async function runsOf(runs: number, body: () => unknown): Promise<number[]> {
  await body();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await body();
    times.push(performance.now() - start);
  }
  return times;
}

/** Round trips of the same request and answer through a worker that computes nothing. */
async function echoRoundTrips(
  runs: number,
  operations: readonly CategorizeInput[],
  context: CategorizeContext,
  answer: unknown,
): Promise<number[]> {
  const worker = new Worker(new URL('./echo.worker.ts', import.meta.url), { type: 'module' });
  try {
    const echo = wrap<Echo>(worker);
    await echo.keep(answer);
    return await runsOf(runs, () => echo.suggest(operations, context));
  } finally {
    worker.terminate();
  }
}

/**
 * The sparse model's pass and the dense model's on the same features, run after run in turn, so
 * a busy moment of the machine weighs on both alike.
 */
function compareModels(
  sparse: OnPageParts['model'],
  dense: DenseBaseline,
  features: readonly FeatureVector[],
  runs: number,
) {
  sparse.predict(features); // warm-up, both
  dense.predict(features);
  const sparsePredictMs: number[] = [];
  const denseRuns: { totalMs: number; inputMs: number; tfjsMs: number }[] = [];
  for (let run = 0; run < runs; run += 1) {
    const sparseStart = performance.now();
    sparse.predict(features);
    sparsePredictMs.push(performance.now() - sparseStart);
    const denseStart = performance.now();
    const { inputMs, tfjsMs, probabilities } = dense.predict(features);
    denseRuns.push({ totalMs: performance.now() - denseStart, inputMs, tfjsMs });
    if (probabilities.length !== features.length) throw new Error('dense: operations lost');
  }
  return { sparsePredictMs, denseRuns };
}

/**
 * Where the time of one suggest call goes, without the worker: the same code on the page's
 * thread and its steps run alone, the copies postMessage makes, and the same request and answer
 * through a worker that does nothing (the message passing alone). Then the same features through
 * the shipped sparse model and a dense one on the same TF.js backend, for their ratio.
 */
export async function measureOnPage(
  parts: OnPageParts,
  { operations, runs }: { operations: number; runs: number },
): Promise<OnPageTimings> {
  const { inputs, categories } = categorizeLoad(operations);
  const context = contextOf(categories);
  let answer: unknown = null;
  const suggestMs = await runsOf(runs, async () => {
    const answered = await parts.categorizer.suggest(inputs, context);
    if (!answered.ok) throw new Error(answered.message);
    answer = answered.value;
  });
  const validateMs = await runsOf(runs, () => parts.validate(inputs, context));
  let features: FeatureVector[] = [];
  const featuresMs = await runsOf(runs, () => {
    features = inputs.map(({ rawLabel, amountMinor, date }) =>
      featuresOf({ label: rawLabel, amountMinor, date }),
    );
  });
  const cloneRequestMs = await runsOf(runs, () => structuredClone([inputs, context]));
  const cloneAnswerMs = await runsOf(runs, () => structuredClone(answer));
  const echoMs = await echoRoundTrips(runs, inputs, context, answer);

  const dense = new DenseBaseline({ ...DENSE, classes: parts.model.classes.length });
  try {
    const { sparsePredictMs, denseRuns } = compareModels(parts.model, dense, features, runs);
    return {
      operations: inputs.length,
      backend: parts.model.backend,
      suggestMs,
      validateMs,
      featuresMs,
      sparsePredictMs,
      cloneRequestMs,
      cloneAnswerMs,
      echoMs,
      dense: {
        ...DENSE,
        classes: parts.model.classes.length,
        totalMs: denseRuns.map((run) => run.totalMs),
        inputMs: denseRuns.map((run) => run.inputMs),
        tfjsMs: denseRuns.map((run) => run.tfjsMs),
      },
    };
  } finally {
    dense.dispose();
  }
}
