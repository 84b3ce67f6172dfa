import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../e2e/harness.ts';
import type { CategorizerLoadTiming } from '../src/bench/api.ts';

/** Figures of issue 4 (on-device categorisation), in the app's categoriser worker. */
export interface CategorizeFigures {
  readonly operations: number;
  readonly backend: string;
  readonly modelVersion: string;
  /** The machine's 1-minute load average before and after: above ~1.5 on 2 cores, rerun. */
  readonly loadAverage: { readonly before: number; readonly after: number };
  readonly targets: Readonly<Record<string, Target>>;
  readonly load: {
    /** The first worker of a fresh browser: nothing cached, the wasm compiled for the first time. */
    readonly coldMs: number;
    readonly runsMs: number[];
    readonly medianMs: number;
    /** What the workers report (from their script running to the model usable). */
    readonly workerReportedMs: number[];
    /** Fresh workers again once a personal layer is stored (it is read back at load). */
    readonly withPersonalLayer: { readonly runsMs: number[]; readonly medianMs: number };
  };
  readonly suggest: {
    readonly memoryEntries: number;
    readonly sourcesWithMemory: Readonly<Record<string, number>>;
    /** No memory, no rules, no personal layer: every operation through the model. */
    readonly modelOnly: Runs;
    /** The merchant memory of the ledger, as the app sends it. */
    readonly withMemory: Runs;
    /** After the personal layer was trained on 5,000: memory, model and personal layer. */
    readonly withPersonalLayer: Runs;
    readonly withPersonalLayerAndMemory: Runs;
    /**
     * Model only: the round trip through the worker = message passing (the same request and
     * answer through a worker that computes nothing) + the work in the worker (the rest). The
     * same code on the page's thread, as a check of that difference.
     */
    readonly split: {
      readonly roundTripMs: number;
      readonly messagingMs: number;
      readonly inWorkerMs: number;
      readonly onPageMs: number;
      /** Checking the request, the first thing the worker does (on the page's thread). */
      readonly validateMs: number;
      readonly cloneRequestMs: number;
      readonly cloneAnswerMs: number;
    };
  };
  readonly correction: {
    readonly memoryEntries: number;
    readonly runsMs: number[];
    readonly medianMs: number;
    readonly maxMs: number;
  };
  readonly learn: {
    readonly confirmed: number;
    readonly trainedOn: number;
    readonly roundTripMs: number[];
    readonly workerMs: number[];
    readonly medianMs: number;
  };
  readonly dense: {
    readonly shape: string;
    readonly featuresMs: number;
    readonly sparsePredictMs: number;
    readonly denseMs: Runs;
    readonly denseInputMs: number;
    readonly denseTfjsMs: number;
    /** sparse pass / dense pass on the same features: below 1 means the sparse model is faster. */
    readonly ratio: number;
  };
}

interface Runs {
  readonly runsMs: number[];
  readonly medianMs: number;
}

interface Target {
  readonly target: string;
  readonly measuredMs: number;
  readonly met: boolean;
}

const OPERATIONS = 10_000;
const SUGGEST_RUNS = 5;
const LOAD_RUNS = 3;
const CORRECTIONS = 20;
const CONFIRMED = 5_000;
const LEARN_RUNS = 3;

const round = (value: number) => Math.round(value * 10) / 10;
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN);
};
const runsOf = (values: readonly number[]): Runs => ({
  runsMs: values.map(round),
  medianMs: median(values),
});
const target = (limit: number, measuredMs: number): Target => ({
  target: `≤ ${limit} ms`,
  measuredMs,
  met: measuredMs <= limit,
});

async function loads(page: Page, count: number): Promise<CategorizerLoadTiming[]> {
  const timings: CategorizerLoadTiming[] = [];
  for (let run = 0; run < count; run += 1)
    timings.push(await page.evaluate(() => window.tirelireBench!.categorizerLoad()));
  return timings;
}

/**
 * Runs in a browser of its own: the other parts leave behind a service worker and a personal
 * layer the app trained on 100,000 operations, and these figures must not depend on that.
 */
export async function measureCategorize(url: string): Promise<CategorizeFigures> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    // tsx's keepNames helper travels with the functions handed to page.evaluate (see run.ts).
    await context.addInitScript('globalThis.__name = (target) => target;');
    const page = await context.newPage();
    await page.goto(`${url}/bench.html`);
    await page.waitForFunction(() => window.tirelireBench !== undefined);
    return await measureIn(page);
  } finally {
    await browser.close();
  }
}

async function measureIn(page: Page): Promise<CategorizeFigures> {
  const loadBefore = loadavg()[0] ?? Number.NaN;
  const [cold, ...fresh] = await loads(page, 1 + LOAD_RUNS);
  if (!cold) throw new Error('no load timing');
  console.error(`categoriser ready in ${Math.round(cold.ms)} ms on ${cold.backend} (cold)`);
  const size = { operations: OPERATIONS, runs: SUGGEST_RUNS };
  const suggest = await page.evaluate((o) => window.tirelireBench!.categorizerSuggest(o), size);
  const correction = await page.evaluate(
    (corrections) => window.tirelireBench!.categorizerCorrection({ corrections }),
    CORRECTIONS,
  );
  const learn = await page.evaluate((o) => window.tirelireBench!.categorizerLearn(o), {
    confirmed: CONFIRMED,
    runs: LEARN_RUNS,
  });
  // From here on every worker reads the personal layer just trained back from IndexedDB.
  const withPersonal = await loads(page, LOAD_RUNS);
  const suggestPersonal = await page.evaluate(
    (o) => window.tirelireBench!.categorizerSuggest(o),
    size,
  );
  if (suggestPersonal.personalTrainedOn !== CONFIRMED)
    throw new Error(`personal layer trained on ${suggestPersonal.personalTrainedOn}`);
  const onPage = await page.evaluate((o) => window.tirelireBench!.categorizeOnPage(o), size);

  const loadMedian = median(fresh.map((t) => t.ms));
  const modelOnly = runsOf(suggest.modelOnlyMs);
  const computeMs = median(onPage.suggestMs);
  const messagingMs = median(onPage.echoMs);
  const steps = {
    validateMs: median(onPage.validateMs),
    featuresMs: median(onPage.featuresMs),
    sparsePredictMs: median(onPage.sparsePredictMs),
  };
  const correctionMedian = median(correction.ms);
  const learnMedian = median(learn.runs.map((run) => run.roundTripMs));
  const denseMs = runsOf(onPage.dense.totalMs);
  const suggestSlowest = Math.max(
    modelOnly.medianMs,
    median(suggest.withMemoryMs),
    median(suggestPersonal.modelOnlyMs),
    median(suggestPersonal.withMemoryMs),
  );
  return {
    operations: suggest.operations,
    backend: suggest.backend,
    modelVersion: cold.modelVersion,
    loadAverage: { before: round(loadBefore), after: round(loadavg()[0] ?? Number.NaN) },
    targets: {
      classify10k: target(100, suggestSlowest),
      modelLoad: target(300, loadMedian),
      correctionReflected: target(50, correctionMedian),
      learn5k: target(2_000, learnMedian),
    },
    load: {
      coldMs: round(cold.ms),
      runsMs: fresh.map((t) => round(t.ms)),
      medianMs: loadMedian,
      workerReportedMs: [cold, ...fresh].map((t) => t.workerLoadMs),
      withPersonalLayer: runsOf(withPersonal.map((t) => t.ms)),
    },
    suggest: {
      memoryEntries: suggest.memoryEntries,
      sourcesWithMemory: suggest.sources,
      modelOnly,
      withMemory: runsOf(suggest.withMemoryMs),
      withPersonalLayer: runsOf(suggestPersonal.modelOnlyMs),
      withPersonalLayerAndMemory: runsOf(suggestPersonal.withMemoryMs),
      split: {
        roundTripMs: modelOnly.medianMs,
        messagingMs,
        inWorkerMs: round(modelOnly.medianMs - messagingMs),
        onPageMs: computeMs,
        validateMs: steps.validateMs,
        cloneRequestMs: median(onPage.cloneRequestMs),
        cloneAnswerMs: median(onPage.cloneAnswerMs),
      },
    },
    correction: {
      memoryEntries: correction.memoryEntries,
      runsMs: correction.ms.map(round),
      medianMs: correctionMedian,
      maxMs: round(Math.max(...correction.ms)),
    },
    learn: {
      confirmed: learn.confirmed,
      trainedOn: learn.runs[0]?.trainedOn ?? 0,
      roundTripMs: learn.runs.map((run) => round(run.roundTripMs)),
      workerMs: learn.runs.map((run) => run.workerMs),
      medianMs: learnMedian,
    },
    dense: {
      shape: `${onPage.dense.inputSize} → ${onPage.dense.hidden} → ${onPage.dense.classes} (softmax), ${onPage.backend}`,
      featuresMs: steps.featuresMs,
      sparsePredictMs: steps.sparsePredictMs,
      denseMs,
      denseInputMs: median(onPage.dense.inputMs),
      denseTfjsMs: median(onPage.dense.tfjsMs),
      ratio: Math.round((steps.sparsePredictMs / denseMs.medianMs) * 100) / 100,
    },
  };
}
