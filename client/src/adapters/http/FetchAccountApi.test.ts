import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../e2e/harness.ts';
import { describeAccountApiContract } from '../../ports/account-api.contract.ts';
import { FetchAccountApi } from './FetchAccountApi.ts';

// The real sync-server (embedded store, temporary DATA_DIR), as the e2e harness starts it.
let server: RunningServer | undefined;
let staticDir: string | undefined;
beforeAll(async () => {
  staticDir = await mkdtemp(join(tmpdir(), 'tirelire-static-'));
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>test</title>');
  server = await startServer({ staticDir });
}, 30_000);
afterAll(async () => {
  await server?.stop();
  if (staticDir) await rm(staticDir, { recursive: true, force: true });
});

const api = () => {
  if (!server) throw new Error('server not started');
  return new FetchAccountApi(server.url);
};

describeAccountApiContract('FetchAccountApi + sync-server', api);

describe('FetchAccountApi', () => {
  it("answers 'network' when the server is unreachable", async () => {
    const offline = new FetchAccountApi('http://127.0.0.1:1');
    expect(await offline.login('a@example.org', 'whatever password')).toMatchObject({
      ok: false,
      code: 'network',
    });
  });

  it("turns 429 into 'rate_limited' with Retry-After", async () => {
    const limited = new FetchAccountApi('', () =>
      Promise.resolve(
        new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'slow down' } }), {
          status: 429,
          headers: { 'Retry-After': '42', 'Content-Type': 'application/json' },
        }),
      ),
    );
    expect(await limited.login('a@example.org', 'whatever password')).toMatchObject({
      ok: false,
      code: 'rate_limited',
      retryAfterSeconds: 42,
    });
  });

  it("rejects an answer of the wrong shape as 'unexpected'", async () => {
    const odd = new FetchAccountApi('', () =>
      Promise.resolve(new Response(JSON.stringify({ accessToken: 1 }), { status: 200 })),
    );
    expect(await odd.login('a@example.org', 'whatever password')).toMatchObject({
      ok: false,
      code: 'unexpected',
    });
  });
});
