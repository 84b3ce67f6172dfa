import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A file next to the site root that no request may ever read. */
export const SECRET = 'TOP-SECRET-OUTSIDE-THE-SITE';

/** Bigger than the gzip threshold and very compressible. */
export const BUNDLE = "console.log('tirelire');\n".repeat(200);

/**
 * Writes a fake `vite build` output into a fresh temp directory: `<tmp>/site` is the root,
 * `<tmp>/secret.txt` and a symlink to it sit where traversal attempts would look.
 */
export async function writeFakeBuild(): Promise<{ scratch: string; root: string }> {
  const scratch = await mkdtemp(join(tmpdir(), 'tirelire-site-'));
  const root = join(scratch, 'site');
  const files: Record<string, string> = {
    'index.html': '<!doctype html><title>Tirelire</title>',
    'sw.js': 'self.addEventListener("fetch", () => {});',
    'registerSW.js': 'navigator.serviceWorker.register("/sw.js");',
    'manifest.webmanifest': '{"name":"Tirelire"}',
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'icons/icon-192.png': '\x89PNG fake',
    'assets/index-3f2a9c.js': BUNDLE,
    'assets/index-77ab01.css': 'body{margin:0}',
    'assets/tfjs-backend-wasm-simd.wasm': '\0asm fake',
    'models/v1/weights.bin': 'weights',
    'notes.unknownext': 'opaque',
    'my file.txt': 'with a space',
    '.vite/manifest.json': '{"hidden":true}',
  };
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  await writeFile(join(scratch, 'secret.txt'), SECRET);
  await symlink(join(scratch, 'secret.txt'), join(root, 'linked-secret.txt'));
  return { scratch, root };
}
