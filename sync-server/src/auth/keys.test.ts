import { execFileSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calculateJwkThumbprint } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildKeyRing,
  generateKeyPairPems,
  loadKeyRing,
  parsePrivateKeyPem,
  parsePublicKeyPem,
} from './keys.ts';
import { issueAccessToken, verifyAccessToken } from './tokens.ts';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'tirelire-keys-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** Runs openssl as the README does; a missing binary fails the test with a clear message. */
function openssl(args: readonly string[]): void {
  try {
    execFileSync('openssl', args, { cwd: directory, stdio: 'pipe' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new Error('openssl is not installed: this test needs the real openssl binary', {
        cause: error,
      });
    throw error;
  }
}

const context = { issuer: 'https://sync.example.org', audience: 'tirelire-sync' };

describe('keys made by the README openssl commands', () => {
  it('load (SEC1 private key) and sign tokens that verify', async () => {
    openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'private-key.pem']);
    openssl(['ec', '-in', 'private-key.pem', '-pubout', '-out', 'public-key.pem']);
    const privateKeyPath = join(directory, 'private-key.pem');
    const publicKeyPath = join(directory, 'public-key.pem');
    expect(await readFile(privateKeyPath, 'utf8')).toContain('BEGIN EC PRIVATE KEY');

    const ring = await loadKeyRing({ privateKeyPath, publicKeyPaths: [publicKeyPath] });
    if (!ring.ok) throw new Error(ring.message);
    // The public file is the same key as the private one's public half: published once.
    expect(ring.value.jwks.keys).toHaveLength(1);
    const issued = await issueAccessToken(ring.value.signing, 'account-1', context);
    const verified = await verifyAccessToken(issued.token, ring.value.verification, context);
    expect(verified.ok).toBe(true);
  });

  it('load when converted to PKCS#8 too', async () => {
    openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'sec1.pem']);
    openssl(['pkcs8', '-topk8', '-nocrypt', '-in', 'sec1.pem', '-out', 'pkcs8.pem']);
    const pem = await readFile(join(directory, 'pkcs8.pem'), 'utf8');
    expect(pem).toContain('BEGIN PRIVATE KEY');
    expect(parsePrivateKeyPem(pem).ok).toBe(true);
  });
});

describe('parsing PEM keys', () => {
  it('generates SEC1 + SPKI pairs that parse', () => {
    const { privateKeyPem, publicKeyPem } = generateKeyPairPems();
    expect(privateKeyPem).toContain('BEGIN EC PRIVATE KEY');
    expect(publicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(parsePrivateKeyPem(privateKeyPem).ok).toBe(true);
    expect(parsePublicKeyPem(publicKeyPem).ok).toBe(true);
  });

  it('refuses other curves and key types', () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey;
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    for (const key of [p384, rsa]) {
      const pem = key.export({ type: 'pkcs8', format: 'pem' }).toString();
      expect(parsePrivateKeyPem(pem)).toMatchObject({ ok: false, code: 'invalid_key' });
      const publicPem = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
      expect(parsePublicKeyPem(publicPem)).toMatchObject({ ok: false, code: 'invalid_key' });
    }
  });

  it('refuses garbage without echoing it', () => {
    const result = parsePrivateKeyPem('-----BEGIN EC PRIVATE KEY-----\nc2VjcmV0\n-----END');
    expect(result).toMatchObject({ ok: false, code: 'invalid_key' });
    expect(result.ok || result.message).not.toContain('c2VjcmV0');
  });

  it('refuses a private key given where a public key belongs', () => {
    const { privateKeyPem } = generateKeyPairPems();
    expect(parsePublicKeyPem(privateKeyPem)).toMatchObject({ ok: false, code: 'invalid_key' });
  });
});

describe('loadKeyRing', () => {
  it('names the unreadable file', async () => {
    const privateKeyPath = join(directory, 'missing.pem');
    expect(await loadKeyRing({ privateKeyPath, publicKeyPaths: [] })).toMatchObject({
      ok: false,
      code: 'key_file_unreadable',
      message: expect.stringContaining('missing.pem') as unknown,
    });
  });

  it('names an invalid public key file', async () => {
    const { privateKeyPem } = generateKeyPairPems();
    await writeFile(join(directory, 'private.pem'), privateKeyPem);
    await writeFile(join(directory, 'old.pem'), 'not a key');
    const result = await loadKeyRing({
      privateKeyPath: join(directory, 'private.pem'),
      publicKeyPaths: [join(directory, 'old.pem')],
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid_key' });
    expect(result.ok || result.message).toContain('old.pem');
  });

  it('publishes the signing key and older keys, by RFC 7638 thumbprint, without private parts', async () => {
    const current = generateKeyPairPems();
    const previous = generateKeyPairPems();
    await writeFile(join(directory, 'current.pem'), current.privateKeyPem);
    await writeFile(join(directory, 'previous.pub.pem'), previous.publicKeyPem);
    const result = await loadKeyRing({
      privateKeyPath: join(directory, 'current.pem'),
      publicKeyPaths: [join(directory, 'previous.pub.pem')],
    });
    if (!result.ok) throw new Error(result.message);
    const { jwks, signing, verification } = result.value;
    expect(jwks.keys).toHaveLength(2);
    expect(jwks.keys[0]!.kid).toBe(signing.kid);
    for (const jwk of jwks.keys) {
      expect(Object.keys(jwk).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
      const { kty, crv, x, y } = jwk;
      expect(jwk.kid).toBe(await calculateJwkThumbprint({ kty, crv, x, y }, 'sha256'));
      expect(verification.has(jwk.kid)).toBe(true);
    }
    expect(JSON.stringify(jwks)).not.toContain('"d"');
  });

  it('derives the same kid whatever the PEM encoding', async () => {
    const { privateKeyPem } = generateKeyPairPems();
    const sec1 = parsePrivateKeyPem(privateKeyPem);
    if (!sec1.ok) throw new Error(sec1.message);
    const pkcs8Pem = sec1.value.export({ type: 'pkcs8', format: 'pem' }).toString();
    const pkcs8 = parsePrivateKeyPem(pkcs8Pem);
    if (!pkcs8.ok) throw new Error(pkcs8.message);
    const [a, b] = await Promise.all([buildKeyRing(sec1.value, []), buildKeyRing(pkcs8.value, [])]);
    expect(a.signing.kid).toBe(b.signing.kid);
  });
});
