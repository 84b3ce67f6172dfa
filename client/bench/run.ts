/**
 * `npm run bench`: measures the figures the issues name, in the built app, in headless Chromium.
 * Prints one JSON document and records it in docs/benchmarks.md (between markers), with the
 * machine and the date. Not a test: nothing here passes or fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, freemem, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startServer } from '../e2e/harness.ts';
import { recordResults } from './record.ts';
import { measureAccounts } from './accounts.ts';
import { measureCategorize } from './categorize.ts';
import { measureImport } from './import.ts';
import { measureLedger } from './ledger.ts';
import { measureSync } from './sync.ts';

/**
 * `npm run bench` measures everything; `npm run bench -- import` (or `ledger`, `categorize`,
 * `accounts`, `sync`) only that part.
 */
const wanted = process.argv.slice(2);
const runs = (part: 'ledger' | 'import' | 'categorize' | 'accounts' | 'sync') =>
  wanted.length === 0 || wanted.includes(part);
/** `accounts` and `sync` run in Node against the servers alone: no build, no browser. */
const needsBrowser = runs('ledger') || runs('import') || runs('categorize');

const REPO = resolve(import.meta.dirname, '../..');

const machineOf = () => ({
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  freeMemoryGiB: Math.round(freemem() / 2 ** 30),
  node: process.version,
});

async function main(): Promise<void> {
  if (runs('accounts')) {
    const accounts = await measureAccounts();
    const machine = machineOf();
    const results = { date: new Date().toISOString(), machine, accounts };
    console.log(JSON.stringify(results, null, 2));
    await recordResults(join(REPO, 'docs/benchmarks.md'), 'accounts', results);
  }
  if (runs('sync')) {
    const sync = await measureSync();
    const results = { date: new Date().toISOString(), machine: machineOf(), sync };
    console.log(JSON.stringify(results, null, 2));
    await recordResults(join(REPO, 'docs/benchmarks.md'), 'sync', results);
  }
  if (!needsBrowser) return;
  execFileSync('npx', ['vite', 'build', '--mode', 'bench', '--logLevel', 'warn'], {
    cwd: REPO,
    stdio: 'inherit',
  });
  const server = await startServer({ staticDir: join(REPO, 'dist/bench-app') });
  const profile = await mkdtemp(join(tmpdir(), 'tirelire-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  // tsx compiles this file with esbuild's keepNames, which wraps named functions in a `__name`
  // helper; the functions handed to page.evaluate carry that call into the page, so define it.
  await context.addInitScript('globalThis.__name = (target) => target;');
  try {
    const chromiumVersion =
      context.browser()?.version() ?? execFileSync(CHROMIUM_PATH, ['--version']).toString().trim();
    const machine = { ...machineOf(), chromium: chromiumVersion };
    if (runs('ledger')) {
      const ledger = await measureLedger(context, server.url);
      const results = { date: new Date().toISOString(), machine, ledger };
      console.log(JSON.stringify(results, null, 2));
      await recordResults(join(REPO, 'docs/benchmarks.md'), 'foundation', results);
    }
    if (runs('import')) {
      const statements = await measureImport(context, server.url);
      const results = { date: new Date().toISOString(), machine, import: statements };
      console.log(JSON.stringify(results, null, 2));
      await recordResults(join(REPO, 'docs/benchmarks.md'), 'import', results);
    }
    if (runs('categorize')) {
      const categorize = await measureCategorize(server.url);
      const results = { date: new Date().toISOString(), machine, categorize };
      console.log(JSON.stringify(results, null, 2));
      await recordResults(join(REPO, 'docs/benchmarks.md'), 'categorize', results);
    }
  } finally {
    await context.close();
    await server.stop();
    await rm(profile, { recursive: true, force: true });
  }
}

await main();
