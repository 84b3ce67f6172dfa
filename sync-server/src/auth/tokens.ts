import { randomUUID, type KeyObject } from 'node:crypto';
import { decodeProtectedHeader, errors, jwtVerify, SignJWT } from 'jose';
import { fail, ok, type Result } from '@tirelire/shared';
import type { SigningKey } from './keys.ts';

/** Short enough that a stolen token is soon useless, long enough that refreshes stay rare. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** Servers behind one Redis share tokens; NTP keeps their clocks far closer than this. */
export const CLOCK_TOLERANCE_SECONDS = 5;
/** RFC 9068 media type: a signed ID token or other JWT from the same key is not an access token. */
const ACCESS_TOKEN_TYPE = 'at+jwt';
const ALGORITHM = 'ES256';

export type TokenRefusal =
  | 'expired'
  | 'not_yet_valid'
  | 'bad_signature'
  | 'wrong_algorithm'
  | 'unknown_key'
  | 'wrong_audience'
  | 'wrong_issuer'
  | 'malformed';

export interface TokenAudience {
  readonly issuer: string;
  readonly audience: string;
}

export interface IssuedAccessToken {
  readonly token: string;
  readonly jti: string;
  readonly expiresAt: Date;
}

export interface AccessTokenClaims {
  readonly subject: string;
  readonly jti: string;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
}

const toSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

export async function issueAccessToken(
  key: SigningKey,
  subject: string,
  context: TokenAudience & { readonly now?: Date; readonly ttlSeconds?: number },
): Promise<IssuedAccessToken> {
  const issuedAt = toSeconds(context.now ?? new Date());
  const expiresAt = issuedAt + (context.ttlSeconds ?? ACCESS_TOKEN_TTL_SECONDS);
  const jti = randomUUID();
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM, kid: key.kid, typ: ACCESS_TOKEN_TYPE })
    .setIssuer(context.issuer)
    .setAudience(context.audience)
    .setSubject(subject)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .setJti(jti)
    .sign(key.privateKey);
  return { token, jti, expiresAt: new Date(expiresAt * 1000) };
}

/** jose reports what failed as an error class plus the claim name; map it to our stable codes. */
function refusalFor(error: unknown): TokenRefusal {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'wrong_algorithm';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return 'malformed';
    if (error.claim === 'nbf') return 'not_yet_valid';
    if (error.claim === 'aud') return 'wrong_audience';
    if (error.claim === 'iss') return 'wrong_issuer';
  }
  return 'malformed';
}

const refusalMessages: Record<TokenRefusal, string> = {
  expired: 'the token has expired',
  not_yet_valid: 'the token is not valid yet',
  bad_signature: 'the token signature does not verify',
  wrong_algorithm: `only ${ALGORITHM} tokens are accepted`,
  unknown_key: 'the token was signed with a key this server does not know',
  wrong_audience: 'the token is meant for another audience',
  wrong_issuer: 'the token comes from another issuer',
  malformed: 'the token is not a well-formed access token',
};

const refuse = (code: TokenRefusal) => fail(code, refusalMessages[code]);

/**
 * The algorithm and key are decided by us, never by the token: the header is only read to pick
 * a key by `kid` and to name the refusal, and jose is still told to allow ES256 alone, which is
 * what defeats `alg: none` and HS256-with-the-public-key forgeries.
 */
export async function verifyAccessToken(
  token: string,
  keys: ReadonlyMap<string, KeyObject>,
  context: TokenAudience & { readonly now?: Date },
): Promise<Result<AccessTokenClaims, TokenRefusal>> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return refuse('malformed');
  }
  if (header.alg !== ALGORITHM) return refuse('wrong_algorithm');
  const key = typeof header.kid === 'string' ? keys.get(header.kid) : undefined;
  if (key === undefined) return refuse('unknown_key');
  const now = context.now ?? new Date();
  let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: [ALGORITHM],
      issuer: context.issuer,
      audience: context.audience,
      typ: ACCESS_TOKEN_TYPE,
      requiredClaims: ['iss', 'aud', 'sub', 'iat', 'exp', 'jti'],
      currentDate: now,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (error) {
    return refuse(refusalFor(error));
  }
  const { sub, jti, iat, exp } = payload;
  if (sub === undefined || sub === '' || typeof jti !== 'string' || jti === '') {
    return refuse('malformed');
  }
  if (iat === undefined || exp === undefined) return refuse('malformed');
  // jose checks `iat` only when given a maxTokenAge; a token issued in the future is suspect.
  if (iat > toSeconds(now) + CLOCK_TOLERANCE_SECONDS) return refuse('not_yet_valid');
  return ok({
    subject: sub,
    jti,
    issuedAt: new Date(iat * 1000),
    expiresAt: new Date(exp * 1000),
  });
}
