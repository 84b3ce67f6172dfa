import { z } from 'zod';
import {
  ACCOUNT_ERROR_CODES,
  type AccountApi,
  type AccountError,
  type AccountErrorCode,
  type AccountResult,
  type SessionTokens,
  type WeakPasswordReason,
} from '../../ports/account-api.ts';

const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    reason: z.string().optional(),
  }),
});
const tokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  expiresIn: z.number().positive(),
});
const registeredSchema = z.object({ userId: z.string().min(1) });
const REASONS: readonly string[] = ['too_short', 'too_long', 'too_common'];

function isKnownCode(code: string): code is AccountErrorCode {
  return (ACCOUNT_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * The accounts API over fetch (same origin by default). Answers are validated; HTTP errors and
 * an unreachable server become AccountError values. Tokens are never logged.
 */
export class FetchAccountApi implements AccountApi {
  constructor(
    private readonly baseUrl = '',
    private readonly fetchFn: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  async register(email: string, password: string): Promise<AccountResult<{ userId: string }>> {
    return this.call('POST', '/api/v1/register', { email, password }, 201, registeredSchema);
  }

  async login(email: string, password: string): Promise<AccountResult<SessionTokens>> {
    return this.call('POST', '/api/v1/login', { email, password }, 200, tokensSchema);
  }

  async refresh(refreshToken: string): Promise<AccountResult<SessionTokens>> {
    return this.call('POST', '/api/v1/token/refresh', { refreshToken }, 200, tokensSchema);
  }

  async logout(refreshToken: string): Promise<AccountResult<void>> {
    return this.callNoContent('POST', '/api/v1/logout', { refreshToken });
  }

  async deleteAccount(accessToken: string): Promise<AccountResult<void>> {
    return this.callNoContent('DELETE', '/api/v1/account', undefined, {
      Authorization: `Bearer ${accessToken}`,
    });
  }

  private async call<T>(
    method: string,
    path: string,
    body: unknown,
    status: number,
    schema: z.ZodType<T>,
  ): Promise<AccountResult<T>> {
    const response = await this.send(method, path, body);
    if (!(response instanceof Response)) return response;
    if (response.status !== status) return this.failure(response);
    try {
      const parsed = schema.safeParse(await response.json());
      if (parsed.success) return { ok: true, value: parsed.data };
    } catch {
      // falls through to 'unexpected'
    }
    return unexpected(`unreadable answer from ${path}`);
  }

  private async callNoContent(
    method: string,
    path: string,
    body: unknown,
    headers: Readonly<Record<string, string>> = {},
  ): Promise<AccountResult<void>> {
    const response = await this.send(method, path, body, headers);
    if (!(response instanceof Response)) return response;
    if (response.status === 204) return { ok: true, value: undefined };
    return this.failure(response);
  }

  private async send(
    method: string,
    path: string,
    body: unknown,
    headers: Readonly<Record<string, string>> = {},
  ): Promise<Response | AccountError> {
    try {
      return await this.fetchFn(`${this.baseUrl}${path}`, {
        method,
        headers:
          body === undefined ? { ...headers } : { 'Content-Type': 'application/json', ...headers },
        body: body === undefined ? null : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      return { ok: false, code: 'network', message: 'the server could not be reached' };
    }
  }

  private async failure(response: Response): Promise<AccountError> {
    let parsed: z.output<typeof errorBodySchema> | null;
    try {
      const result = errorBodySchema.safeParse(await response.json());
      parsed = result.success ? result.data : null;
    } catch {
      parsed = null;
    }
    // A proxy or a static server answering instead of the sync-server: treat it as unreachable.
    if (!parsed) {
      return response.status >= 500 || response.status === 404
        ? { ok: false, code: 'network', message: `HTTP ${response.status}` }
        : unexpected(`HTTP ${response.status}`);
    }
    const { code, message, reason } = parsed.error;
    if (!isKnownCode(code)) return unexpected(message);
    if (code === 'rate_limited') {
      const retryAfter = Number(response.headers.get('Retry-After'));
      return {
        ok: false,
        code,
        message,
        retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 60,
      };
    }
    if (code === 'weak_password' && reason !== undefined && REASONS.includes(reason)) {
      return { ok: false, code, message, reason: reason as WeakPasswordReason };
    }
    return { ok: false, code, message };
  }
}

function unexpected(message: string): AccountError {
  return { ok: false, code: 'unexpected', message };
}
