import { extname } from 'node:path';

// What vite, vite-plugin-pwa and the model files produce. Text types carry a charset so a
// browser never sniffs one; everything unknown is served as opaque bytes (with nosniff).
const byExtension: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  // Streaming compilation (WebAssembly.instantiateStreaming) insists on this exact type.
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

export function contentTypeOf(filePath: string): string {
  return byExtension[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Already-compressed formats (images, fonts) gain nothing from gzip. */
export function isCompressible(contentType: string): boolean {
  return (
    contentType.startsWith('text/') ||
    contentType.startsWith('application/json') ||
    contentType.startsWith('application/manifest+json') ||
    contentType.startsWith('application/xml') ||
    contentType === 'image/svg+xml' ||
    contentType === 'application/wasm'
  );
}
