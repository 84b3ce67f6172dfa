import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
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
  TokenHash,
  User,
  UserId,
} from '../../ports/auth-store.ts';
import { writeFileDurably } from './durable-file.ts';
import { StoreOpenError } from './EmbeddedServerStore.ts';

export const AUTH_FILE = 'auth.json';

const fileSchema = z.object({
  format: z.literal('tirelire-auth'),
  version: z.literal(1),
  users: z.array(
    z.object({
      id: z.string(),
      email: z.string(),
      passwordHash: z.string(),
      createdAt: z.number(),
    }),
  ),
  families: z.array(
    z.object({
      id: z.string(),
      userId: z.string(),
      current: z.string(),
      expiresAt: z.number(),
      /** Every token the family ever had, the current one included: old ones betray reuse. */
      tokens: z.array(z.string()),
    }),
  ),
});
type AuthFile = z.infer<typeof fileSchema>;
type Family = AuthFile['families'][number];

interface Counter {
  endsAt: number;
  count: number;
}

/** Past this many counters, each new window first sweeps out the finished ones. */
const COUNTERS_BEFORE_SWEEP = 10_000;

/**
 * Accounts for a single server process: everything in memory, the whole state rewritten to
 * `auth.json` (0600, fsync'd, atomic) after each change, and the change only reported done once
 * it is on disk. Atomicity comes free: each operation mutates memory synchronously before its
 * first await. Rate-limit counters stay in memory: a restart resets them, which costs an
 * attacker a restart they cannot trigger, and keeps attempts from hitting the disk.
 */
export class EmbeddedAuthStore implements AuthStore {
  private readonly users = new Map<UserId, User>();
  private readonly userIdsByEmail = new Map<string, UserId>();
  private readonly families = new Map<FamilyId, Family>();
  private readonly familyIdsByToken = new Map<TokenHash, FamilyId>();
  private readonly counters = new Map<string, Counter>();
  /** The write in progress (or the last one), and the one queued behind it if any. */
  private writing: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;
  private isClosed = false;

  private constructor(private readonly path: string) {}

  static async open(options: { readonly dataDir: string }): Promise<EmbeddedAuthStore> {
    await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    const store = new EmbeddedAuthStore(join(options.dataDir, AUTH_FILE));
    const saved = await readSaved(store.path);
    for (const user of saved?.users ?? []) store.addUser(user as User);
    for (const family of saved?.families ?? []) store.addFamily(family);
    return store;
  }

  createUser(input: NewUser): Promise<Result<User, 'email_taken'>> {
    if (this.userIdsByEmail.has(input.email)) {
      return Promise.resolve(fail('email_taken', 'an account already uses this email'));
    }
    const user: User = { ...input, id: randomUUID() as UserId };
    this.addUser(user);
    return this.persist().then(() => ok(user));
  }

  findUserByEmail(email: string): Promise<User | undefined> {
    const id = this.userIdsByEmail.get(email);
    return Promise.resolve(id === undefined ? undefined : this.users.get(id));
  }

  findUserById(id: UserId): Promise<User | undefined> {
    return Promise.resolve(this.users.get(id));
  }

  deleteUser(id: UserId): Promise<void> {
    const user = this.users.get(id);
    if (user === undefined) return Promise.resolve();
    this.users.delete(id);
    this.userIdsByEmail.delete(user.email);
    this.dropFamilies((family) => family.userId === id);
    for (const key of this.counters.keys()) {
      if (key.startsWith(accountCounterPrefix(id))) this.counters.delete(key);
    }
    return this.persist();
  }

  saveRefreshToken(token: RefreshTokenRecord, now: number): Promise<void> {
    this.dropFamilies((family) => family.expiresAt <= now);
    this.addFamily({
      id: token.familyId,
      userId: token.userId,
      current: token.tokenHash,
      expiresAt: token.expiresAt,
      tokens: [token.tokenHash],
    });
    return this.persist();
  }

  async rotateRefreshToken(
    presented: PresentedRefreshToken,
    next: NextRefreshToken,
    now: number,
  ): Promise<Result<RotatedFamily, RotationFailure>> {
    const familyId = this.familyIdsByToken.get(presented.tokenHash);
    const family = familyId === undefined ? undefined : this.families.get(familyId);
    if (family === undefined || family.userId !== presented.userId) {
      return fail('unknown', 'no such session');
    }
    if (now >= family.expiresAt) return fail('expired', 'this session has expired; log in again');
    if (family.current !== presented.tokenHash) {
      this.dropFamilies((candidate) => candidate === family);
      await this.persist();
      return fail('reused', 'this token was already used; every device of the session is out');
    }
    family.current = next.tokenHash;
    family.expiresAt = next.expiresAt;
    family.tokens.push(next.tokenHash);
    this.familyIdsByToken.set(next.tokenHash, family.id as FamilyId);
    await this.persist();
    return ok({ userId: presented.userId, familyId: family.id as FamilyId });
  }

  revokeFamily(userId: UserId, familyId: FamilyId): Promise<void> {
    this.dropFamilies((family) => family.id === familyId && family.userId === userId);
    return this.persist();
  }

  revokeAllFamilies(userId: UserId): Promise<void> {
    this.dropFamilies((family) => family.userId === userId);
    return this.persist();
  }

  hit(key: RateLimitKey, windowMs: number, limit: number, now: number): Promise<RateLimitDecision> {
    const name =
      key.scope === 'account'
        ? `${accountCounterPrefix(key.userId)}${key.name}`
        : `shared:${key.name}`;
    let counter = this.counters.get(name);
    if (counter === undefined || now >= counter.endsAt) {
      if (this.counters.size >= COUNTERS_BEFORE_SWEEP) this.sweepCounters(now);
      counter = { endsAt: now + windowMs, count: 0 };
      this.counters.set(name, counter);
    }
    const rest = counter.endsAt - now;
    if (counter.count >= limit)
      return Promise.resolve({ allowed: false, remaining: 0, retryAfterMs: rest });
    counter.count += 1;
    return Promise.resolve({ allowed: true, remaining: limit - counter.count, retryAfterMs: 0 });
  }

  async close(): Promise<void> {
    this.isClosed = true;
    await this.writing;
  }

  private sweepCounters(now: number): void {
    for (const [name, counter] of this.counters) {
      if (now >= counter.endsAt) this.counters.delete(name);
    }
  }

  private addUser(user: User): void {
    this.users.set(user.id, user);
    this.userIdsByEmail.set(user.email, user.id);
  }

  private addFamily(family: Family): void {
    this.families.set(family.id as FamilyId, family);
    for (const token of family.tokens)
      this.familyIdsByToken.set(token as TokenHash, family.id as FamilyId);
  }

  private dropFamilies(shouldDrop: (family: Family) => boolean): void {
    for (const family of [...this.families.values()].filter(shouldDrop)) {
      this.families.delete(family.id as FamilyId);
      for (const token of family.tokens) this.familyIdsByToken.delete(token as TokenHash);
    }
  }

  /**
   * Resolves once a snapshot taken after this call is on disk. Writes never overlap: a change
   * made during a write queues one more write, shared by every change made meanwhile.
   */
  private persist(): Promise<void> {
    if (this.isClosed) return Promise.reject(new Error('the auth store is closed'));
    if (this.queued !== undefined) return this.queued;
    const write = this.writing.then(() => {
      this.queued = undefined;
      return writeFileDurably(this.path, this.snapshot());
    });
    this.queued = write;
    this.writing = write.catch(() => {});
    return write;
  }

  private snapshot(): string {
    const file: AuthFile = {
      format: 'tirelire-auth',
      version: 1,
      users: [...this.users.values()],
      families: [...this.families.values()],
    };
    return `${JSON.stringify(file)}\n`;
  }
}

function accountCounterPrefix(userId: UserId): string {
  return `account:${userId}:`;
}

async function readSaved(path: string): Promise<AuthFile | undefined> {
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new StoreOpenError(`${path} is not valid JSON; restore it from a backup`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw new StoreOpenError(`${path} is not a version-1 Tirelire auth file`);
  return parsed.data;
}
