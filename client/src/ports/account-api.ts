import type { Result } from '@tirelire/shared';

/** Stable error codes of the sync-server accounts API (docs/api.md), plus client-side ones. */
export const ACCOUNT_ERROR_CODES = [
  'invalid_request',
  'invalid_email',
  'weak_password',
  'email_taken',
  'invalid_credentials',
  'unauthorized',
  'invalid_token',
  'token_reused',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'rate_limited',
  /** The server could not be reached (offline, down, blocked). */
  'network',
  /** The server answered something this client does not understand. */
  'unexpected',
] as const;
export type AccountErrorCode = (typeof ACCOUNT_ERROR_CODES)[number];

export type WeakPasswordReason = 'too_short' | 'too_long' | 'too_common';

/** A failed call: the stable code, plus what some codes carry. */
export interface AccountError {
  readonly ok: false;
  readonly code: AccountErrorCode;
  readonly message: string;
  /** For 'weak_password'. */
  readonly reason?: WeakPasswordReason;
  /** For 'rate_limited': from Retry-After. */
  readonly retryAfterSeconds?: number;
}

export type AccountResult<T> = Extract<Result<T, AccountErrorCode>, { ok: true }> | AccountError;

export interface SessionTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Seconds the access token stays valid from the moment it was issued. */
  readonly expiresIn: number;
}

/**
 * The sync-server's accounts, in domain terms. Expected failures are values (never throws for an
 * HTTP error or an unreachable server). Contract: account-api.contract.ts.
 */
export interface AccountApi {
  register(email: string, password: string): Promise<AccountResult<{ userId: string }>>;
  login(email: string, password: string): Promise<AccountResult<SessionTokens>>;
  /** Single use: the answer carries a new refresh token. */
  refresh(refreshToken: string): Promise<AccountResult<SessionTokens>>;
  logout(refreshToken: string): Promise<AccountResult<void>>;
  deleteAccount(accessToken: string): Promise<AccountResult<void>>;
}
