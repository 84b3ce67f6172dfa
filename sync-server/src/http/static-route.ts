import type { HttpReply, HttpRequest } from './http-types.ts';
import { acceptsGzip, matchesEtag } from './negotiation.ts';
import { replyWith, textReply } from './replies.ts';
import { decodeRequestPath, looksLikeFile } from './request-path.ts';
import type { StaticFile, StaticSite } from './static-files.ts';

// Paths the server owns or will own: a miss there is a real 404, never the app shell (the
// service worker's navigateFallbackDenylist lists the same prefixes).
const serverPrefixes = ['/api/', '/.well-known/', '/healthz/'];
// A missing hashed asset is a stale page asking for an old release: a 404 lets it fail clearly,
// where an HTML page with status 200 would be run as a script or module.
const noFallbackPrefixes = ['/assets/', ...serverPrefixes];

/** GET or HEAD of a file of the build, with the SPA fallback to index.html. */
export function serveStatic(site: StaticSite, request: HttpRequest): HttpReply {
  const urlPath = decodeRequestPath(request.path);
  if (urlPath === null) return textReply(request.method, 400, 'Bad Request');
  const file = site.find(urlPath === '/' ? '/index.html' : urlPath);
  if (file !== undefined) return sendFile(file, request);
  const isAppRoute =
    !looksLikeFile(urlPath) && !noFallbackPrefixes.some((prefix) => urlPath.startsWith(prefix));
  return isAppRoute ? sendFile(site.index, request) : textReply(request.method, 404, 'Not Found');
}

function sendFile(file: StaticFile, request: HttpRequest): HttpReply {
  const variant =
    file.gzip !== null && acceptsGzip(request.acceptEncoding) ? file.gzip : file.identity;
  if (request.ifNoneMatch !== '' && matchesEtag(request.ifNoneMatch, variant.etag)) {
    // RFC 9110 §15.4.5: a 304 repeats the validators and caching headers, not the content type.
    const headers = variant.headers.filter(
      ([name]) => name !== 'content-type' && name !== 'content-encoding',
    );
    return { status: 304, headers, body: null };
  }
  return replyWith(request.method, 200, variant.headers, variant.body);
}
