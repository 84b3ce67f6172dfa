/** Longer paths are no file of ours; the cap bounds the work done on hostile input. */
const MAX_PATH_LENGTH = 1024;

/**
 * Decodes the path of a request URL (without its query) into the form the static site is keyed
 * by, or returns null when the path is malformed or tries to leave the site: `..` or `.`
 * segments (also when percent-encoded, `%2e%2e`, or hidden behind `%2f`), NUL bytes,
 * backslashes, bad percent-encoding. Files are served from memory, so nothing could escape
 * anyway; this refuses such requests outright instead of guessing what they meant.
 */
export function decodeRequestPath(rawPath: string): string | null {
  if (!rawPath.startsWith('/') || rawPath.length > MAX_PATH_LENGTH) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (/[\0\\]/.test(decoded)) return null;
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '.' || segment === '..')) return null;
  return decoded;
}

/** `/accounts/42` is an app route; `/logo.png` or `/assets/x.js` names a file. */
export function looksLikeFile(urlPath: string): boolean {
  const lastSegment = urlPath.slice(urlPath.lastIndexOf('/') + 1);
  return lastSegment.includes('.');
}
