import {
  createHmac,
  createPublicKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKeyRing, type KeyRing } from './keys.ts';
import { ACCESS_TOKEN_TTL_SECONDS, issueAccessToken, verifyAccessToken } from './tokens.ts';

const context = { issuer: 'https://sync.example.org', audience: 'tirelire-sync' };
const now = new Date('2026-03-01T12:00:00Z');
const nowSeconds = now.getTime() / 1000;

const newEcKey = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

let ring: KeyRing;
beforeAll(async () => {
  ring = await buildKeyRing(newEcKey(), []);
});

const goodHeader = () => ({ alg: 'ES256', typ: 'at+jwt', kid: ring.signing.kid });
const goodClaims = () => ({
  iss: context.issuer,
  aud: context.audience,
  sub: 'account-1',
  iat: nowSeconds,
  exp: nowSeconds + 900,
  jti: 'f1b1c6a0-0000-4000-8000-000000000001',
});

/** Signs exactly the header and claims given, bypassing jose, to forge what an attacker would. */
function signByHand(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  key: KeyObject = ring.signing.privateKey,
): string {
  const input = `${b64(header)}.${b64(claims)}`;
  const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

const verify = (token: string, at: Date = now) =>
  verifyAccessToken(token, ring.verification, { ...context, now: at });

async function expectRefusal(token: string, code: string, at: Date = now) {
  const result = await verify(token, at);
  expect(result.ok ? 'accepted' : result.code).toBe(code);
}

describe('issueAccessToken', () => {
  it('issues an ES256 token with every required claim, valid 15 minutes', async () => {
    const issued = await issueAccessToken(ring.signing, 'account-1', { ...context, now });
    expect(decodeProtectedHeader(issued.token)).toEqual({
      alg: 'ES256',
      kid: ring.signing.kid,
      typ: 'at+jwt',
    });
    expect(decodeJwt(issued.token)).toEqual({
      iss: context.issuer,
      aud: context.audience,
      sub: 'account-1',
      iat: nowSeconds,
      exp: nowSeconds + ACCESS_TOKEN_TTL_SECONDS,
      jti: issued.jti,
    });
    expect(ACCESS_TOKEN_TTL_SECONDS).toBe(15 * 60);
    expect(issued.expiresAt).toEqual(new Date(now.getTime() + 15 * 60 * 1000));
  });

  it('gives each token its own jti', async () => {
    const first = await issueAccessToken(ring.signing, 'account-1', context);
    const second = await issueAccessToken(ring.signing, 'account-1', context);
    expect(first.jti).not.toBe(second.jti);
  });
});

describe('verifyAccessToken', () => {
  it('accepts a token it issued and returns its claims', async () => {
    const issued = await issueAccessToken(ring.signing, 'account-1', { ...context, now });
    const result = await verify(issued.token, new Date(now.getTime() + 60_000));
    expect(result).toEqual({
      ok: true,
      value: {
        subject: 'account-1',
        jti: issued.jti,
        issuedAt: now,
        expiresAt: issued.expiresAt,
      },
    });
  });

  it('accepts a hand-built token with the right claims (the forging helper itself is sound)', async () => {
    expect((await verify(signByHand(goodHeader(), goodClaims()))).ok).toBe(true);
  });

  it('accepts tokens from an older key still published for rotation', async () => {
    const oldKey = newEcKey();
    const oldRing = await buildKeyRing(oldKey, []);
    const rotated = await buildKeyRing(newEcKey(), [createPublicKey(oldKey)]);
    const issued = await issueAccessToken(oldRing.signing, 'account-1', { ...context, now });
    const result = await verifyAccessToken(issued.token, rotated.verification, { ...context, now });
    expect(result.ok).toBe(true);
  });

  it('refuses alg none', async () => {
    const header = { alg: 'none', typ: 'at+jwt', kid: ring.signing.kid };
    await expectRefusal(`${b64(header)}.${b64(goodClaims())}.`, 'wrong_algorithm');
  });

  it('refuses HS256 signed with the public key PEM as the HMAC secret', async () => {
    const publicPem = createPublicKey(ring.signing.privateKey).export({
      type: 'spki',
      format: 'pem',
    });
    const input = `${b64({ ...goodHeader(), alg: 'HS256' })}.${b64(goodClaims())}`;
    const mac = createHmac('sha256', publicPem).update(input).digest('base64url');
    await expectRefusal(`${input}.${mac}`, 'wrong_algorithm');
  });

  it('refuses other asymmetric algorithms too', async () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey;
    const input = `${b64({ ...goodHeader(), alg: 'ES384' })}.${b64(goodClaims())}`;
    const signature = sign('sha384', Buffer.from(input), { key: p384, dsaEncoding: 'ieee-p1363' });
    await expectRefusal(`${input}.${signature.toString('base64url')}`, 'wrong_algorithm');
  });

  it('refuses an unknown kid', async () => {
    const stranger = newEcKey();
    await expectRefusal(
      signByHand({ ...goodHeader(), kid: 'not-a-key-we-know' }, goodClaims(), stranger),
      'unknown_key',
    );
  });

  it('refuses a token without a kid', async () => {
    await expectRefusal(signByHand({ alg: 'ES256', typ: 'at+jwt' }, goodClaims()), 'unknown_key');
  });

  it('refuses a token signed by another key under our kid', async () => {
    await expectRefusal(signByHand(goodHeader(), goodClaims(), newEcKey()), 'bad_signature');
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = signByHand(goodHeader(), goodClaims()).split('.');
    const tampered = `${header}.${b64({ ...goodClaims(), sub: 'account-2' })}.${signature}`;
    await expectRefusal(tampered, 'bad_signature');
  });

  it('refuses a wrong audience', async () => {
    await expectRefusal(
      signByHand(goodHeader(), { ...goodClaims(), aud: 'another-service' }),
      'wrong_audience',
    );
  });

  it('refuses a wrong issuer', async () => {
    await expectRefusal(
      signByHand(goodHeader(), { ...goodClaims(), iss: 'https://evil.example' }),
      'wrong_issuer',
    );
  });

  it('refuses an exp in the past', async () => {
    const claims = { ...goodClaims(), iat: nowSeconds - 3600, exp: nowSeconds - 60 };
    await expectRefusal(signByHand(goodHeader(), claims), 'expired');
  });

  it('refuses its own token once 15 minutes have passed', async () => {
    const issued = await issueAccessToken(ring.signing, 'account-1', { ...context, now });
    await expectRefusal(issued.token, 'expired', new Date(now.getTime() + 16 * 60 * 1000));
  });

  it('refuses an nbf in the future', async () => {
    await expectRefusal(
      signByHand(goodHeader(), { ...goodClaims(), nbf: nowSeconds + 300 }),
      'not_yet_valid',
    );
  });

  it('refuses an iat in the future', async () => {
    await expectRefusal(
      signByHand(goodHeader(), { ...goodClaims(), iat: nowSeconds + 300 }),
      'not_yet_valid',
    );
  });

  it.each([
    ['garbage', 'not a token'],
    ['two parts', 'abc.def'],
    ['undecodable header', 'abc.def.ghi'],
  ])('refuses %s as malformed', async (_name, token) => {
    await expectRefusal(token, 'malformed');
  });

  it.each(['sub', 'jti', 'exp', 'iat'])(
    'refuses a token without %s as malformed',
    async (claim) => {
      const claims: Record<string, unknown> = goodClaims();
      delete claims[claim];
      await expectRefusal(signByHand(goodHeader(), claims), 'malformed');
    },
  );

  it('refuses a JWT of another type (not an access token) as malformed', async () => {
    await expectRefusal(signByHand({ ...goodHeader(), typ: 'JWT' }, goodClaims()), 'malformed');
  });

  it('gives a human message with each refusal', async () => {
    const result = await verify('not a token');
    expect(result).toMatchObject({ ok: false, code: 'malformed' });
    expect(result.ok || result.message.length > 0).toBe(true);
  });
});
