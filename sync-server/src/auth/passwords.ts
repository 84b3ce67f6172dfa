import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { fail, ok, type Result } from '@tirelire/shared';
import { isCommonPassword } from './common-passwords.ts';

export interface ScryptParameters {
  /** CPU/memory cost, a power of two. */
  readonly N: number;
  /** Block size. */
  readonly r: number;
  /** Parallelism. */
  readonly p: number;
}

/**
 * N=2^15, r=8, p=1: the OWASP password-storage minimum for scrypt. Each hash needs 32 MiB and
 * about 0.1 s of one core, which makes offline guessing costly while a small self-hosted box
 * still serves logins; libuv runs it off the event loop. Every hash records its own parameters,
 * so raising them later only needs `needsRehash` on the next successful login.
 */
export const SCRYPT_PARAMETERS: ScryptParameters = { N: 2 ** 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const HASH_BYTES = 32;
const PREFIX = 'scrypt';

export const MIN_PASSWORD_LENGTH = 10;
/** Long passphrases are welcome; megabytes of "password" are a denial of service. */
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * OpenSSL refuses to run unless maxmem covers its V array (128·r·(N+2) bytes) plus B
 * (128·r·p); Node's default of 32 MiB is just short of that for N=2^15, r=8.
 */
export function scryptMemoryBytes({ N, r, p }: ScryptParameters): number {
  return 128 * r * (N + 2) + 128 * r * p;
}

// Bounds for parameters read back from storage: a corrupted row must not make us allocate 4 GiB.
const isSaneParameters = ({ N, r, p }: ScryptParameters) =>
  Number.isSafeInteger(N) &&
  N >= 2 ** 10 &&
  N <= 2 ** 20 &&
  (N & (N - 1)) === 0 &&
  Number.isSafeInteger(r) &&
  r >= 1 &&
  r <= 32 &&
  Number.isSafeInteger(p) &&
  p >= 1 &&
  p <= 16;

/**
 * NFC so that "é" typed as one code point or as e + accent is the same password on every
 * device; no case folding or trimming, which would throw away the user's entropy.
 */
const normalise = (password: string) => password.normalize('NFC');

function derive(
  password: string,
  salt: Uint8Array,
  length: number,
  { N, r, p }: ScryptParameters,
): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: scryptMemoryBytes({ N, r, p }) };
  return new Promise((resolve, reject) => {
    scrypt(normalise(password), salt, length, options, (error, key) =>
      error === null ? resolve(key) : reject(error),
    );
  });
}

export type PasswordPolicyRefusal = 'too_short' | 'too_long' | 'too_common';

/** Length counts code points, so an emoji is one character as a person sees it. */
export function checkPasswordPolicy(password: string): Result<string, PasswordPolicyRefusal> {
  const length = [...normalise(password)].length;
  if (length < MIN_PASSWORD_LENGTH)
    return fail('too_short', `use at least ${MIN_PASSWORD_LENGTH} characters`);
  if (length > MAX_PASSWORD_LENGTH)
    return fail('too_long', `use at most ${MAX_PASSWORD_LENGTH} characters`);
  if (isCommonPassword(password))
    return fail('too_common', 'this password is among the most common ones; choose another');
  return ok(password);
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export async function hashPassword(
  password: string,
  parameters: ScryptParameters = SCRYPT_PARAMETERS,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, HASH_BYTES, parameters);
  const { N, r, p } = parameters;
  return [PREFIX, N, r, p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

interface StoredHash {
  readonly parameters: ScryptParameters;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

const DECIMAL = /^[1-9]\d{0,9}$/;
const BASE64URL = /^[\w-]+$/;

function parseStoredHash(stored: string): StoredHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6) return null;
  const [prefix, n, r, p, salt, hash] = parts;
  if (prefix !== PREFIX || n === undefined || r === undefined || p === undefined) return null;
  if (![n, r, p].every((part) => DECIMAL.test(part))) return null;
  if (salt === undefined || hash === undefined || !BASE64URL.test(salt) || !BASE64URL.test(hash))
    return null;
  const parameters = { N: Number(n), r: Number(r), p: Number(p) };
  const saltBytes = Buffer.from(salt, 'base64url');
  const hashBytes = Buffer.from(hash, 'base64url');
  if (!isSaneParameters(parameters) || saltBytes.length < 8 || hashBytes.length < 16) return null;
  return { parameters, salt: saltBytes, hash: hashBytes };
}

export interface PasswordMatch {
  /** The hash uses older parameters: store a fresh `hashPassword` now that we know the password. */
  readonly needsRehash: boolean;
}

export async function verifyPassword(
  password: string,
  stored: string,
): Promise<Result<PasswordMatch, 'wrong_password' | 'unreadable_hash'>> {
  const parsed = parseStoredHash(stored);
  if (parsed === null) return fail('unreadable_hash', 'the stored password hash is not readable');
  const candidate = await derive(password, parsed.salt, parsed.hash.length, parsed.parameters);
  // Same length by construction; timingSafeEqual hides where the first differing byte is.
  if (!timingSafeEqual(candidate, parsed.hash))
    return fail('wrong_password', 'wrong email or password');
  const { N, r, p } = parsed.parameters;
  const current = SCRYPT_PARAMETERS;
  const needsRehash =
    N !== current.N || r !== current.r || p !== current.p || parsed.hash.length !== HASH_BYTES;
  return ok({ needsRehash });
}

/**
 * A hash nobody's password matches, with today's parameters. Checking a login for an unknown
 * email against it costs the same scrypt work as a real check, so response time does not tell
 * whether an account exists. The bytes are arbitrary; the outcome is ignored anyway.
 */
const DUMMY_HASH = [
  PREFIX,
  SCRYPT_PARAMETERS.N,
  SCRYPT_PARAMETERS.r,
  SCRYPT_PARAMETERS.p,
  Buffer.alloc(SALT_BYTES, 0x5a).toString('base64url'),
  Buffer.alloc(HASH_BYTES, 0xa5).toString('base64url'),
].join('$');

/** Call when the email matches no account; always answers `wrong_password`, after the same work. */
export async function verifyPasswordForUnknownAccount(
  password: string,
): Promise<Result<never, 'wrong_password'>> {
  await verifyPassword(password, DUMMY_HASH);
  return fail('wrong_password', 'wrong email or password');
}
