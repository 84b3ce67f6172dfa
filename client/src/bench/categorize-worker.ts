import {
  buildMerchantMemory,
  normalizeLabel,
  rememberConfirmation,
  type MerchantMemory,
} from '@tirelire/shared/categorize';
import type { CategoryId, Operation } from '@tirelire/shared';
import type { Categorizer, CategorizerStatus } from '../ports/category-model.ts';
import type {
  CategorizerLoadTiming,
  CorrectionTimings,
  LearnRun,
  LearnTimings,
  SuggestTimings,
} from './api.ts';
import { categorizeLoad, confirmedOf, contextOf, toInput } from './categorize-data.ts';

// The figures through the Categorizer port, as the app's screens reach it. main.ts hands
// in `open`, which starts the app's categoriser worker: nothing here knows it is a worker.

type Open = () => Categorizer;

/** The ledger corrections and retraining draw from: the same demo ledger as the 10,000. */
const LEDGER = 10_000;
type Loaded = Exclude<CategorizerStatus, { failed: string }>;

async function readyModel(categorizer: Categorizer): Promise<Loaded> {
  const status = await categorizer.ready();
  if ('failed' in status) throw new Error(`the model did not load: ${status.failed}`);
  return status;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

export async function measureLoad(open: Open): Promise<CategorizerLoadTiming> {
  const start = performance.now();
  const categorizer = open();
  try {
    const status = await readyModel(categorizer);
    return {
      ms: performance.now() - start,
      workerLoadMs: status.loadMs,
      backend: status.backend,
      modelVersion: status.modelVersion,
      personalTrainedOn: status.personalTrainedOn,
    };
  } finally {
    categorizer.close();
  }
}

export async function measureSuggest(
  open: Open,
  { operations, runs }: { operations: number; runs: number },
): Promise<SuggestTimings> {
  const { inputs, ledger, categories } = categorizeLoad(operations);
  const memory = [...buildMerchantMemory(ledger)];
  const modelOnly = contextOf(categories);
  const withMemory = contextOf(categories, memory);
  const categorizer = open();
  try {
    const status = await readyModel(categorizer);
    const suggest = async (context: typeof modelOnly) => {
      const answer = await timed(() => categorizer.suggest(inputs, context));
      if (!answer.value.ok) throw new Error(answer.value.message);
      if (answer.value.value.length !== inputs.length) throw new Error('answers missing');
      return { ms: answer.ms, suggestions: answer.value.value };
    };
    // Warm-up: TF.js compiles its kernels and V8 the pipeline on the first big call.
    await suggest(modelOnly);
    const modelOnlyMs: number[] = [];
    const withMemoryMs: number[] = [];
    const sources: Record<string, number> = {};
    for (let run = 0; run < runs; run += 1) {
      modelOnlyMs.push((await suggest(modelOnly)).ms);
      const answered = await suggest(withMemory);
      withMemoryMs.push(answered.ms);
      if (run === 0)
        for (const suggestion of answered.suggestions) {
          const source = suggestion?.source ?? 'none';
          sources[source] = (sources[source] ?? 0) + 1;
        }
    }
    return {
      operations: inputs.length,
      backend: status.backend,
      personalTrainedOn: status.personalTrainedOn,
      modelOnlyMs,
      withMemoryMs,
      memoryEntries: memory.length,
      sources,
    };
  } finally {
    categorizer.close();
  }
}

/** A merchant the person has categorised before, and two of its operations. */
interface Merchant {
  key: string;
  corrected: Operation;
  sibling: Operation;
}

function merchantsWithSiblings(ledger: readonly Operation[], memory: MerchantMemory): Merchant[] {
  const byKey = new Map<string, Operation[]>();
  for (const operation of ledger) {
    const key = normalizeLabel(operation.rawLabel).merchantKey;
    if (!memory.has(key)) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), operation]);
  }
  const merchants: Merchant[] = [];
  for (const [key, [corrected, sibling]] of byKey)
    if (corrected && sibling) merchants.push({ key, corrected, sibling });
  return merchants;
}

/**
 * The person corrects one operation of a merchant; the clock runs from the correction (the memory
 * updated as CategorizationModel does, sent as entries) until the categoriser answers, for
 * another operation of that merchant, with the corrected category. Each correction picks a
 * category different from what the memory said, so the answer proves it was taken into account.
 */
export async function measureCorrection(
  open: Open,
  { corrections }: { corrections: number },
): Promise<CorrectionTimings> {
  const { ledger, categories } = categorizeLoad(LEDGER);
  let memory = buildMerchantMemory(ledger);
  const merchants = merchantsWithSiblings(ledger, memory);
  if (merchants.length === 0) throw new Error('no merchant with two operations');
  const categorizer = open();
  try {
    await readyModel(categorizer);
    await categorizer.suggest(ledger.slice(0, 100).map(toInput), contextOf(categories));
    const ms: number[] = [];
    for (let i = 0; i < corrections; i += 1) {
      const merchant = merchants[i % merchants.length];
      if (!merchant) break;
      const chosen = otherCategory(categories, memory.get(merchant.key)?.categoryId);
      const correction: Operation = {
        ...merchant.corrected,
        categoryId: chosen,
        categorySource: 'user',
        updatedAt: Date.now(),
      };
      const start = performance.now();
      memory = rememberConfirmation(memory, correction);
      const answer = await categorizer.suggest(
        [toInput(merchant.sibling)],
        contextOf(categories, [...memory]),
      );
      ms.push(performance.now() - start);
      const suggestion = answer.ok ? answer.value[0] : null;
      if (suggestion?.categoryId !== chosen || suggestion.source !== 'memory')
        throw new Error(`the correction of ${merchant.key} was not reflected`);
    }
    return { memoryEntries: memory.size, ms };
  } finally {
    categorizer.close();
  }
}

function otherCategory(categories: readonly CategoryId[], current: CategoryId | undefined) {
  const index = current === undefined ? -1 : categories.indexOf(current);
  const next = categories[(index + 1) % categories.length];
  if (next === undefined) throw new Error('no categories');
  return next;
}

/** Retrains the personal layer on the first `confirmed` confirmed operations, `runs` times. */
export async function measureLearn(
  open: Open,
  { confirmed, runs }: { confirmed: number; runs: number },
): Promise<LearnTimings> {
  const { ledger, categories } = categorizeLoad(LEDGER);
  const examples = confirmedOf(ledger).slice(0, confirmed);
  if (examples.length < confirmed) throw new Error(`only ${examples.length} confirmed`);
  const categorizer = open();
  try {
    await readyModel(categorizer);
    const learnRuns: LearnRun[] = [];
    for (let run = 0; run < runs; run += 1) {
      const learnt = await timed(() => categorizer.learn(examples, categories));
      if (!learnt.value.ok) throw new Error(learnt.value.message);
      learnRuns.push({
        roundTripMs: learnt.ms,
        workerMs: learnt.value.value.ms,
        trainedOn: learnt.value.value.trainedOn,
      });
    }
    return { confirmed: examples.length, runs: learnRuns };
  } finally {
    categorizer.close();
  }
}
