import { randomUUID } from 'node:crypto';
import { link, lstat, mkdir, open, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fail, ok, type Result } from '@tirelire/shared';
import type { Logger } from '../log.ts';
import {
  generateKeyPairPems,
  loadKeyRing,
  parsePrivateKeyPem,
  publicJwkOf,
  type KeyLoadError,
  type KeyRing,
} from './keys.ts';

export const PRIVATE_KEY_FILE = 'private-key.pem';
export const PUBLIC_KEY_FILE = 'public-key.pem';

/**
 * Creates `path` only if nothing is there, and durably: the content is written and fsynced under
 * a temporary name, then hard-linked into place. link(2) fails with EEXIST instead of replacing,
 * so an existing key is never clobbered, even by a concurrent writer, and a crash never leaves a
 * half-written key under the real name. (The embedded store's writeFileDurably renames, which
 * overwrites, and the core may not import adapters anyway.)
 */
async function createFileExclusively(
  path: string,
  data: string,
  mode: number,
): Promise<Result<void, 'already_exists'>> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  const file = await open(temporary, 'wx', mode);
  try {
    // The umask may have removed bits from `mode`; state the intended mode explicitly.
    await file.chmod(mode);
    await file.writeFile(data);
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return fail('already_exists', `${path} already exists`);
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  const directory = await open(dirname(path), 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
  return ok(undefined);
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

export interface WrittenKeyPair {
  readonly privateKeyPath: string;
  readonly publicKeyPath: string;
  readonly kid: string;
}

/** Writes a fresh pair into `directory` (private 0600, public 0644); never overwrites. */
export async function writeNewKeyPair(
  directory: string,
): Promise<Result<WrittenKeyPair, 'already_exists'>> {
  const privateKeyPath = join(directory, PRIVATE_KEY_FILE);
  const publicKeyPath = join(directory, PUBLIC_KEY_FILE);
  // Checked up front so a refusal leaves the directory exactly as it was.
  for (const path of [privateKeyPath, publicKeyPath])
    if (await exists(path)) return fail('already_exists', `${path} already exists`);
  const { privateKeyPem, publicKeyPem } = generateKeyPairPems();
  const wrotePrivate = await createFileExclusively(privateKeyPath, privateKeyPem, 0o600);
  if (!wrotePrivate.ok) return wrotePrivate;
  const wrotePublic = await createFileExclusively(publicKeyPath, publicKeyPem, 0o644);
  if (!wrotePublic.ok) {
    // Someone created public-key.pem meanwhile: do not leave half a pair behind.
    await rm(privateKeyPath, { force: true });
    return wrotePublic;
  }
  const privateKey = parsePrivateKeyPem(privateKeyPem);
  if (!privateKey.ok) throw new Error('a freshly generated key did not parse');
  const { kid } = await publicJwkOf(privateKey.value);
  return ok({ privateKeyPath, publicKeyPath, kid });
}

/**
 * The embedded default needs no setup: on first start it makes a key pair in its data directory
 * and says so, because losing that file logs every user out.
 */
export async function loadOrCreateEmbeddedKeyRing(
  dataDir: string,
  logger: Logger,
): Promise<Result<KeyRing, KeyLoadError>> {
  const privateKeyPath = join(dataDir, PRIVATE_KEY_FILE);
  if (!(await exists(privateKeyPath))) {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const written = await writeNewKeyPair(dataDir);
    if (written.ok)
      logger.info(
        `generated a new ES256 signing key (kid ${written.value.kid}) in ${written.value.privateKeyPath}; back it up: losing it signs everyone out`,
      );
    // already_exists: another process won the race; its key is just as good, load it.
  }
  await warnIfReadableByOthers(privateKeyPath, logger);
  return loadKeyRing({ privateKeyPath, publicKeyPaths: [] });
}

/** A key copied in by hand may have lost its 0600; say so rather than silently chmod it. */
export async function warnIfReadableByOthers(path: string, logger: Logger): Promise<void> {
  const mode = await stat(path).then(
    (stats) => stats.mode & 0o077,
    () => 0,
  );
  if (mode !== 0)
    logger.warn(
      `${path} is readable by other users; run chmod 600 on it (the server still starts)`,
    );
}
