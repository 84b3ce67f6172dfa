import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthStore, FamilyId, RateLimitKey, TokenHash, User, UserId } from './auth-store.ts';
import { hashRefreshToken, splitRefreshToken, toFamilyId } from './auth-store.ts';

export interface AuthStoreFactories {
  /** A fresh, empty, isolated store. */
  readonly makeStore: () => Promise<AuthStore>;
}

const T0 = 1_700_000_000_000;
const DAY = 86_400_000;

const newFamilyId = (): FamilyId => toFamilyId(randomUUID())!;
const tokenFor = (userId: UserId): TokenHash => hashRefreshToken(`${userId}.${randomUUID()}`);

/** The acceptance suite every AuthStore adapter runs; adapter tests add what only they can see. */
export function describeAuthStoreContract(name: string, factories: AuthStoreFactories): void {
  describe(`AuthStore contract: ${name}`, () => {
    const opened: AuthStore[] = [];
    const open = async (): Promise<AuthStore> => {
      const store = await factories.makeStore();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    const signUp = async (store: AuthStore, email = `${randomUUID()}@example.org`) => {
      const created = await store.createUser({
        email,
        passwordHash: 'argon2id$hash',
        createdAt: T0,
      });
      if (!created.ok) throw new Error(`sign-up failed: ${created.code}`);
      return created.value;
    };
    const login = async (store: AuthStore, user: User, expiresAt = T0 + 30 * DAY) => {
      const token = { userId: user.id, familyId: newFamilyId(), tokenHash: tokenFor(user.id) };
      await store.saveRefreshToken({ ...token, expiresAt }, T0);
      return token;
    };

    describe('users', () => {
      it('creates a user and finds it by email and by id', async () => {
        const store = await open();
        const user = await signUp(store, 'ada@example.org');
        expect(user).toMatchObject({ email: 'ada@example.org', passwordHash: 'argon2id$hash' });
        expect(user.createdAt).toBe(T0);
        expect(await store.findUserByEmail('ada@example.org')).toEqual(user);
        expect(await store.findUserById(user.id)).toEqual(user);
        expect(await store.findUserByEmail('bob@example.org')).toBeUndefined();
      });

      it('refuses a second account with the same email', async () => {
        const store = await open();
        const first = await signUp(store, 'ada@example.org');
        const second = await store.createUser({
          email: 'ada@example.org',
          passwordHash: 'other',
          createdAt: T0 + 1,
        });
        expect(second).toMatchObject({ ok: false, code: 'email_taken' });
        expect(await store.findUserByEmail('ada@example.org')).toEqual(first);
      });

      it('lets exactly one of 20 concurrent sign-ups with one email win', async () => {
        const store = await open();
        const attempts = await Promise.all(
          Array.from({ length: 20 }, (_, n) =>
            store.createUser({ email: 'race@example.org', passwordHash: `h${n}`, createdAt: T0 }),
          ),
        );
        const winners = attempts.filter((attempt) => attempt.ok);
        expect(winners).toHaveLength(1);
        expect(attempts.filter((a) => !a.ok && a.code === 'email_taken')).toHaveLength(19);
        const winner = winners[0]!.ok ? winners[0]!.value : undefined;
        expect(await store.findUserByEmail('race@example.org')).toEqual(winner);
      });

      it('deletes a user, frees the email, and forgets its sessions and counters', async () => {
        const store = await open();
        const user = await signUp(store, 'gone@example.org');
        const session = await login(store, user);
        const counter: RateLimitKey = { scope: 'account', userId: user.id, name: 'login' };
        await store.hit(counter, 60_000, 1, T0);

        await store.deleteUser(user.id);
        await store.deleteUser(user.id);

        expect(await store.findUserById(user.id)).toBeUndefined();
        expect(await store.findUserByEmail('gone@example.org')).toBeUndefined();
        const next = { tokenHash: tokenFor(user.id), expiresAt: T0 + DAY };
        expect(await store.rotateRefreshToken(session, next, T0 + 1)).toMatchObject({
          code: 'unknown',
        });
        expect((await store.hit(counter, 60_000, 1, T0 + 1)).allowed).toBe(true);
        const again = await signUp(store, 'gone@example.org');
        expect(again.id).not.toBe(user.id);
      });
    });

    describe('refresh tokens', () => {
      it('rotates the current token, and the new one rotates in turn', async () => {
        const store = await open();
        const user = await signUp(store);
        const session = await login(store, user);
        const second = { tokenHash: tokenFor(user.id), expiresAt: T0 + 31 * DAY };
        expect(await store.rotateRefreshToken(session, second, T0 + DAY)).toEqual({
          ok: true,
          value: { userId: user.id, familyId: session.familyId },
        });
        const third = { tokenHash: tokenFor(user.id), expiresAt: T0 + 32 * DAY };
        const presented = { userId: user.id, tokenHash: second.tokenHash };
        expect(await store.rotateRefreshToken(presented, third, T0 + 2 * DAY)).toMatchObject({
          ok: true,
        });
      });

      it('revokes the whole family when an already-rotated token comes back', async () => {
        const store = await open();
        const user = await signUp(store);
        const session = await login(store, user);
        const second = { tokenHash: tokenFor(user.id), expiresAt: T0 + DAY };
        await store.rotateRefreshToken(session, second, T0 + 1);

        // The thief replays the first token: refused, and the legitimate holder is logged out too.
        const thief = { tokenHash: tokenFor(user.id), expiresAt: T0 + DAY };
        expect(await store.rotateRefreshToken(session, thief, T0 + 2)).toMatchObject({
          ok: false,
          code: 'reused',
        });
        const holder = { userId: user.id, tokenHash: second.tokenHash };
        const later = { tokenHash: tokenFor(user.id), expiresAt: T0 + DAY };
        expect(await store.rotateRefreshToken(holder, later, T0 + 3)).toMatchObject({
          code: 'unknown',
        });
        expect(await store.rotateRefreshToken(session, later, T0 + 4)).toMatchObject({
          code: 'unknown',
        });
      });

      it('lets only one of two concurrent uses of one token through; the other is reuse', async () => {
        const store = await open();
        const user = await signUp(store);
        const session = await login(store, user);
        const results = await Promise.all(
          [1, 2].map(() =>
            store.rotateRefreshToken(
              session,
              { tokenHash: tokenFor(user.id), expiresAt: T0 + DAY },
              T0 + 1,
            ),
          ),
        );
        expect(results.map((r) => (r.ok ? 'ok' : r.code)).sort()).toEqual(['ok', 'reused']);
      });

      it('refuses an expired token, judged by the clock it is given', async () => {
        const store = await open();
        const user = await signUp(store);
        const session = await login(store, user, T0 + 1000);
        const next = { tokenHash: tokenFor(user.id), expiresAt: T0 + DAY };
        expect(await store.rotateRefreshToken(session, next, T0 + 1000)).toMatchObject({
          code: 'expired',
        });
        const fresh = await login(store, user, T0 + 1000);
        expect(await store.rotateRefreshToken(fresh, next, T0 + 999)).toMatchObject({ ok: true });
      });

      it('knows no token that was never issued, or was issued to someone else', async () => {
        const store = await open();
        const ada = await signUp(store);
        const bob = await signUp(store);
        const session = await login(store, ada);
        const next = { tokenHash: tokenFor(ada.id), expiresAt: T0 + DAY };
        const forged = { userId: ada.id, tokenHash: tokenFor(ada.id) };
        expect(await store.rotateRefreshToken(forged, next, T0)).toMatchObject({ code: 'unknown' });
        const misattributed = { userId: bob.id, tokenHash: session.tokenHash };
        expect(await store.rotateRefreshToken(misattributed, next, T0)).toMatchObject({
          code: 'unknown',
        });
        // A forged token must not revoke anything.
        expect(await store.rotateRefreshToken(session, next, T0)).toMatchObject({ ok: true });
      });

      it('revokes one family at logout, and all of them on request', async () => {
        const store = await open();
        const user = await signUp(store);
        const [phone, laptop, tablet] = [
          await login(store, user),
          await login(store, user),
          await login(store, user),
        ];
        const next = () => ({ tokenHash: tokenFor(user.id), expiresAt: T0 + DAY });

        await store.revokeFamily(user.id, phone.familyId);
        await store.revokeFamily(user.id, phone.familyId);
        expect(await store.rotateRefreshToken(phone, next(), T0)).toMatchObject({
          code: 'unknown',
        });
        expect(await store.rotateRefreshToken(laptop, next(), T0)).toMatchObject({ ok: true });

        await store.revokeAllFamilies(user.id);
        expect(await store.rotateRefreshToken(tablet, next(), T0)).toMatchObject({
          code: 'unknown',
        });
        expect(await store.findUserById(user.id)).toBeDefined();
      });

      it('reads the user id out of a `<userId>.<secret>` token', () => {
        expect(splitRefreshToken('abc-123.s3cret')).toEqual({
          userId: 'abc-123',
          tokenHash: hashRefreshToken('abc-123.s3cret'),
        });
        expect(hashRefreshToken('x')).toMatch(/^[0-9a-f]{64}$/);
        for (const bad of ['nodot', '.secret', 'user.', 'us{er}.secret', 'a:b.secret']) {
          expect(splitRefreshToken(bad)).toBeUndefined();
        }
      });
    });

    describe('rate limits', () => {
      const ipLogin: RateLimitKey = { scope: 'shared', name: 'ip:203.0.113.9:login' };

      it('allows `limit` attempts per window, then says when to retry', async () => {
        const store = await open();
        const decisions = [];
        for (let n = 0; n < 4; n++) decisions.push(await store.hit(ipLogin, 60_000, 3, T0 + n));
        expect(decisions).toEqual([
          { allowed: true, remaining: 2, retryAfterMs: 0 },
          { allowed: true, remaining: 1, retryAfterMs: 0 },
          { allowed: true, remaining: 0, retryAfterMs: 0 },
          { allowed: false, remaining: 0, retryAfterMs: 60_000 - 3 },
        ]);
        expect(await store.hit(ipLogin, 60_000, 3, T0 + 59_999)).toMatchObject({ allowed: false });
        expect(await store.hit(ipLogin, 60_000, 3, T0 + 60_000)).toEqual({
          allowed: true,
          remaining: 2,
          retryAfterMs: 0,
        });
      });

      it('counts each key on its own, and counts concurrent hits exactly', async () => {
        const store = await open();
        const user = await signUp(store);
        const account: RateLimitKey = { scope: 'account', userId: user.id, name: 'login' };
        const decisions = await Promise.all(
          Array.from({ length: 10 }, () => store.hit(account, 60_000, 4, T0)),
        );
        expect(decisions.filter((d) => d.allowed)).toHaveLength(4);
        expect((await store.hit(ipLogin, 60_000, 4, T0)).remaining).toBe(3);
        const otherName: RateLimitKey = { scope: 'account', userId: user.id, name: 'password' };
        expect((await store.hit(otherName, 60_000, 4, T0)).remaining).toBe(3);
      });
    });

    it('closes idempotently', async () => {
      const store = await open();
      await signUp(store);
      await store.close();
      await expect(store.close()).resolves.toBeUndefined();
    });
  });
}
