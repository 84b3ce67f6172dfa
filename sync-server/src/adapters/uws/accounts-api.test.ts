import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildKeyRing, generateKeyPairPems, parsePrivateKeyPem } from '../../auth/keys.ts';
import { issueAccessToken } from '../../auth/tokens.ts';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../../http/accounts.ts';
import { createHttpApp } from '../../http/app.ts';
import { loadStaticSite } from '../../http/static-files.ts';
import { writeFakeBuild } from '../../http/test-site.ts';
import { silentLogger } from '../../log.ts';
import type { AuthStore } from '../../ports/auth-store.ts';
import { EmbeddedAuthStore } from '../embedded/EmbeddedAuthStore.ts';
import { EmbeddedServerStore } from '../embedded/EmbeddedServerStore.ts';
import { RedisAuthStore } from '../redis/RedisAuthStore.ts';
import {
  TEST_REDIS_URL,
  deleteKeysWithPrefix,
  uniqueTestPrefix,
} from '../redis/redis-test-support.ts';
import { requireNativeUws } from './native-uws.ts';
import { UwsHttpServer } from './UwsHttpServer.ts';

const { scratch, root } = await writeFakeBuild();
const loaded = await loadStaticSite(root);
if (!loaded.ok) throw new Error(loaded.message);
const site = loaded.value;
const native = requireNativeUws();
const keyPrefix = uniqueTestPrefix('accounts-api');
const redis = new Redis(TEST_REDIS_URL);
const privateKey = parsePrivateKeyPem(generateKeyPairPems().privateKeyPem);
if (!privateKey.ok) throw new Error(privateKey.message);
const keyRing = await buildKeyRing(privateKey.value, []);
const tokens = { issuer: 'tirelire-test', audience: 'tirelire-sync' };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await deleteKeysWithPrefix(keyPrefix);
  redis.disconnect();
  await rm(scratch, { recursive: true, force: true });
});

let count = 0;
interface Backend {
  readonly name: string;
  readonly open: () => Promise<{ store: AuthStore; leftovers: () => Promise<string[]> }>;
}
const backends: Backend[] = [
  {
    name: 'embedded',
    open: async () => {
      const dataDir = join(scratch, `auth-${++count}`);
      const store = await EmbeddedAuthStore.open({ dataDir });
      return {
        store,
        leftovers: async () => {
          await store.close();
          const saved = JSON.parse(await readFile(join(dataDir, 'auth.json'), 'utf8')) as {
            users: unknown[];
            families: unknown[];
          };
          return [...saved.users, ...saved.families].map((item) => JSON.stringify(item));
        },
      };
    },
  },
  {
    name: 'redis',
    open: () => {
      const prefix = `${keyPrefix}${++count}:`;
      return Promise.resolve({
        store: new RedisAuthStore(redis, prefix),
        // Shared per-IP counters belong to no account and expire on their own.
        leftovers: async () =>
          (await redis.keys(`${prefix}*`)).filter((key) => !key.startsWith(`${prefix}limit:`)),
      });
    },
  },
];

async function serve(store: AuthStore, limits: RateLimits = DEFAULT_RATE_LIMITS) {
  const serverStore = await EmbeddedServerStore.open({
    dataDir: join(scratch, `sync-${++count}`),
    log: silentLogger,
  });
  const handler = createHttpApp({
    site,
    store: serverStore,
    log: silentLogger,
    accounts: { authStore: store, keyRing, tokens, limits },
  });
  const server = await UwsHttpServer.listen({
    host: '127.0.0.1',
    port: 0,
    handler,
    log: silentLogger,
    native,
  });
  cleanups.push(() => serverStore.close());
  cleanups.push(() => server.close());
  const base = `http://127.0.0.1:${server.port}`;
  const post = (path: string, body: unknown, raw?: string) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: raw ?? JSON.stringify(body),
    });
  const deleteAccount = (token: string) =>
    fetch(`${base}/api/v1/account`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
  return { base, post, deleteAccount };
}

interface ErrorBody {
  error: { code: string; message: string; reason?: string };
}
interface Pair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}
const errorCode = async (response: Response) => ((await response.json()) as ErrorBody).error.code;
const email = 'Ana@Example.org';
const password = 'correct horse battery staple';

describe.each(backends)('accounts API over uWS, $name store', ({ open }) => {
  it('S-API-REGISTER/LOGIN/REFRESH/LOGOUT/DELETE: the full flow leaves nothing behind', async () => {
    const { store, leftovers } = await open();
    const api = await serve(store);

    const registered = await api.post('/api/v1/register', { email, password });
    expect(registered.status).toBe(201);
    const { userId } = (await registered.json()) as { userId: string };
    const again = await api.post('/api/v1/register', { email: 'ana@example.org ', password });
    expect([again.status, await errorCode(again)]).toEqual([409, 'email_taken']);

    const login = await api.post('/api/v1/login', { email: 'ana@example.org', password });
    expect(login.status).toBe(200);
    const first = (await login.json()) as Pair;
    expect(first.expiresIn).toBe(900);
    expect(first.refreshToken.startsWith(`${userId}.`)).toBe(true);

    const refreshed = await api.post('/api/v1/token/refresh', { refreshToken: first.refreshToken });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as Pair;
    expect(second.refreshToken).not.toBe(first.refreshToken);

    // Reuse of the rotated token revokes the family: the newer token dies too.
    const reused = await api.post('/api/v1/token/refresh', { refreshToken: first.refreshToken });
    expect([reused.status, await errorCode(reused)]).toEqual([401, 'token_reused']);
    const afterReuse = await api.post('/api/v1/token/refresh', {
      refreshToken: second.refreshToken,
    });
    expect(afterReuse.status).toBe(401);

    // A second session, logged out: its token no longer refreshes.
    const session = (await (await api.post('/api/v1/login', { email, password })).json()) as Pair;
    const logout = await api.post('/api/v1/logout', { refreshToken: session.refreshToken });
    expect(logout.status).toBe(204);
    const afterLogout = await api.post('/api/v1/token/refresh', {
      refreshToken: session.refreshToken,
    });
    expect([afterLogout.status, await errorCode(afterLogout)]).toEqual([401, 'invalid_token']);
    expect((await api.post('/api/v1/logout', { refreshToken: session.refreshToken })).status).toBe(
      204,
    );

    const live = (await (await api.post('/api/v1/login', { email, password })).json()) as Pair;
    const deleted = await api.deleteAccount(live.accessToken);
    expect(deleted.status).toBe(204);
    const gone = await api.post('/api/v1/login', { email, password });
    expect([gone.status, await errorCode(gone)]).toEqual([401, 'invalid_credentials']);
    const deadRefresh = await api.post('/api/v1/token/refresh', {
      refreshToken: live.refreshToken,
    });
    expect(deadRefresh.status).toBe(401);
    expect(await leftovers()).toEqual([]);
  }, 30_000);

  it('S-API-LOGIN-1: unknown email and wrong password get the same refusal', async () => {
    const { store } = await open();
    const api = await serve(store);
    await api.post('/api/v1/register', { email, password });
    const wrong = await api.post('/api/v1/login', { email, password: 'not the password at all' });
    const unknown = await api.post('/api/v1/login', { email: 'bob@example.org', password });
    const wrongBody = (await wrong.json()) as ErrorBody;
    const unknownBody = (await unknown.json()) as ErrorBody;
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrongBody).toEqual(unknownBody);
    expect(wrongBody.error.code).toBe('invalid_credentials');
  }, 30_000);

  it('S-API-REGISTER-2: invalid email and weak passwords are refused with a reason', async () => {
    const { store } = await open();
    const api = await serve(store);
    const badEmail = await api.post('/api/v1/register', { email: 'nobody', password });
    expect([badEmail.status, await errorCode(badEmail)]).toEqual([400, 'invalid_email']);
    const short = await api.post('/api/v1/register', { email, password: 'short' });
    expect(short.status).toBe(400);
    expect(((await short.json()) as ErrorBody).error).toMatchObject({
      code: 'weak_password',
      reason: 'too_short',
    });
    const common = await api.post('/api/v1/register', { email, password: 'password123' });
    expect(((await common.json()) as ErrorBody).error).toMatchObject({
      code: 'weak_password',
      reason: 'too_common',
    });
  });

  it('S-API-AUTH-1: every refused access token gets 401 from DELETE /api/v1/account', async () => {
    const { store } = await open();
    const api = await serve(store);
    const userId = (
      (await (await api.post('/api/v1/register', { email, password })).json()) as {
        userId: string;
      }
    ).userId;
    const past = new Date(Date.now() - 3600_000);
    const expired = await issueAccessToken(keyRing.signing, userId, { ...tokens, now: past });
    const wrongAudience = await issueAccessToken(keyRing.signing, userId, {
      ...tokens,
      audience: 'someone-else',
    });
    const wrongIssuer = await issueAccessToken(keyRing.signing, userId, {
      ...tokens,
      issuer: 'evil',
    });
    const otherPrivate = parsePrivateKeyPem(generateKeyPairPems().privateKeyPem);
    if (!otherPrivate.ok) throw new Error(otherPrivate.message);
    const otherRing = await buildKeyRing(otherPrivate.value, []);
    const unknownKey = await issueAccessToken(otherRing.signing, userId, tokens);
    const valid = await issueAccessToken(keyRing.signing, userId, tokens);
    const [head, body] = valid.token.split('.');
    const badSignature = `${head}.${body}.${'A'.repeat(86)}`;
    for (const token of [
      expired.token,
      wrongAudience.token,
      wrongIssuer.token,
      unknownKey.token,
      badSignature,
      'not-a-jwt',
    ]) {
      const refused = await api.deleteAccount(token);
      expect([token, refused.status, await errorCode(refused)]).toEqual([
        token,
        401,
        'invalid_token',
      ]);
    }
    const none = await fetch(`${api.base}/api/v1/account`, { method: 'DELETE' });
    expect([none.status, await errorCode(none)]).toEqual([401, 'unauthorized']);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    // The account survived every refused attempt.
    expect((await api.post('/api/v1/login', { email, password })).status).toBe(200);
  }, 30_000);

  it('S-API-LIMIT-1: over the limit → 429 with Retry-After, per IP and per account', async () => {
    const { store } = await open();
    const limits: RateLimits = {
      ...DEFAULT_RATE_LIMITS,
      loginPerIp: { limit: 3, windowMs: 60_000 },
      loginPerAccount: { limit: 2, windowMs: 60_000 },
      registerPerIp: { limit: 1, windowMs: 3_600_000 },
    };
    const api = await serve(store, limits);
    expect((await api.post('/api/v1/register', { email, password })).status).toBe(201);
    const blocked = await api.post('/api/v1/register', { email: 'bob@example.org', password });
    expect([blocked.status, await errorCode(blocked)]).toEqual([429, 'rate_limited']);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(3000);

    const wrong = { email, password: 'not the password at all' };
    expect((await api.post('/api/v1/login', wrong)).status).toBe(401);
    expect((await api.post('/api/v1/login', wrong)).status).toBe(401);
    const perAccount = await api.post('/api/v1/login', { email, password });
    expect([perAccount.status, await errorCode(perAccount)]).toEqual([429, 'rate_limited']);
    const retry = Number(perAccount.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    const perIp = await api.post('/api/v1/login', { email: 'other@example.org', password });
    expect(perIp.status).toBe(429);
  }, 30_000);

  it('S-API-2: malformed JSON, unknown fields, oversized bodies → 400/413, server unharmed', async () => {
    const { store } = await open();
    const api = await serve(store);
    const malformed = await api.post('/api/v1/login', null, '{"email": ');
    expect([malformed.status, await errorCode(malformed)]).toEqual([400, 'invalid_request']);
    const notObject = await api.post('/api/v1/login', [1, 2]);
    expect(notObject.status).toBe(400);
    const extra = await api.post('/api/v1/register', { email, password, admin: true });
    expect([extra.status, await errorCode(extra)]).toEqual([400, 'invalid_request']);
    const missing = await api.post('/api/v1/token/refresh', {});
    expect(missing.status).toBe(400);
    const big = await api.post('/api/v1/register', { email, password: 'x'.repeat(5000) });
    expect([big.status, await errorCode(big)]).toEqual([413, 'payload_too_large']);
    const huge = await api.post('/api/v1/login', null, 'x'.repeat(200_000));
    expect([huge.status, await errorCode(huge)]).toEqual([413, 'payload_too_large']);
    const wrongMethod = await fetch(`${api.base}/api/v1/login`);
    expect([wrongMethod.status, wrongMethod.headers.get('allow')]).toEqual([405, 'POST']);
    const unknownRoute = await api.post('/api/v1/nope', {});
    expect(unknownRoute.status).toBe(404);
    expect((await fetch(`${api.base}/healthz`)).status).toBe(200);
    expect((await api.post('/api/v1/register', { email, password })).status).toBe(201);
  });

  it('S-API-JWKS-1: GET /.well-known/jwks.json serves the key ring, public parts only', async () => {
    const { store } = await open();
    const api = await serve(store);
    const response = await fetch(`${api.base}/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const jwks = (await response.json()) as { keys: Record<string, string>[] };
    expect(jwks).toEqual(keyRing.jwks);
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });
});
