import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { calculateJwkThumbprint, exportJWK } from 'jose';
import { fail, ok, type Result } from '@tirelire/shared';

/** What the JWKS endpoint publishes for one key: public coordinates only, never `d`. */
export interface PublicJwk {
  readonly kty: 'EC';
  readonly crv: 'P-256';
  readonly x: string;
  readonly y: string;
  /** RFC 7638 SHA-256 thumbprint: derived from the key itself, so it cannot drift from it. */
  readonly kid: string;
  readonly alg: 'ES256';
  readonly use: 'sig';
}

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
}

/** The signing key plus every public key tokens may still carry (rotation keeps old ones). */
export interface KeyRing {
  readonly signing: SigningKey;
  readonly verification: ReadonlyMap<string, KeyObject>;
  readonly jwks: { readonly keys: readonly PublicJwk[] };
}

export type KeyLoadError = 'key_file_unreadable' | 'invalid_key';

export interface KeyPaths {
  readonly privateKeyPath: string;
  /** Extra public keys to publish (e.g. the previous key during a rotation); may be empty. */
  readonly publicKeyPaths: readonly string[];
}

const isP256 = (key: KeyObject) =>
  key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';

/**
 * Accepts both SEC1 (`EC PRIVATE KEY`, what `openssl ecparam -genkey` writes) and PKCS#8:
 * node:crypto reads both, whereas jose's importPKCS8 would reject the README's own keys.
 */
export function parsePrivateKeyPem(pem: string): Result<KeyObject, 'invalid_key'> {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    // The parser's message may quote the input; a private key must never reach a log line.
    return fail('invalid_key', 'not a PEM private key');
  }
  return isP256(key) ? ok(key) : fail('invalid_key', 'not a P-256 (prime256v1) EC key');
}

export function parsePublicKeyPem(pem: string): Result<KeyObject, 'invalid_key'> {
  // createPublicKey would happily derive a public key from a private one; a private key where a
  // public one is expected is a configuration mistake worth reporting.
  if (pem.includes('PRIVATE KEY'))
    return fail('invalid_key', 'expected a public key, found a private key');
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    return fail('invalid_key', 'not a PEM public key');
  }
  return isP256(key) ? ok(key) : fail('invalid_key', 'not a P-256 (prime256v1) EC key');
}

export async function publicJwkOf(key: KeyObject): Promise<PublicJwk> {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const { x, y } = await exportJWK(publicKey);
  if (x === undefined || y === undefined) throw new Error('EC public key without coordinates');
  const members = { kty: 'EC', crv: 'P-256', x, y } as const;
  const kid = await calculateJwkThumbprint(members, 'sha256');
  return { ...members, kid, alg: 'ES256', use: 'sig' };
}

/** Builds the ring from already-parsed keys; the signing key's public half is always published. */
export async function buildKeyRing(
  privateKey: KeyObject,
  extraPublicKeys: readonly KeyObject[],
): Promise<KeyRing> {
  const signingJwk = await publicJwkOf(privateKey);
  const verification = new Map<string, KeyObject>([[signingJwk.kid, createPublicKey(privateKey)]]);
  const keys: PublicJwk[] = [signingJwk];
  for (const publicKey of extraPublicKeys) {
    const jwk = await publicJwkOf(publicKey);
    if (verification.has(jwk.kid)) continue;
    verification.set(jwk.kid, publicKey);
    keys.push(jwk);
  }
  return { signing: { kid: signingJwk.kid, privateKey }, verification, jwks: { keys } };
}

async function readPem(path: string): Promise<Result<string, 'key_file_unreadable'>> {
  try {
    return ok(await readFile(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return fail('key_file_unreadable', `cannot read ${path} (${code})`);
  }
}

/** Loads the configured PEM files; errors name the file, never its content. */
export async function loadKeyRing(paths: KeyPaths): Promise<Result<KeyRing, KeyLoadError>> {
  const privatePem = await readPem(paths.privateKeyPath);
  if (!privatePem.ok) return privatePem;
  const privateKey = parsePrivateKeyPem(privatePem.value);
  if (!privateKey.ok) return fail('invalid_key', `${paths.privateKeyPath}: ${privateKey.message}`);
  const publicKeys: KeyObject[] = [];
  for (const path of paths.publicKeyPaths) {
    const pem = await readPem(path);
    if (!pem.ok) return pem;
    const publicKey = parsePublicKeyPem(pem.value);
    if (!publicKey.ok) return fail('invalid_key', `${path}: ${publicKey.message}`);
    publicKeys.push(publicKey.value);
  }
  return ok(await buildKeyRing(privateKey.value, publicKeys));
}

export interface PemKeyPair {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

/** SEC1 + SPKI, byte-for-byte the formats the README's openssl commands produce. */
export function generateKeyPairPems(): PemKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', {
    namedCurve: 'prime256v1',
    privateKeyEncoding: { type: 'sec1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}
