import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fail, ok, type Result } from '@tirelire/shared';
import { contentTypeOf, isCompressible } from './content-types.ts';
import {
  CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
  WORKER_CONTENT_SECURITY_POLICY,
  isWorkerScript,
  cachePolicyFor,
  type HeaderList,
} from './response-headers.ts';

/** One encoding of a file, with every header it is sent with, computed once at start. */
export interface StaticVariant {
  readonly body: Uint8Array;
  readonly etag: string;
  readonly headers: HeaderList;
}

export interface StaticFile {
  readonly identity: StaticVariant;
  /** Present only when gzip saves enough to be worth a second copy in memory. */
  readonly gzip: StaticVariant | null;
}

/** The built PWA, held in memory: requests never touch the disk, so no path can escape it. */
export interface StaticSite {
  readonly root: string;
  readonly index: StaticFile;
  readonly fileCount: number;
  /** Keyed by decoded URL path, e.g. `/assets/index-3f2a.js`. */
  readonly find: (urlPath: string) => StaticFile | undefined;
}

export type StaticSiteError = 'missing-dir' | 'missing-index';

const MIN_GZIP_BYTES = 1024;

export function buildStaticFile(urlPath: string, bytes: Uint8Array): StaticFile {
  const contentType = contentTypeOf(urlPath);
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  const compressed =
    isCompressible(contentType) && bytes.byteLength >= MIN_GZIP_BYTES
      ? gzipSync(bytes, { level: 9 })
      : null;
  const isGzipWorthIt = compressed !== null && compressed.byteLength < bytes.byteLength * 0.9;
  const common: HeaderList = [
    ['content-type', contentType],
    ['cache-control', cachePolicyFor(urlPath)],
    // Caches must keep the gzip and identity copies apart.
    ...(isGzipWorthIt ? [['vary', 'accept-encoding'] as const] : []),
    ...(contentType.startsWith('text/html')
      ? [['content-security-policy', CONTENT_SECURITY_POLICY] as const]
      : isWorkerScript(urlPath)
        ? [['content-security-policy', WORKER_CONTENT_SECURITY_POLICY] as const]
        : []),
    ...SECURITY_HEADERS,
  ];
  // A strong ETag names one representation: the gzip copy needs its own.
  const gzipEtag = `${etag.slice(0, -1)}-gz"`;
  return {
    identity: { body: bytes, etag, headers: [...common, ['etag', etag]] },
    gzip: isGzipWorthIt
      ? {
          body: compressed,
          etag: gzipEtag,
          headers: [...common, ['content-encoding', 'gzip'], ['etag', gzipEtag]],
        }
      : null,
  };
}

/**
 * Reads every regular file under `root` into memory. Symbolic links and dot-files are skipped:
 * a link could point outside the build, and dot-files (`.vite/`) are build metadata.
 */
export async function loadStaticSite(root: string): Promise<Result<StaticSite, StaticSiteError>> {
  const isDir = await stat(root).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!isDir) return fail('missing-dir', `${root} is not a directory (run \`npm run build\`?)`);
  const files = new Map<string, StaticFile>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = join(entry.parentPath, entry.name);
    const urlPath = `/${relative(root, absolute).split(sep).join('/')}`;
    if (urlPath.split('/').some((segment) => segment.startsWith('.'))) continue;
    files.set(urlPath, buildStaticFile(urlPath, await readFile(absolute)));
  }
  const index = files.get('/index.html');
  if (index === undefined) return fail('missing-index', `${root} has no index.html`);
  return ok({ root, index, fileCount: files.size, find: (urlPath) => files.get(urlPath) });
}
