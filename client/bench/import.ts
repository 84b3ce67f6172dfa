import type { BrowserContext } from 'playwright-core';
import Papa from 'papaparse';
import { parseSync as ofxJsParse } from 'ofx-js';
import { decodeStatement, parseCsv, parseOfx } from '@tirelire/shared';
import type { ImportTimings } from '../src/bench/api.ts';
import { benchCsv, benchOfx } from './statements.ts';

/** Figures of issue 3 (importing statements), on 10,000-row files. */
export interface ImportFigures {
  readonly rows: number;
  /** Parse + dedup + store in the browser (median of the runs; target ≤ 2,000 ms). */
  readonly csv: ImportRuns;
  readonly ofx: ImportRuns;
  /** Our parsers against the reference libraries on the same decoded text, in Node. */
  readonly throughput: {
    readonly csv: Comparison;
    readonly ofx: Comparison;
  };
}

interface ImportRuns {
  readonly runs: ImportTimings[];
  readonly medianTotalMs: number;
  readonly medianReimportMs: number;
}

interface Comparison {
  readonly oursMs: number;
  readonly referenceMs: number;
  readonly reference: string;
  /** ours / reference: below 1 means we are faster. */
  readonly ratio: number;
  readonly oursRowsPerSecond: number;
}

const ROWS = 10_000;
const RUNS = 3;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const round = (value: number) => Math.round(value * 10) / 10;

function timeMedian(body: () => void, runs = 7): number {
  body(); // warm-up: compile the parser before timing it
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    body();
    times.push(performance.now() - start);
  }
  return round(median(times));
}

function compare(ours: () => void, reference: () => void, name: string): Comparison {
  const oursMs = timeMedian(ours);
  const referenceMs = timeMedian(reference);
  return {
    oursMs,
    referenceMs,
    reference: name,
    ratio: round((oursMs / referenceMs) * 100) / 100,
    oursRowsPerSecond: Math.round(ROWS / (oursMs / 1000)),
  };
}

export async function measureImport(context: BrowserContext, url: string): Promise<ImportFigures> {
  const files = { csv: benchCsv(ROWS), ofx: benchOfx(ROWS) };
  const page = await context.newPage();
  await page.goto(`${url}/bench.html`);
  await page.waitForFunction(() => window.tirelireBench !== undefined);
  const runsOf = async (name: string, bytes: Uint8Array): Promise<ImportRuns> => {
    const base64 = Buffer.from(bytes).toString('base64');
    const runs: ImportTimings[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const timings = await page.evaluate((file) => window.tirelireBench!.importStatement(file), {
        name,
        base64,
      });
      if (timings.added !== ROWS || timings.reimportAdded !== 0)
        throw new Error(`${name}: added ${timings.added}, then ${timings.reimportAdded}`);
      runs.push(timings);
    }
    return {
      runs,
      medianTotalMs: round(median(runs.map((r) => r.totalMs))),
      medianReimportMs: round(median(runs.map((r) => r.reimportMs))),
    };
  };
  const csv = await runsOf('bench.csv', files.csv);
  const ofx = await runsOf('bench.ofx', files.ofx);
  await page.close();

  const csvText = decodeStatement(files.csv).text;
  const ofxText = decodeStatement(files.ofx).text;
  return {
    rows: ROWS,
    csv,
    ofx,
    throughput: {
      csv: compare(
        () => parseCsv(csvText),
        () => Papa.parse(csvText, { delimiter: ';' }),
        'papaparse 5.7 (tokenising only)',
      ),
      ofx: compare(
        () => parseOfx(ofxText),
        () => ofxJsParse(ofxText),
        'ofx-js 1.1.1',
      ),
    },
  };
}
