import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedAuthStore } from '../../sync-server/src/adapters/embedded/EmbeddedAuthStore.ts';
import { buildKeyRing } from '../../sync-server/src/auth/keys.ts';
import { SCRYPT_PARAMETERS } from '../../sync-server/src/auth/passwords.ts';
import { issueAccessToken, verifyAccessToken } from '../../sync-server/src/auth/tokens.ts';
import {
  createAccountsRoutes,
  DEFAULT_RATE_LIMITS,
  type RateLimits,
} from '../../sync-server/src/http/accounts.ts';
import type { HttpReply, HttpRequest } from '../../sync-server/src/http/http-types.ts';
import { silentLogger } from '../../sync-server/src/log.ts';
import { startServer } from '../e2e/harness.ts';

/** Figures of issue 5 (accounts): the cost of a login and of an access token. */
export interface AccountsFigures {
  readonly scrypt: string;
  readonly threadpool: number;
  /** In-process: the server's own route function, embedded store, generous rate limits. */
  readonly login: LoginLoad;
  /** The same, one client at a time: the latency of a login on an idle server. */
  readonly loginSerial: LoginLoad;
  /** Over HTTP against the real sync-server, default limits: shows what the limits let through. */
  readonly loginHttpDefaultLimits: LoginLoad;
  readonly tokens: {
    readonly signPerSecond: number;
    readonly verifyPerSecond: number;
    readonly verifyMicroseconds: number;
  };
}

interface LoginLoad {
  readonly users: number;
  readonly clients: number;
  readonly seconds: number;
  readonly attempts: number;
  /** 200 replies: a full login (scrypt verify, token signed, refresh token stored). */
  readonly ok: number;
  readonly rateLimited: number;
  readonly other: number;
  readonly okPerSecond: number;
  readonly okP50Ms: number;
  readonly okP99Ms: number;
  readonly rateLimitedP50Ms: number;
}

const USERS = 20;
const CLIENTS = 16;
const LOAD_MS = 10_000;
const TOKEN_MS = 3_000;
const PASSWORD = 'bench correct horse battery staple';
const emailOf = (user: number) => `bench-${user}@example.org`;
const TOKENS = { issuer: 'tirelire', audience: 'tirelire-sync' };

const round = (value: number) => Math.round(value * 10) / 10;
const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0);
};

type Attempt = (client: number, user: number) => Promise<number>;

/** CLIENTS loops, each sending its next login as soon as the previous one answered. */
async function loginLoad(
  users: number,
  attempt: Attempt,
  clients = CLIENTS,
  durationMs = LOAD_MS,
): Promise<LoginLoad> {
  const latencies = { ok: [] as number[], rateLimited: [] as number[] };
  let other = 0;
  let attempts = 0;
  const start = performance.now();
  const deadline = start + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      // Client c logs into accounts c, c+16, … (mod users): distinct accounts and IPs per client.
      for (let turn = 0; performance.now() < deadline; turn += 1) {
        const user = (client + turn * clients) % users;
        const sent = performance.now();
        const status = await attempt(client, user);
        const elapsed = performance.now() - sent;
        attempts += 1;
        if (status === 200) latencies.ok.push(elapsed);
        else if (status === 429) latencies.rateLimited.push(elapsed);
        else other += 1;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return {
    users,
    clients,
    seconds: round(seconds),
    attempts,
    ok: latencies.ok.length,
    rateLimited: latencies.rateLimited.length,
    other,
    okPerSecond: round(latencies.ok.length / seconds),
    okP50Ms: percentile(latencies.ok, 50),
    okP99Ms: percentile(latencies.ok, 99),
    rateLimitedP50Ms: percentile(latencies.rateLimited, 50),
  };
}

const body = (user: number) =>
  new TextEncoder().encode(JSON.stringify({ email: emailOf(user), password: PASSWORD }));

/** The login handler the server runs, called in-process with limits no bench reaches. */
async function measureInProcess(): Promise<{ concurrent: LoginLoad; serial: LoginLoad }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tirelire-bench-auth-'));
  const authStore = await EmbeddedAuthStore.open({ dataDir });
  try {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const keyRing = await buildKeyRing(privateKey, []);
    const generous = { limit: 1_000_000, windowMs: 60_000 };
    const limits: RateLimits = {
      registerPerIp: generous,
      loginPerIp: generous,
      loginPerAccount: generous,
      refreshPerIp: generous,
      logoutPerIp: generous,
      deletePerIp: generous,
    };
    const routes = createAccountsRoutes({
      authStore,
      keyRing,
      tokens: TOKENS,
      log: silentLogger,
      limits,
    });
    const call = async (path: string, client: number, user: number): Promise<HttpReply> => {
      const request: HttpRequest = {
        method: 'POST',
        path,
        acceptEncoding: '',
        ifNoneMatch: '',
        authorization: '',
        remoteAddress: `10.0.0.${client + 1}`,
        body: body(user),
        bodyTooLarge: false,
      };
      const reply = routes(request);
      if (reply === undefined) throw new Error(`${path} is not an accounts route`);
      return reply;
    };
    for (let user = 0; user < USERS; user += 1) {
      const reply = await call('/api/v1/register', user % CLIENTS, user);
      if (reply.status !== 201) throw new Error(`register answered ${reply.status}`);
    }
    const login: Attempt = async (client, user) =>
      (await call('/api/v1/login', client, user)).status;
    const serial = await loginLoad(USERS, login, 1, 4_000);
    return { concurrent: await loginLoad(USERS, login), serial };
  } finally {
    await authStore.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * The real sync-server over HTTP, with its default limits: every request comes from 127.0.0.1
 * (no proxy header is trusted), so only 5 accounts can be registered per hour and 10 logins per
 * minute get through; the rest are 429s. Kept to show that the limits hold under load.
 */
async function measureHttp(): Promise<LoginLoad> {
  // The accounts API needs no app: a one-page site keeps this part free of the vite build.
  const staticDir = await mkdtemp(join(tmpdir(), 'tirelire-bench-site-'));
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>bench</title>');
  const server = await startServer({ staticDir });
  try {
    const users = DEFAULT_RATE_LIMITS.registerPerIp.limit;
    const post = (path: string, user: number) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body(user),
      });
    for (let user = 0; user < users; user += 1) {
      const response = await post('/api/v1/register', user);
      await response.arrayBuffer();
      if (response.status !== 201) throw new Error(`register answered ${response.status}`);
    }
    return await loginLoad(users, async (_client, user) => {
      const response = await post('/api/v1/login', user);
      await response.arrayBuffer();
      return response.status;
    });
  } finally {
    await server.stop();
    await rm(staticDir, { recursive: true, force: true });
  }
}

async function perSecond(body: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i += 1) await body(); // warm-up
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < TOKEN_MS) {
    await body();
    count += 1;
  }
  return Math.round(count / ((performance.now() - start) / 1000));
}

/** ES256 sign and verify, one after the other on the main thread (jose over WebCrypto). */
async function measureTokens(): Promise<AccountsFigures['tokens']> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const keyRing = await buildKeyRing(privateKey, []);
  const signPerSecond = await perSecond(() =>
    issueAccessToken(keyRing.signing, 'bench-user', TOKENS),
  );
  const { token } = await issueAccessToken(keyRing.signing, 'bench-user', TOKENS);
  const verifyPerSecond = await perSecond(async () => {
    const result = await verifyAccessToken(token, keyRing.verification, TOKENS);
    if (!result.ok) throw new Error(`token refused: ${result.code}`);
  });
  return { signPerSecond, verifyPerSecond, verifyMicroseconds: round(1e6 / verifyPerSecond) };
}

export async function measureAccounts(): Promise<AccountsFigures> {
  const tokens = await measureTokens();
  const { concurrent: login, serial: loginSerial } = await measureInProcess();
  const loginHttpDefaultLimits = await measureHttp();
  const { N, r, p } = SCRYPT_PARAMETERS;
  return {
    scrypt: `N=2^${Math.log2(N)}, r=${r}, p=${p}`,
    threadpool: Number(process.env['UV_THREADPOOL_SIZE'] ?? 4),
    login,
    loginSerial,
    loginHttpDefaultLimits,
    tokens,
  };
}
