import { rm } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildStaticFile, loadStaticSite, type StaticSite } from './static-files.ts';
import { BUNDLE, writeFakeBuild } from './test-site.ts';

const { scratch, root } = await writeFakeBuild();
afterAll(() => rm(scratch, { recursive: true, force: true }));

const headersOf = (urlPath: string, content = 'x') =>
  new Map(buildStaticFile(urlPath, Buffer.from(content)).identity.headers);

describe('buildStaticFile headers', () => {
  it.each([
    ['/index.html', 'text/html; charset=utf-8', 'no-cache'],
    ['/sw.js', 'text/javascript; charset=utf-8', 'no-cache'],
    ['/registerSW.js', 'text/javascript; charset=utf-8', 'no-cache'],
    ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8', 'no-cache'],
    [
      '/assets/index-3f2a9c.js',
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
    ],
    ['/assets/index-77ab01.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/assets/x.wasm', 'application/wasm', 'public, max-age=31536000, immutable'],
    ['/favicon.svg', 'image/svg+xml', 'public, max-age=3600'],
    ['/icons/icon-192.png', 'image/png', 'public, max-age=3600'],
    ['/models/v1/weights.bin', 'application/octet-stream', 'public, max-age=3600'],
    ['/notes.unknownext', 'application/octet-stream', 'public, max-age=3600'],
  ])('%s → %s, %s', (urlPath, contentType, cacheControl) => {
    const headers = headersOf(urlPath);
    expect(headers.get('content-type')).toBe(contentType);
    expect(headers.get('cache-control')).toBe(cacheControl);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('etag')).toMatch(/^"[\w-]{27}"$/);
  });

  it('puts the strict CSP on HTML, a worker CSP on worker scripts, and none on other files', () => {
    expect(headersOf('/index.html').get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
        "img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; " +
        "manifest-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
    );
    expect(headersOf('/assets/index-3f2a9c.js').has('content-security-policy')).toBe(false);
    expect(headersOf('/assets/statement.worker-CiAInorb.js').get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'",
    );
  });

  it('keeps a gzip copy only of large compressible files, with its own ETag and Vary', () => {
    const bundle = buildStaticFile('/assets/a.js', Buffer.from(BUNDLE));
    expect(bundle.gzip).not.toBeNull();
    expect(gunzipSync(bundle.gzip!.body).toString()).toBe(BUNDLE);
    expect(bundle.gzip!.etag).not.toBe(bundle.identity.etag);
    const gzipHeaders = new Map(bundle.gzip!.headers);
    expect(gzipHeaders.get('content-encoding')).toBe('gzip');
    expect(gzipHeaders.get('vary')).toBe('accept-encoding');
    expect(new Map(bundle.identity.headers).get('vary')).toBe('accept-encoding');
    expect(buildStaticFile('/assets/small.js', Buffer.from('1')).gzip).toBeNull();
    expect(buildStaticFile('/big.png', Buffer.from(BUNDLE)).gzip).toBeNull();
  });
});

describe('loadStaticSite', () => {
  it('loads every regular file, keyed by decoded URL path', async () => {
    const site = await loadStaticSite(root);
    expect(site.ok).toBe(true);
    const { find, index } = (site as { value: StaticSite }).value;
    expect(Buffer.from(find('/assets/index-3f2a9c.js')!.identity.body).toString()).toBe(BUNDLE);
    expect(find('/my file.txt')).toBeDefined();
    expect(find('/index.html')).toBe(index);
  });

  it('skips dot-files and symbolic links (which could point outside)', async () => {
    const site = await loadStaticSite(root);
    const { find } = (site as { value: StaticSite }).value;
    expect(find('/.vite/manifest.json')).toBeUndefined();
    expect(find('/linked-secret.txt')).toBeUndefined();
  });

  it('fails with a value when the directory or its index.html is missing', async () => {
    expect(await loadStaticSite(`${root}/nope`)).toMatchObject({ ok: false, code: 'missing-dir' });
    expect(await loadStaticSite(`${root}/assets`)).toMatchObject({
      ok: false,
      code: 'missing-index',
    });
  });
});
