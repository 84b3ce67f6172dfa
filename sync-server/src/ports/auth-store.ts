import { createHash } from 'node:crypto';
import type { Brand, Result } from '@tirelire/shared';

/**
 * What the server keeps about accounts: users, refresh-token families and rate-limit counters.
 * Times are epoch milliseconds passed in by the caller (`now`); stores never read the clock, so
 * tests decide when things expire.
 *
 * Contract (auth-store.contract.ts, run by every adapter):
 * - `createUser` is atomic on the email: of concurrent sign-ups with one email, exactly one wins.
 * - `deleteUser` leaves nothing behind: the user, the email index, every refresh-token family
 *   and every account rate-limit counter of that user.
 * - Refresh tokens rotate: each use of the family's current token replaces it; presenting an
 *   older token of a live family means it was copied, so the whole family is revoked ('reused').
 * - Only token hashes are stored (`hashRefreshToken`), never the tokens.
 * - Unexpected failures (backend down, disk full) reject; expected ones are Result values.
 */
export interface AuthStore {
  /** `email` is already normalised by the caller (trimmed, lower-cased): the store compares bytes. */
  createUser(input: NewUser): Promise<Result<User, 'email_taken'>>;
  findUserByEmail(email: string): Promise<User | undefined>;
  findUserById(id: UserId): Promise<User | undefined>;
  /** Idempotent: deleting an unknown user does nothing. */
  deleteUser(id: UserId): Promise<void>;

  /** Starts a family (at login) with its first token. */
  saveRefreshToken(token: RefreshTokenRecord, now: number): Promise<void>;
  /**
   * Atomically swaps the family's current token for `next`. The caller passes the user id with
   * the hash (refresh tokens are formatted `<userId>.<secret>`, see `splitRefreshToken`) so a
   * store can keep everything of one user together (one Redis Cluster slot).
   * - 'unknown': no such token for this user (never issued, revoked, or long expired);
   * - 'expired': the family's current token has passed its `expiresAt`;
   * - 'reused': an already-rotated token of a live family; the family is now revoked.
   */
  rotateRefreshToken(
    presented: PresentedRefreshToken,
    next: NextRefreshToken,
    now: number,
  ): Promise<Result<RotatedFamily, RotationFailure>>;
  /** Logout of one session. Idempotent. */
  revokeFamily(userId: UserId, familyId: FamilyId): Promise<void>;
  /** Logout everywhere (password change). */
  revokeAllFamilies(userId: UserId): Promise<void>;

  /**
   * Counts one attempt against `key` in a fixed window that opens at the first attempt and lasts
   * `windowMs`. Refused attempts are not counted, so a client that keeps hammering is let in
   * again as soon as the window ends (`retryAfterMs`).
   */
  hit(key: RateLimitKey, windowMs: number, limit: number, now: number): Promise<RateLimitDecision>;

  /** Waits for pending writes, then releases what the store owns. Idempotent. */
  close(): Promise<void>;
}

export type UserId = Brand<string, 'UserId'>;
export type FamilyId = Brand<string, 'FamilyId'>;
/** Lower-case hex SHA-256 of a refresh token. */
export type TokenHash = Brand<string, 'TokenHash'>;

export interface NewUser {
  readonly email: string;
  readonly passwordHash: string;
  readonly createdAt: number;
}

export interface User extends NewUser {
  readonly id: UserId;
}

export interface RefreshTokenRecord {
  readonly userId: UserId;
  readonly familyId: FamilyId;
  readonly tokenHash: TokenHash;
  readonly expiresAt: number;
}

export interface PresentedRefreshToken {
  readonly userId: UserId;
  readonly tokenHash: TokenHash;
}

export interface NextRefreshToken {
  readonly tokenHash: TokenHash;
  readonly expiresAt: number;
}

export interface RotatedFamily {
  readonly userId: UserId;
  readonly familyId: FamilyId;
}

export type RotationFailure = 'unknown' | 'expired' | 'reused';

/**
 * `account` counters belong to a user and go with `deleteUser`; `shared` ones (per IP, per email
 * attempted) belong to no one and simply expire. `name` says what is limited, e.g. `login` or
 * `ip:203.0.113.9:login`.
 */
export type RateLimitKey =
  | { readonly scope: 'shared'; readonly name: string }
  | { readonly scope: 'account'; readonly userId: UserId; readonly name: string };

export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Attempts still allowed in this window after this one. */
  readonly remaining: number;
  /** 0 when allowed; otherwise how long until the window ends. */
  readonly retryAfterMs: number;
}

/**
 * Ids end up inside storage keys (`{u:<id>}` in Redis), so they are restricted to characters
 * that cannot break a key or a hash tag.
 */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function toUserId(raw: string): UserId | undefined {
  return ID_PATTERN.test(raw) ? (raw as UserId) : undefined;
}

export function toFamilyId(raw: string): FamilyId | undefined {
  return ID_PATTERN.test(raw) ? (raw as FamilyId) : undefined;
}

/** The one place tokens are hashed, so issuing and checking can never disagree on the format. */
export function hashRefreshToken(token: string): TokenHash {
  return createHash('sha256').update(token, 'utf8').digest('hex') as TokenHash;
}

/** Reads the user id out of a `<userId>.<secret>` refresh token; undefined if malformed. */
export function splitRefreshToken(token: string): PresentedRefreshToken | undefined {
  const dot = token.indexOf('.');
  const userId = dot > 0 ? toUserId(token.slice(0, dot)) : undefined;
  if (userId === undefined || dot === token.length - 1) return undefined;
  return { userId, tokenHash: hashRefreshToken(token) };
}
