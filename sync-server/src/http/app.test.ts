import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedServerStore } from '../adapters/embedded/EmbeddedServerStore.ts';
import { silentLogger } from '../log.ts';
import { createHttpApp } from './app.ts';
import type { HttpReply, HttpRequest } from './http-types.ts';
import { loadStaticSite } from './static-files.ts';
import { BUNDLE, SECRET, writeFakeBuild } from './test-site.ts';

const { scratch, root } = await writeFakeBuild();
const loaded = await loadStaticSite(root);
if (!loaded.ok) throw new Error(loaded.message);
const store = await EmbeddedServerStore.open({ dataDir: join(scratch, 'data'), log: silentLogger });
const app = createHttpApp({ site: loaded.value, store, log: silentLogger });

afterAll(async () => {
  await store.close();
  await rm(scratch, { recursive: true, force: true });
});

const request = (path: string, more: Partial<HttpRequest> = {}): Promise<HttpReply> =>
  Promise.resolve(
    app({
      method: 'GET',
      path,
      acceptEncoding: '',
      ifNoneMatch: '',
      authorization: '',
      remoteAddress: '127.0.0.1',
      body: new Uint8Array(),
      bodyTooLarge: false,
      ...more,
    }),
  );
const header = (reply: HttpReply, name: string) => new Map(reply.headers).get(name);
const text = (reply: HttpReply) => Buffer.from(reply.body ?? []).toString();

describe('static routes', () => {
  it.each(['/', '/index.html', '/accounts/42', '/settings/', '/v1.2/accounts'])(
    'S-STATIC-2: GET %s → index.html, 200, with the CSP',
    async (path) => {
      const reply = await request(path);
      expect(reply.status).toBe(200);
      expect(text(reply)).toContain('<title>Tirelire</title>');
      expect(header(reply, 'content-security-policy')).toContain("script-src 'self'");
    },
  );

  it.each([
    ['/missing.js', 404],
    ['/assets/index-old.js', 404],
    ['/assets/old-chunk', 404],
    ['/api/sync', 404],
    ['/.well-known/security.txt', 404],
    ['/healthz/extra', 404],
    ['/.vite/manifest.json', 404],
    ['/linked-secret.txt', 404],
  ])('S-STATIC-2: GET %s → %i, never the app shell', async (path, status) => {
    const reply = await request(path);
    expect(reply.status).toBe(status);
    expect(text(reply)).toBe('Not Found');
    expect(header(reply, 'cache-control')).toBe('no-store');
  });

  it.each([
    '/../secret.txt',
    '/../../../../../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/index.html%00',
    '/%ff',
  ])('S-STATIC-3: GET %j → 400, nothing from outside the site', async (path) => {
    const reply = await request(path);
    expect(reply.status).toBe(400);
    expect(text(reply)).not.toContain(SECRET);
  });

  it('serves files with spaces, decoded', async () => {
    expect(text(await request('/my%20file.txt'))).toBe('with a space');
  });

  it('HEAD: the GET headers plus content-length, and no body', async () => {
    const reply = await request('/assets/index-3f2a9c.js', { method: 'HEAD' });
    expect(reply.status).toBe(200);
    expect(reply.body).toBeNull();
    expect(header(reply, 'content-length')).toBe(String(BUNDLE.length));
    expect(header(reply, 'cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('S-STATIC-4: sends the gzip copy to clients that accept it', async () => {
    const reply = await request('/assets/index-3f2a9c.js', { acceptEncoding: 'gzip, br' });
    expect(header(reply, 'content-encoding')).toBe('gzip');
    expect(gunzipSync(reply.body!).toString()).toBe(BUNDLE);
  });

  it('S-STATIC-5: answers 304 to a matching If-None-Match, with validators but no body', async () => {
    const first = await request('/sw.js');
    const etag = header(first, 'etag')!;
    const reply = await request('/sw.js', { ifNoneMatch: etag });
    expect(reply).toMatchObject({ status: 304, body: null });
    expect(header(reply, 'etag')).toBe(etag);
    expect(header(reply, 'cache-control')).toBe('no-cache');
    expect(header(reply, 'content-type')).toBeUndefined();
    expect((await request('/sw.js', { ifNoneMatch: '"stale"' })).status).toBe(200);
  });

  it.each(['POST', 'PUT', 'DELETE', 'get', 'BREW'])('%s → 405 with Allow', async (method) => {
    const reply = await request('/', { method });
    expect(reply.status).toBe(405);
    expect(header(reply, 'allow')).toBe('GET, HEAD');
  });
});

describe('S-HEALTH-1: GET /healthz', () => {
  it('200 with the store kind when the store is healthy', async () => {
    const reply = await request('/healthz');
    expect(reply.status).toBe(200);
    expect(header(reply, 'cache-control')).toBe('no-store');
    expect(JSON.parse(text(reply))).toMatchObject({
      status: 'ok',
      store: { kind: 'embedded', ok: true },
    });
  });

  it('503 with ok:false and the reason when it is not', async () => {
    const closed = await EmbeddedServerStore.open({
      dataDir: join(scratch, 'closed-data'),
      log: silentLogger,
    });
    await closed.close();
    const unhealthy = createHttpApp({ site: loaded.value, store: closed, log: silentLogger });
    const reply = await unhealthy({
      method: 'GET',
      path: '/healthz',
      acceptEncoding: '',
      ifNoneMatch: '',
      authorization: '',
      remoteAddress: '127.0.0.1',
      body: new Uint8Array(),
      bodyTooLarge: false,
    });
    expect(reply.status).toBe(503);
    expect(JSON.parse(Buffer.from(reply.body!).toString())).toEqual({
      status: 'unavailable',
      store: { kind: 'embedded', ok: false, reason: 'closed' },
    });
  });
});
