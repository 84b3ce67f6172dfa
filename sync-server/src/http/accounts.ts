import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { normaliseEmail } from '../auth/email.ts';
import type { KeyRing } from '../auth/keys.ts';
import {
  checkPasswordPolicy,
  hashPassword,
  verifyPassword,
  verifyPasswordForUnknownAccount,
} from '../auth/passwords.ts';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  issueAccessToken,
  verifyAccessToken,
  type TokenAudience,
} from '../auth/tokens.ts';
import type { Logger } from '../log.ts';
import {
  hashRefreshToken,
  splitRefreshToken,
  toFamilyId,
  toUserId,
  type AuthStore,
  type RateLimitKey,
  type UserId,
} from '../ports/auth-store.ts';
import type { ChangeLog } from '../ports/change-log.ts';
import type { HttpReply, HttpRequest } from './http-types.ts';
import { jsonReply } from './replies.ts';
import { CACHE_NONE, SECURITY_HEADERS } from './response-headers.ts';

/** Every JSON body of the accounts API (S-API-2). */
export const MAX_API_BODY_BYTES = 4 * 1024;
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

/** Documented in docs/api.md (S-API-LIMIT-1). */
export const DEFAULT_RATE_LIMITS = {
  registerPerIp: { limit: 5, windowMs: HOUR },
  loginPerIp: { limit: 10, windowMs: MINUTE },
  loginPerAccount: { limit: 5, windowMs: MINUTE },
  refreshPerIp: { limit: 60, windowMs: MINUTE },
  logoutPerIp: { limit: 60, windowMs: MINUTE },
  deletePerIp: { limit: 10, windowMs: MINUTE },
} satisfies Record<string, RateLimit>;

export type RateLimits = { readonly [K in keyof typeof DEFAULT_RATE_LIMITS]: RateLimit };

export interface AccountsDeps {
  readonly authStore: AuthStore;
  readonly keyRing: KeyRing;
  readonly tokens: TokenAudience;
  readonly log: Logger;
  readonly limits?: RateLimits;
  /**
   * The sync store: deleting an account deletes its encrypted documents and key, and closes its
   * sync sockets; logging out with an access token closes the sockets opened with it (P-AUTH-2).
   */
  readonly syncLog?: Pick<ChangeLog, 'deleteUser' | 'announce'>;
  /** Epoch milliseconds; tests move it. */
  readonly now?: () => number;
}

interface TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
}

export type ErrorCode =
  | 'invalid_request'
  | 'invalid_email'
  | 'weak_password'
  | 'email_taken'
  | 'invalid_credentials'
  | 'invalid_token'
  | 'token_reused'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unauthorized'
  | 'method_not_allowed'
  | 'not_found';

export function errorReply(
  method: string,
  status: number,
  code: ErrorCode,
  message: string,
  extra: Readonly<Record<string, string>> = {},
): HttpReply {
  return jsonReply(method, status, { error: { code, message, ...extra } });
}

const credentialsSchema = z.strictObject({
  email: z.string().max(320),
  password: z.string().max(4096),
});
const refreshSchema = z.strictObject({ refreshToken: z.string().min(1).max(512) });

type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; reply: HttpReply };

function parseBody<T>(request: HttpRequest, schema: z.ZodType<T>): Parsed<T> {
  const bad = (message: string): Parsed<T> => ({
    ok: false,
    reply: errorReply(request.method, 400, 'invalid_request', message),
  });
  if (request.bodyTooLarge || request.body.byteLength > MAX_API_BODY_BYTES) {
    return {
      ok: false,
      reply: errorReply(
        request.method,
        413,
        'payload_too_large',
        `the body must be at most ${MAX_API_BODY_BYTES} bytes`,
      ),
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(request.body).toString('utf8'));
  } catch {
    return bad('the body must be a JSON object');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? 'body' : issue.path.join('.');
    return bad(`${where}: ${issue?.message ?? 'invalid'}`);
  }
  return { ok: true, value: parsed.data };
}

/** Routes of /api/v1 (SPEC.md S-API-*); `undefined` when the path is not one of them. */
export function createAccountsRoutes(
  deps: AccountsDeps,
): (request: HttpRequest) => Promise<HttpReply> | undefined {
  const { authStore, keyRing, tokens, log, syncLog } = deps;
  const limits = deps.limits ?? DEFAULT_RATE_LIMITS;
  const now = deps.now ?? Date.now;

  /** undefined when allowed; else the 429 reply. */
  async function limited(
    request: HttpRequest,
    key: RateLimitKey,
    rule: RateLimit,
  ): Promise<HttpReply | undefined> {
    const decision = await authStore.hit(key, rule.windowMs, rule.limit, now());
    if (decision.allowed) return undefined;
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    const reply = errorReply(
      request.method,
      429,
      'rate_limited',
      `too many attempts; retry in ${seconds} s`,
    );
    return { ...reply, headers: [...reply.headers, ['retry-after', String(seconds)]] };
  }
  const perIp = (request: HttpRequest, name: string): RateLimitKey => ({
    scope: 'shared',
    name: `ip:${request.remoteAddress}:${name}`,
  });

  async function issuePair(userId: UserId): Promise<TokenPair> {
    const access = await issueAccessToken(keyRing.signing, userId, {
      ...tokens,
      now: new Date(now()),
    });
    const refreshToken = `${userId}.${randomBytes(32).toString('base64url')}`;
    return {
      accessToken: access.token,
      refreshToken,
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    };
  }

  async function register(request: HttpRequest): Promise<HttpReply> {
    const body = parseBody(request, credentialsSchema);
    if (!body.ok) return body.reply;
    const tooMany = await limited(request, perIp(request, 'register'), limits.registerPerIp);
    if (tooMany !== undefined) return tooMany;
    const email = normaliseEmail(body.value.email);
    if (!email.ok) return errorReply(request.method, 400, 'invalid_email', email.message);
    const policy = checkPasswordPolicy(body.value.password);
    if (!policy.ok)
      return errorReply(request.method, 400, 'weak_password', policy.message, {
        reason: policy.code,
      });
    const created = await authStore.createUser({
      email: email.value,
      passwordHash: await hashPassword(body.value.password),
      createdAt: now(),
    });
    if (!created.ok) return errorReply(request.method, 409, 'email_taken', created.message);
    return jsonReply(request.method, 201, { userId: created.value.id });
  }

  async function login(request: HttpRequest): Promise<HttpReply> {
    const body = parseBody(request, credentialsSchema);
    if (!body.ok) return body.reply;
    const tooMany = await limited(request, perIp(request, 'login'), limits.loginPerIp);
    if (tooMany !== undefined) return tooMany;
    const refused = () =>
      errorReply(request.method, 401, 'invalid_credentials', 'wrong email or password');
    const email = normaliseEmail(body.value.email);
    if (!email.ok) {
      await verifyPasswordForUnknownAccount(body.value.password);
      return refused();
    }
    const user = await authStore.findUserByEmail(email.value);
    // Unknown emails get a shared counter with the same limit: a 429 says nothing about existence.
    const accountKey: RateLimitKey =
      user === undefined
        ? { scope: 'shared', name: `email:${email.value}:login` }
        : { scope: 'account', userId: user.id, name: 'login' };
    const accountLimited = await limited(request, accountKey, limits.loginPerAccount);
    if (accountLimited !== undefined) return accountLimited;
    if (user === undefined) {
      await verifyPasswordForUnknownAccount(body.value.password);
      return refused();
    }
    const match = await verifyPassword(body.value.password, user.passwordHash);
    if (!match.ok) {
      if (match.code === 'unreadable_hash') log.error(`login: unreadable hash for ${user.id}`);
      return refused();
    }
    const familyId = toFamilyId(randomUUID());
    if (familyId === undefined) throw new Error('randomUUID gave an unusable family id');
    const pair = await issuePair(user.id);
    const refreshToken = pair.refreshToken;
    await authStore.saveRefreshToken(
      {
        userId: user.id,
        familyId,
        tokenHash: hashRefreshToken(refreshToken),
        expiresAt: now() + REFRESH_TOKEN_TTL_SECONDS * 1000,
      },
      now(),
    );
    return jsonReply(request.method, 200, pair);
  }

  async function refresh(request: HttpRequest): Promise<HttpReply> {
    const body = parseBody(request, refreshSchema);
    if (!body.ok) return body.reply;
    const tooMany = await limited(request, perIp(request, 'refresh'), limits.refreshPerIp);
    if (tooMany !== undefined) return tooMany;
    const invalid = () =>
      errorReply(request.method, 401, 'invalid_token', 'the refresh token is not valid');
    const presented = splitRefreshToken(body.value.refreshToken);
    if (presented === undefined) return invalid();
    const pair = await issuePair(presented.userId);
    const next = pair.refreshToken;
    const rotated = await authStore.rotateRefreshToken(
      presented,
      { tokenHash: hashRefreshToken(next), expiresAt: now() + REFRESH_TOKEN_TTL_SECONDS * 1000 },
      now(),
    );
    if (!rotated.ok) {
      if (rotated.code === 'reused') {
        log.warn(`refresh: token reuse for user ${presented.userId}; session revoked`);
        return errorReply(
          request.method,
          401,
          'token_reused',
          'this refresh token was already used; the session has been revoked, sign in again',
        );
      }
      return invalid();
    }
    return jsonReply(request.method, 200, pair);
  }

  async function logout(request: HttpRequest): Promise<HttpReply> {
    const body = parseBody(request, refreshSchema);
    if (!body.ok) return body.reply;
    const tooMany = await limited(request, perIp(request, 'logout'), limits.logoutPerIp);
    if (tooMany !== undefined) return tooMany;
    const presented = splitRefreshToken(body.value.refreshToken);
    if (presented === undefined)
      return errorReply(request.method, 401, 'invalid_token', 'the refresh token is not valid');
    // The store finds a family by its current token only through a rotation; the throwaway
    // successor is revoked with the family at once. Unknown, expired or reused tokens: nothing
    // left to end (a reused one has just revoked its family), so logout stays idempotent.
    const throwaway = hashRefreshToken(
      `${presented.userId}.${randomBytes(32).toString('base64url')}`,
    );
    const rotated = await authStore.rotateRefreshToken(
      presented,
      { tokenHash: throwaway, expiresAt: now() + MINUTE },
      now(),
    );
    if (rotated.ok) await authStore.revokeFamily(rotated.value.userId, rotated.value.familyId);
    await closeSocketsOfToken(request);
    return noContent();
  }

  /** A logout that also presents its access token ends that token's sync sockets at once. */
  async function closeSocketsOfToken(request: HttpRequest): Promise<void> {
    if (syncLog === undefined) return;
    const token = /^Bearer ([\w.~+/-]+=*)$/i.exec(request.authorization.trim())?.[1];
    if (token === undefined) return;
    const verified = await verifyAccessToken(token, keyRing.verification, {
      ...tokens,
      now: new Date(now()),
    });
    if (!verified.ok) return;
    await syncLog.announce(verified.value.subject, {
      type: 'revoked',
      reason: 'token_revoked',
      jti: verified.value.jti,
    });
  }

  async function deleteAccount(request: HttpRequest): Promise<HttpReply> {
    const tooMany = await limited(request, perIp(request, 'delete'), limits.deletePerIp);
    if (tooMany !== undefined) return tooMany;
    const unauthorized = (message: string, code: ErrorCode = 'unauthorized') => {
      const reply = errorReply(request.method, 401, code, message);
      return {
        ...reply,
        headers: [...reply.headers, ['www-authenticate', 'Bearer realm="tirelire"'] as const],
      };
    };
    const match = /^Bearer ([\w.~+/-]+=*)$/i.exec(request.authorization.trim());
    const token = match?.[1];
    if (token === undefined) return unauthorized('send Authorization: Bearer <access token>');
    const verified = await verifyAccessToken(token, keyRing.verification, {
      ...tokens,
      now: new Date(now()),
    });
    if (!verified.ok) return unauthorized(verified.message, 'invalid_token');
    const userId = toUserId(verified.value.subject);
    if (userId === undefined) return unauthorized('the token names no account', 'invalid_token');
    // Sync data first: if that fails, the account still exists and the person can retry.
    await syncLog?.deleteUser(userId);
    await authStore.deleteUser(userId);
    log.info(`account ${userId} deleted`);
    return noContent();
  }

  const routes: Readonly<
    Record<string, { method: string; run: (request: HttpRequest) => Promise<HttpReply> }>
  > = {
    '/api/v1/register': { method: 'POST', run: register },
    '/api/v1/login': { method: 'POST', run: login },
    '/api/v1/token/refresh': { method: 'POST', run: refresh },
    '/api/v1/logout': { method: 'POST', run: logout },
    '/api/v1/account': { method: 'DELETE', run: deleteAccount },
  };

  return (request) => {
    if (request.path === '/.well-known/jwks.json') {
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return Promise.resolve(methodNotAllowed(request, 'GET, HEAD'));
      const reply = jsonReply(request.method, 200, keyRing.jwks);
      // Verifiers may cache the keys briefly; a rotation publishes the next key in advance.
      return Promise.resolve({
        ...reply,
        headers: reply.headers.map(([name, value]) =>
          name === 'cache-control' ? ([name, 'public, max-age=300'] as const) : [name, value],
        ),
      });
    }
    if (!request.path.startsWith('/api/')) return undefined;
    const route = Object.hasOwn(routes, request.path) ? routes[request.path] : undefined;
    if (route === undefined)
      return Promise.resolve(errorReply(request.method, 404, 'not_found', 'no such API route'));
    if (request.method !== route.method)
      return Promise.resolve(methodNotAllowed(request, route.method));
    return route.run(request);
  };
}

function methodNotAllowed(request: HttpRequest, allow: string): HttpReply {
  const reply = errorReply(request.method, 405, 'method_not_allowed', `use ${allow}`);
  return { ...reply, headers: [...reply.headers, ['allow', allow]] };
}

function noContent(): HttpReply {
  return { status: 204, headers: [['cache-control', CACHE_NONE], ...SECURITY_HEADERS], body: null };
}
