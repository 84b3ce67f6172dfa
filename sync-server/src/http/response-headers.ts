/** A response's headers, in order; names are lower-case. */
export type HeaderList = readonly (readonly [name: string, value: string])[];

/**
 * The app loads nothing from elsewhere: every fetch, script, style and worker is same-origin.
 * `'wasm-unsafe-eval'` lets the classifier compile WebAssembly without allowing `eval`; `blob:`
 * covers workers and images made in the page.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * A dedicated worker is governed by the CSP of its own script response, not the page's: without
 * this, the workers that read statements (and will run the classifier) would run unrestricted.
 * They load code and wasm from the app and talk to the page by messages only.
 */
export const WORKER_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "connect-src 'self'",
].join('; ');

/** Vite names worker chunks after their source file: `statement.worker-<hash>.js`. */
export function isWorkerScript(urlPath: string): boolean {
  return /\.worker-[\w-]+\.js$/.test(urlPath);
}

/** Sent with every response, static or not. */
export const SECURITY_HEADERS: HeaderList = [
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'no-referrer'],
];

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cached, but revalidated (ETag) before each use: the entry points of a new release. */
export const CACHE_REVALIDATE = 'no-cache';
/** Unhashed files (icons, favicon) can change between releases: a short lifetime bounds staleness. */
export const CACHE_SHORT = 'public, max-age=3600';
export const CACHE_NONE = 'no-store';

// The files that name every other one: if a browser kept an old copy it would never see a new
// release (the service worker checks sw.js for updates; index.html names the hashed bundles).
const entryPoints = new Set(['/index.html', '/sw.js', '/registerSW.js', '/manifest.webmanifest']);

/** `urlPath` is a decoded path of a file in the build, e.g. `/assets/index-3f2a.js`. */
export function cachePolicyFor(urlPath: string): string {
  if (entryPoints.has(urlPath) || urlPath.endsWith('.html')) return CACHE_REVALIDATE;
  // Vite names everything under assets/ by content hash: a changed file gets a new URL.
  if (urlPath.startsWith('/assets/')) return CACHE_IMMUTABLE;
  return CACHE_SHORT;
}
