import { mkdtemp, readdir, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../log.ts';
import { loadOrCreateEmbeddedKeyRing, writeNewKeyPair } from './key-files.ts';
import { loadKeyRing } from './keys.ts';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'tirelire-key-files-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const permissions = async (path: string) => (await stat(path)).mode & 0o777;

function recordingLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  const record = (level: string) => (message: string) => lines.push(`${level}: ${message}`);
  return {
    lines,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
}

describe('writeNewKeyPair', () => {
  it('writes a loadable pair, private key 0600, and leaves no temporary file', async () => {
    const written = await writeNewKeyPair(directory);
    if (!written.ok) throw new Error(written.message);
    const { privateKeyPath, publicKeyPath, kid } = written.value;
    expect(await permissions(privateKeyPath)).toBe(0o600);
    expect(await permissions(publicKeyPath)).toBe(0o644);
    expect((await readdir(directory)).sort()).toEqual(['private-key.pem', 'public-key.pem']);
    const ring = await loadKeyRing({ privateKeyPath, publicKeyPaths: [publicKeyPath] });
    expect(ring.ok && ring.value.signing.kid).toBe(kid);
    expect(ring.ok && ring.value.jwks.keys.length).toBe(1);
  });

  it.each(['private-key.pem', 'public-key.pem'])(
    'refuses to overwrite an existing %s and leaves the directory untouched',
    async (existing) => {
      await writeFile(join(directory, existing), 'precious');
      expect(await writeNewKeyPair(directory)).toMatchObject({ ok: false, code: 'already_exists' });
      expect(await readdir(directory)).toEqual([existing]);
      expect(await readFile(join(directory, existing), 'utf8')).toBe('precious');
    },
  );
});

describe('loadOrCreateEmbeddedKeyRing', () => {
  it('creates a pair on first start, says so, and reuses it afterwards', async () => {
    const dataDir = join(directory, 'data');
    const logger = recordingLogger();
    const first = await loadOrCreateEmbeddedKeyRing(dataDir, logger);
    if (!first.ok) throw new Error(first.message);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatch(/^info: generated a new ES256 signing key \(kid \S+\)/);
    expect(logger.lines[0]).toContain(first.value.signing.kid);
    expect(await permissions(join(dataDir, 'private-key.pem'))).toBe(0o600);

    const again = recordingLogger();
    const second = await loadOrCreateEmbeddedKeyRing(dataDir, again);
    expect(second.ok && second.value.signing.kid).toBe(first.value.signing.kid);
    expect(again.lines).toEqual([]);
  });

  it('warns when the private key is readable by others', async () => {
    await loadOrCreateEmbeddedKeyRing(directory, recordingLogger());
    await chmod(join(directory, 'private-key.pem'), 0o644);
    const logger = recordingLogger();
    expect((await loadOrCreateEmbeddedKeyRing(directory, logger)).ok).toBe(true);
    expect(logger.lines).toEqual([expect.stringMatching(/^warn: .*readable by other users/)]);
  });

  it('reports a corrupt key instead of replacing it', async () => {
    await writeFile(join(directory, 'private-key.pem'), 'corrupt', { mode: 0o600 });
    const result = await loadOrCreateEmbeddedKeyRing(directory, recordingLogger());
    expect(result).toMatchObject({ ok: false, code: 'invalid_key' });
    expect(await readFile(join(directory, 'private-key.pem'), 'utf8')).toBe('corrupt');
  });
});
