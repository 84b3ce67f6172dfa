import { spawn } from 'node:child_process';
import { rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  TEST_REDIS_URL,
  deleteKeysWithPrefix,
  uniqueTestPrefix,
} from './adapters/redis/redis-test-support.ts';
import { writeFakeBuild } from './http/test-site.ts';

// Each test starts Node with tsx (≈1–2 s apiece, more on a busy machine).
const SPAWN_TIMEOUT_MS = 60_000;
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { scratch, root } = await writeFakeBuild();
const keyPrefix = uniqueTestPrefix('main');

interface Run {
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly hasExited: () => boolean;
  readonly kill: (signal: NodeJS.Signals) => void;
}

const running: Run[] = [];
afterEach(() => running.splice(0).forEach((run) => run.kill('SIGKILL')));
afterAll(async () => {
  await deleteKeysWithPrefix(keyPrefix);
  await rm(scratch, { recursive: true, force: true });
});

/** Runs the real entry point the way `npm start` does, with only the given variables set. */
function runMain(env: Record<string, string>): Run {
  const inherited = Object.fromEntries(
    ['PATH', 'HOME', 'TMPDIR'].flatMap((name) =>
      process.env[name] === undefined ? [] : [[name, process.env[name]]],
    ),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts'], {
    cwd: repoRoot,
    env: { ...inherited, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  const run: Run = {
    exit,
    stdout: () => stdout,
    stderr: () => stderr,
    hasExited: () => child.exitCode !== null || child.signalCode !== null,
    kill: (signal) => {
      if (!run.hasExited()) child.kill(signal);
    },
  };
  running.push(run);
  return run;
}

async function waitForUrl(run: Run): Promise<string> {
  for (let waited = 0; waited < 15_000; waited += 50) {
    const match = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(run.stdout());
    if (match) return match[1]!;
    if (run.hasExited()) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`server did not start:\n${run.stdout()}\n${run.stderr()}`);
}

const serverEnv = (more: Record<string, string> = {}) => ({
  PORT: '0',
  STATIC_DIR: root,
  DATA_DIR: join(scratch, 'data'),
  ...more,
});

describe('main.ts', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('S-CONFIG-1: exits 2 with one clear line per bad variable, and no stack trace', async () => {
    const run = runMain({ PORT: 'eighty', LOG_LEVEL: 'chatty' });
    expect(await run.exit).toEqual({ code: 2, signal: null });
    expect(run.stderr().trim().split('\n')).toEqual([
      'tirelire sync-server: PORT must be a whole number from 0 to 65535 (got "eighty")',
      'tirelire sync-server: LOG_LEVEL must be one of debug, info, warn, error, silent (got "chatty")',
    ]);
  });

  it('S-CONFIG-1: exits 2 when STATIC_DIR holds no build', async () => {
    const run = runMain(serverEnv({ STATIC_DIR: join(scratch, 'nothing-here') }));
    expect((await run.exit).code).toBe(2);
    expect(run.stderr()).toMatch(
      /^tirelire sync-server: STATIC_DIR .*nothing-here is not a directory/,
    );
  });

  it('S-START-1: refuses to run on the pure-JS uWS fallback', async () => {
    const run = runMain(serverEnv({ UWS_USE_FALLBACK: '1' }));
    expect((await run.exit).code).toBe(1);
    expect(run.stderr()).toContain('fell back to a slow pure-JS server');
  });

  it('S-START-2, S-STOP-1: serves with the embedded store, says where its data is, stops on SIGTERM with 0', async () => {
    const run = runMain(serverEnv());
    const url = await waitForUrl(run);
    expect(run.stdout()).toContain(`store: embedded, data in ${join(scratch, 'data')}`);
    expect((await stat(join(scratch, 'data'))).mode & 0o777).toBe(0o700);
    const health = await fetch(`${url}healthz`);
    expect(await health.json()).toMatchObject({ store: { kind: 'embedded', ok: true } });
    run.kill('SIGTERM');
    expect(await run.exit).toEqual({ code: 0, signal: null });
  });

  it('S-START-1, S-STOP-1: uses Redis when REDIS_URL is set, a rival on its port exits 1, SIGINT stops it with 0', async () => {
    const run = runMain(serverEnv({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: keyPrefix }));
    const url = await waitForUrl(run);
    expect(await (await fetch(`${url}healthz`)).json()).toMatchObject({
      store: { kind: 'redis', ok: true },
    });
    const rival = runMain(serverEnv({ PORT: new URL(url).port }));
    expect((await rival.exit).code).toBe(1);
    expect(rival.stderr()).toContain('cannot listen on 127.0.0.1');
    run.kill('SIGINT');
    expect(await run.exit).toEqual({ code: 0, signal: null });
  });
});
