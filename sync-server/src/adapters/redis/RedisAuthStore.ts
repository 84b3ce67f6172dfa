import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { fail, ok, type Result } from '@tirelire/shared';
import type {
  AuthStore,
  FamilyId,
  NewUser,
  NextRefreshToken,
  PresentedRefreshToken,
  RateLimitDecision,
  RateLimitKey,
  RefreshTokenRecord,
  RotatedFamily,
  RotationFailure,
  User,
  UserId,
} from '../../ports/auth-store.ts';
import {
  deleteUserDataScript,
  hitScript,
  releaseEmailScript,
  revokeAllFamiliesScript,
  revokeFamilyScript,
  rotateRefreshTokenScript,
  saveRefreshTokenScript,
} from './lua/auth-scripts.ts';

/**
 * Accounts in Redis, shared by every server process. Key layout (P = keyPrefix, which must not
 * contain `{`):
 *   P email:<email>                → user id (its own slot; claimed with SET NX)
 *   P limit:<name>                 → hash start, count   (shared rate-limit counters)
 *   P{u:<id>}:user                 → hash id, email, passwordHash, createdAt
 *   P{u:<id>}:families             → set of live family ids
 *   P{u:<id>}:family:<familyId>    → hash current (token hash), expiresAt
 *   P{u:<id>}:tokens               → hash token hash → family id, every token of every family
 *   P{u:<id>}:limits               → set of account counter names
 *   P{u:<id>}:limit:<name>         → hash start, count
 * Each atomic operation is one Lua script over one user's tag (one Cluster slot). TTLs come from
 * the caller's clock (expiresAt - now), so keys vanish about when the caller deems them expired.
 * The client belongs to the caller, who connects and closes it.
 */
export class RedisAuthStore implements AuthStore {
  constructor(
    private readonly client: Redis,
    private readonly keyPrefix: string,
  ) {
    if (keyPrefix.includes('{')) throw new Error('the key prefix must not contain "{"');
  }

  /**
   * The user record goes in first, then the email is claimed with SET NX: the email index never
   * points at a missing user. A crash in between leaves an unreachable user record, never a
   * blocked email.
   */
  async createUser(input: NewUser): Promise<Result<User, 'email_taken'>> {
    const user: User = { ...input, id: randomUUID() as UserId };
    const userKey = this.userKey(user.id);
    await this.client.hset(userKey, {
      id: user.id,
      email: user.email,
      passwordHash: user.passwordHash,
      createdAt: String(user.createdAt),
    });
    const claimed = await this.client.set(this.emailKey(user.email), user.id, 'NX');
    if (claimed === 'OK') return ok(user);
    await this.client.del(userKey);
    return fail('email_taken', 'an account already uses this email');
  }

  async findUserByEmail(email: string): Promise<User | undefined> {
    const id = await this.client.get(this.emailKey(email));
    return id === null ? undefined : this.findUserById(id as UserId);
  }

  async findUserById(id: UserId): Promise<User | undefined> {
    return parseUser(await this.client.hgetall(this.userKey(id)));
  }

  /** The email goes first (see createUser): a crash half-way can be finished by calling again. */
  async deleteUser(id: UserId): Promise<void> {
    const email = await this.client.hget(this.userKey(id), 'email');
    if (email !== null) await releaseEmailScript.run(this.client, [this.emailKey(email)], [id]);
    await deleteUserDataScript.run(this.client, [this.userKey(id)], [this.userBase(id)]);
  }

  async saveRefreshToken(token: RefreshTokenRecord, now: number): Promise<void> {
    await saveRefreshTokenScript.run(
      this.client,
      [this.userKey(token.userId)],
      [
        this.userBase(token.userId),
        token.familyId,
        token.tokenHash,
        token.expiresAt,
        ttlMs(token.expiresAt, now),
      ],
    );
  }

  async rotateRefreshToken(
    presented: PresentedRefreshToken,
    next: NextRefreshToken,
    now: number,
  ): Promise<Result<RotatedFamily, RotationFailure>> {
    const reply = await rotateRefreshTokenScript.run(
      this.client,
      [this.userKey(presented.userId)],
      [
        this.userBase(presented.userId),
        presented.tokenHash,
        next.tokenHash,
        next.expiresAt,
        now,
        ttlMs(next.expiresAt, now),
      ],
    );
    const [outcome, familyId] = stringPair(reply);
    switch (outcome) {
      case 'ok':
        return ok({ userId: presented.userId, familyId: familyId as FamilyId });
      case 'expired':
        return fail('expired', 'this session has expired; log in again');
      case 'reused':
        return fail('reused', 'this token was already used; every device of the session is out');
      default:
        return fail('unknown', 'no such session');
    }
  }

  async revokeFamily(userId: UserId, familyId: FamilyId): Promise<void> {
    const keys = [this.userKey(userId)];
    await revokeFamilyScript.run(this.client, keys, [this.userBase(userId), familyId]);
  }

  async revokeAllFamilies(userId: UserId): Promise<void> {
    await revokeAllFamiliesScript.run(this.client, [this.userKey(userId)], [this.userBase(userId)]);
  }

  async hit(
    key: RateLimitKey,
    windowMs: number,
    limit: number,
    now: number,
  ): Promise<RateLimitDecision> {
    const keys =
      key.scope === 'account'
        ? [`${this.userBase(key.userId)}limit:${key.name}`, `${this.userBase(key.userId)}limits`]
        : [`${this.keyPrefix}limit:${key.name}`];
    const reply = await hitScript.run(this.client, keys, [windowMs, limit, now, key.name]);
    const [allowed, remaining, retryAfterMs] = numberTriple(reply);
    return { allowed: allowed === 1, remaining, retryAfterMs };
  }

  /** Nothing to release: the client is the caller's, and every write is done when it resolves. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  private emailKey(email: string): string {
    return `${this.keyPrefix}email:${email}`;
  }

  private userBase(id: UserId): string {
    return `${this.keyPrefix}{u:${id}}:`;
  }

  private userKey(id: UserId): string {
    return `${this.userBase(id)}user`;
  }
}

/** At least 1 ms: PEXPIRE refuses 0, and a token saved already expired should not linger. */
function ttlMs(expiresAt: number, now: number): number {
  return Math.max(1, Math.ceil(expiresAt - now));
}

function parseUser(fields: Record<string, string>): User | undefined {
  const { id, email, passwordHash, createdAt } = fields;
  if (id === undefined || email === undefined || passwordHash === undefined) return undefined;
  return { id: id as UserId, email, passwordHash, createdAt: Number(createdAt) };
}

function stringPair(reply: unknown): [string, string] {
  if (Array.isArray(reply) && typeof reply[0] === 'string' && typeof reply[1] === 'string') {
    return [reply[0], reply[1]];
  }
  throw new Error(`unexpected reply from Redis: ${JSON.stringify(reply)}`);
}

function numberTriple(reply: unknown): [number, number, number] {
  if (Array.isArray(reply) && reply.length === 3 && reply.every((n) => typeof n === 'number')) {
    return [reply[0] as number, reply[1] as number, reply[2] as number];
  }
  throw new Error(`unexpected reply from Redis: ${JSON.stringify(reply)}`);
}
