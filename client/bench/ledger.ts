import type { BrowserContext, Page } from 'playwright-core';
import type {} from '../src/bench/api.ts';

/** Figures of issue 2 (the offline ledger), measured on 100,000 operations. */
export interface LedgerFigures {
  readonly operations: number;
  readonly accounts: number;
  readonly bulkInsertMs: number;
  readonly listAllOperationsMs: number;
  readonly firstScreenMs: {
    readonly runs: number[];
    readonly median: number;
    readonly max: number;
  };
  readonly allOperationsLoadedMs: { readonly median: number };
  readonly searchMs: {
    readonly queries: number;
    readonly p50: number;
    readonly p95: number;
    readonly max: number;
  };
  readonly searchInUiMs: { readonly queries: number; readonly p50: number; readonly p95: number };
  readonly scroll: {
    readonly rowsInAccount: number;
    readonly frames: number;
    readonly longTasks: number;
    readonly longestTaskMs: number;
  };
}

const QUERIES = [
  'monop',
  'carrefour',
  'sncf',
  'amazon',
  'prlv sepa',
  'loyer',
  'boulangerie',
  'cb',
  'vir',
  'pharmacie',
  'netflix',
  'zzz-no-match',
  'deliveroo paris',
  'retrait dab',
  'free mobile',
  'edf',
  'cafe',
  'total',
  'uber',
  'airbnb',
];

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return round(sorted[Math.max(0, index)] ?? Number.NaN);
}

const round = (value: number) => Math.round(value * 10) / 10;

async function markTime(page: Page, name: string): Promise<number> {
  const handle = await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark)[0]?.startTime,
    name,
    { timeout: 120_000, polling: 50 },
  );
  return round(Number(await handle.jsonValue()));
}

export async function measureLedger(context: BrowserContext, url: string): Promise<LedgerFigures> {
  // 1. Bulk insert through the real RxDB adapter, in the app's origin and database.
  const harness = await context.newPage();
  await harness.goto(`${url}/bench.html`);
  await harness.waitForFunction(() => window.tirelireBench !== undefined);
  const seeded = await harness.evaluate(() =>
    window.tirelireBench!.seed({ operations: 100_000, accounts: 5, years: 10 }),
  );
  const searched = await harness.evaluate(
    (queries) => window.tirelireBench!.search(queries),
    [...QUERIES, ...QUERIES, ...QUERIES],
  );
  await harness.close();
  console.error(`inserted ${seeded.operations} operations in ${Math.round(seeded.insertMs)} ms`);

  // 2. A first visit: installs the service worker, loads everything, caches balances.
  const warm = await context.newPage();
  await warm.goto(url);
  await markTime(warm, 'tirelire:operations-loaded');
  await warm.close();

  // 3. Cold reloads: a new page each time (no JS state kept), data on disk.
  const firstScreen: number[] = [];
  const loaded: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const page = await context.newPage();
    await page.goto(url);
    firstScreen.push(await markTime(page, 'tirelire:first-screen'));
    loaded.push(await markTime(page, 'tirelire:operations-loaded'));
    await page.close();
  }

  // 4. Search and scrolling in the account screen of the biggest account.
  const page = await context.newPage();
  await page.goto(`${url}/accounts/demo-account-1`);
  await markTime(page, 'tirelire:operations-loaded');
  const uiSearch = await measureUiSearch(page);
  const scroll = await measureScroll(page);
  await page.close();

  return {
    operations: seeded.operations,
    accounts: 5,
    bulkInsertMs: round(seeded.insertMs),
    listAllOperationsMs: round(searched.loadMs),
    firstScreenMs: {
      runs: firstScreen,
      median: percentile(firstScreen, 50),
      max: Math.max(...firstScreen),
    },
    allOperationsLoadedMs: { median: percentile(loaded, 50) },
    searchMs: {
      queries: searched.times.length,
      p50: percentile(searched.times, 50),
      p95: percentile(searched.times, 95),
      max: round(Math.max(...searched.times)),
    },
    searchInUiMs: uiSearch,
    scroll,
  };
}

/**
 * Types each query into the search box and times, in the page, from the input event to the next
 * frame after the row count changed (the UI's debounce included, as a person experiences it).
 */
async function measureUiSearch(page: Page): Promise<LedgerFigures['searchInUiMs']> {
  const search = page.getByRole('searchbox').first();
  await search.waitFor();
  const times: number[] = [];
  for (const query of QUERIES) {
    const elapsed = await search.evaluate(
      (input: HTMLInputElement, text: string) =>
        new Promise<number>((resolveTime) => {
          const table = document.querySelector('[role="table"]');
          const before = table?.getAttribute('aria-rowcount');
          const start = performance.now();
          input.value = text;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          const check = () => {
            const now = table?.getAttribute('aria-rowcount');
            if (now !== before || performance.now() - start > 2000)
              resolveTime(performance.now() - start);
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
      query,
    );
    times.push(elapsed);
    await search.evaluate((input: HTMLInputElement) => {
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForTimeout(300);
  }
  return { queries: times.length, p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Scrolls the operation list from top to bottom over ~4 s, counting long tasks (> 50 ms). */
async function measureScroll(page: Page): Promise<LedgerFigures['scroll']> {
  return page.evaluate(
    () =>
      new Promise<LedgerFigures['scroll']>((resolveScroll) => {
        const table = document.querySelector('[role="table"]');
        const rows = Number(table?.getAttribute('aria-rowcount') ?? 0);
        const scroller = [...document.querySelectorAll<HTMLElement>('*')].find((element) => {
          const style = getComputedStyle(element);
          return (
            /(auto|scroll)/.test(style.overflowY) &&
            element.scrollHeight > element.clientHeight + 100
          );
        });
        const longTasks: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longTasks.push(entry.duration);
        });
        observer.observe({ type: 'longtask', buffered: false });
        if (!scroller) {
          observer.disconnect();
          resolveScroll({ rowsInAccount: rows, frames: 0, longTasks: -1, longestTaskMs: -1 });
          return;
        }
        let frames = 0;
        const totalFrames = 240;
        const step = () => {
          frames += 1;
          scroller.scrollTop = (scroller.scrollHeight * frames) / totalFrames;
          if (frames < totalFrames) requestAnimationFrame(step);
          else
            setTimeout(() => {
              observer.disconnect();
              resolveScroll({
                rowsInAccount: rows,
                frames,
                longTasks: longTasks.length,
                longestTaskMs: Math.round(Math.max(0, ...longTasks)),
              });
            }, 200);
        };
        requestAnimationFrame(step);
      }),
  );
}
