import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import uWS from 'uWebSockets.js';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../http/app.ts';
import type { HttpHandler } from '../../http/http-types.ts';
import { loadStaticSite, type StaticSite } from '../../http/static-files.ts';
import { SECRET, writeFakeBuild } from '../../http/test-site.ts';
import { silentLogger } from '../../log.ts';
import type { ServerStore } from '../../ports/server-store.ts';
import { EmbeddedServerStore } from '../embedded/EmbeddedServerStore.ts';
import { RedisServerStore } from '../redis/RedisServerStore.ts';
import {
  CLOSED_REDIS_URL,
  TEST_REDIS_URL,
  deleteKeysWithPrefix,
  uniqueTestPrefix,
} from '../redis/redis-test-support.ts';
import { requireNativeUws } from './native-uws.ts';
import { rawGet, rawHttp } from './raw-http.ts';
import { ListenError, UwsHttpServer } from './UwsHttpServer.ts';

const { scratch, root } = await writeFakeBuild();
const loaded = await loadStaticSite(root);
if (!loaded.ok) throw new Error(loaded.message);
const site: StaticSite = loaded.value;
const keyPrefix = uniqueTestPrefix('http');
const native = requireNativeUws();

// Everything opened by a test is closed after it, even when the test fails.
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await deleteKeysWithPrefix(keyPrefix);
  await rm(scratch, { recursive: true, force: true });
});

async function serve(handler: HttpHandler, port = 0): Promise<UwsHttpServer> {
  const server = await UwsHttpServer.listen({
    host: '127.0.0.1',
    port,
    handler,
    log: silentLogger,
    native,
  });
  cleanups.push(() => server.close());
  return server;
}

async function serveApp(store: ServerStore): Promise<string> {
  cleanups.push(() => store.close());
  const server = await serve(createHttpApp({ site, store, log: silentLogger }));
  return `http://127.0.0.1:${server.port}`;
}

const embedded = () =>
  EmbeddedServerStore.open({ dataDir: join(scratch, `data-${Date.now()}`), log: silentLogger });
const redisAt = (url: string) =>
  RedisServerStore.open({ url, keyPrefix, log: silentLogger, connectTimeoutMs: 500 });

describe('UwsHttpServer serving the app', () => {
  it('serves index.html with the CSP and security headers, and assets as immutable', async () => {
    const base = await serveApp(await embedded());
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await index.text()).toContain('<title>Tirelire</title>');
    const asset = await fetch(`${base}/assets/index-3f2a9c.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(await asset.text()).toContain("console.log('tirelire')");
    const wasm = await fetch(`${base}/assets/tfjs-backend-wasm-simd.wasm`);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
  });

  it('falls back to index.html for app routes, 404s unknown files, 405s other methods', async () => {
    const base = await serveApp(await embedded());
    const route = await fetch(`${base}/accounts/42?tab=history`);
    expect([route.status, await route.text()]).toEqual([200, expect.stringContaining('Tirelire')]);
    const missing = await fetch(`${base}/assets/gone-1234.js`);
    expect([missing.status, await missing.text()]).toEqual([404, 'Not Found']);
    const post = await fetch(`${base}/`, { method: 'POST', body: 'x' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });

  it('answers HEAD with the length and no body, even pipelined before a GET', async () => {
    const base = await serveApp(await embedded());
    const head = await fetch(`${base}/sw.js`, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe('41');
    const port = Number(new URL(base).port);
    const both = await rawHttp(
      port,
      'HEAD /sw.js HTTP/1.1\r\nHost: x\r\n\r\nGET /sw.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(both.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2);
    expect(both.match(/self\.addEventListener/g)).toHaveLength(1);
  });

  it.each([
    '/../secret.txt',
    '/../../../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/index.html%00',
    '/..%00/secret.txt',
    '/%c0%ae%c0%ae/secret.txt',
  ])('S-STATIC-3: never lets %j out of the directory', async (path) => {
    const base = await serveApp(await embedded());
    const reply = await rawGet(Number(new URL(base).port), path);
    expect(reply).toMatch(/^HTTP\/1\.1 (400|404) /);
    expect(reply).not.toContain(SECRET);
    expect(reply).not.toContain('root:');
  });
});

describe('S-HEALTH-1: GET /healthz over uWS', () => {
  it('reports the embedded store', async () => {
    const response = await fetch(`${await serveApp(await embedded())}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      store: { kind: 'embedded', ok: true },
    });
  });

  it('reports the real Redis', async () => {
    const response = await fetch(`${await serveApp(await redisAt(TEST_REDIS_URL))}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      store: { kind: 'redis', ok: true },
    });
  });

  it('503s while Redis is unreachable, and keeps serving the app', async () => {
    const base = await serveApp(await redisAt(CLOSED_REDIS_URL));
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 'unavailable',
      store: { kind: 'redis', ok: false, reason: 'unreachable' },
    });
    expect((await fetch(`${base}/`)).status).toBe(200);
  });
});

describe('UwsHttpServer robustness', () => {
  it('turns a throwing or rejecting handler into a 500 and keeps running', async () => {
    let calls = 0;
    const server = await serve(() => {
      calls += 1;
      if (calls === 1) throw new Error('sync bug');
      return Promise.reject(new Error('async bug'));
    });
    const base = `http://127.0.0.1:${server.port}`;
    expect((await fetch(base)).status).toBe(500);
    expect((await fetch(base)).status).toBe(500);
  });

  it('survives a client that hangs up before a slow reply is ready', async () => {
    let release = () => {};
    const ready = new Promise<void>((resolve) => (release = resolve));
    const server = await serve(async () => {
      await ready;
      return { status: 200, headers: [], body: Buffer.from('late') };
    });
    await rawHttp(server.port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n', 100);
    release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Replying to the vanished client must not have taken the server down.
    expect(await rawGet(server.port, '/')).toContain('late');
  });

  it('S-START-1: refuses a port another server holds (exclusive listen)', async () => {
    const first = await serve(() => ({ status: 204, headers: [], body: null }));
    await expect(
      serve(() => ({ status: 204, headers: [], body: null }), first.port),
    ).rejects.toThrow(ListenError);
  });

  it('closes its listen socket and open connections', async () => {
    const server = await serve(() => ({ status: 200, headers: [], body: Buffer.from('hi') }));
    const keptAlive = rawHttp(server.port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n', 5000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    server.close();
    server.close();
    expect(await keptAlive).toContain('hi');
    await expect(fetch(`http://127.0.0.1:${server.port}/`)).rejects.toThrow();
  });
});

describe('requireNativeUws', () => {
  it('accepts the loaded module and rejects the pure-JS fallback shape', () => {
    expect(requireNativeUws(uWS).exclusivePortOption).toBe(1);
    const fallbackShape = { App: () => ({}), us_socket_local_port: () => 0, default: {} };
    expect(() => requireNativeUws(fallbackShape)).toThrow(/fell back to a slow pure-JS server/);
  });
});
