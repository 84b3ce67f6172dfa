import { describe, expect, it } from 'vitest';
import { MemorySessionStore } from '../adapters/memory/MemorySessionStore.ts';
import type { AccountApi, AccountResult, SessionTokens } from '../ports/account-api.ts';
import { AccountSession } from './account-session.ts';

/** The server's protocol in memory: single-use refresh tokens, reuse revokes the family. */
class FakeAccountApi implements AccountApi {
  readonly users = new Map<string, string>();
  private readonly live = new Map<string, { email: string; family: number }>();
  private readonly spent = new Map<string, number>();
  private readonly revoked = new Set<number>();
  private readonly accessTokens = new Map<string, string>();
  private next = 0;
  refreshCalls = 0;
  offline = false;

  async register(email: string, password: string): Promise<AccountResult<{ userId: string }>> {
    await this.roundTrip();
    if (this.offline) return { ok: false, code: 'network', message: 'offline' };
    if (password.length < 10) {
      return { ok: false, code: 'weak_password', message: 'short', reason: 'too_short' };
    }
    if (this.users.has(email)) return { ok: false, code: 'email_taken', message: 'taken' };
    this.users.set(email, password);
    return { ok: true, value: { userId: email } };
  }

  async login(email: string, password: string): Promise<AccountResult<SessionTokens>> {
    await this.roundTrip();
    if (this.offline) return { ok: false, code: 'network', message: 'offline' };
    if (this.users.get(email) !== password) {
      return { ok: false, code: 'invalid_credentials', message: 'wrong' };
    }
    return { ok: true, value: this.issue(email, ++this.next) };
  }

  async refresh(refreshToken: string): Promise<AccountResult<SessionTokens>> {
    await this.roundTrip();
    this.refreshCalls += 1;
    if (this.offline) return { ok: false, code: 'network', message: 'offline' };
    const family = this.spent.get(refreshToken);
    if (family !== undefined) {
      this.revoked.add(family);
      return { ok: false, code: 'token_reused', message: 'reused' };
    }
    const session = this.live.get(refreshToken);
    if (!session || this.revoked.has(session.family)) {
      return { ok: false, code: 'invalid_token', message: 'invalid' };
    }
    this.live.delete(refreshToken);
    this.spent.set(refreshToken, session.family);
    return { ok: true, value: this.issue(session.email, session.family) };
  }

  async logout(refreshToken: string): Promise<AccountResult<void>> {
    await this.roundTrip();
    const session = this.live.get(refreshToken);
    if (session) this.revoked.add(session.family);
    return { ok: true, value: undefined };
  }

  async deleteAccount(accessToken: string): Promise<AccountResult<void>> {
    await this.roundTrip();
    const email = this.accessTokens.get(accessToken);
    if (!email) return { ok: false, code: 'invalid_token', message: 'invalid' };
    this.users.delete(email);
    return { ok: true, value: undefined };
  }

  /** Answers come back asynchronously, as from a server. */
  private roundTrip(): Promise<void> {
    return Promise.resolve();
  }

  private issue(email: string, family: number): SessionTokens {
    const refreshToken = `u.${++this.next}`;
    const accessToken = `at.${this.next}`;
    this.live.set(refreshToken, { email, family });
    this.accessTokens.set(accessToken, email);
    return { accessToken, refreshToken, expiresIn: 900 };
  }
}

const PASSWORD = 'correct horse battery staple';

function setup() {
  const api = new FakeAccountApi();
  const store = new MemorySessionStore();
  let time = 1_000_000;
  const clock = { now: () => time, advance: (ms: number) => (time += ms) };
  const open = () => new AccountSession(api, store, clock.now);
  return { api, store, clock, open };
}

describe('AccountSession', () => {
  it('starts signed out, signs up (register then login) and keeps only the refresh token', async () => {
    const { store, open } = setup();
    const session = open();
    expect(session.status.value).toEqual({ state: 'signed_out' });
    const pending = session.signUp('ana@example.org', PASSWORD);
    expect(session.status.value).toEqual({ state: 'busy' });
    expect(await pending).toEqual({ ok: true, value: undefined });
    expect(session.status.value).toEqual({ state: 'signed_in', email: 'ana@example.org' });
    expect(store.read()?.email).toBe('ana@example.org');
    expect(store.read()?.refreshToken).toMatch(/^u\./);
    expect(JSON.stringify(store.read())).not.toContain('at.');
  });

  it('hands back error codes and returns to signed out', async () => {
    const { open } = setup();
    const session = open();
    expect(await session.signUp('ana@example.org', 'short')).toMatchObject({
      ok: false,
      code: 'weak_password',
      reason: 'too_short',
    });
    expect(await session.logIn('ana@example.org', PASSWORD)).toMatchObject({
      code: 'invalid_credentials',
    });
    expect(session.status.value).toEqual({ state: 'signed_out' });
  });

  it('reuses the access token until a minute before expiry, then refreshes once', async () => {
    const { api, clock, open } = setup();
    const session = open();
    await session.signUp('ana@example.org', PASSWORD);
    const first = await session.accessToken();
    clock.advance(800_000);
    expect(await session.accessToken()).toEqual(first);
    expect(api.refreshCalls).toBe(0);
    clock.advance(50_000);
    const [a, b] = await Promise.all([session.accessToken(), session.accessToken()]);
    expect(api.refreshCalls).toBe(1);
    expect(a).toEqual(b);
    expect(a).not.toEqual(first);
  });

  it('restores the session after a reload', async () => {
    const { api, open } = setup();
    await open().signUp('ana@example.org', PASSWORD);
    const reloaded = open();
    expect(reloaded.status.value).toEqual({ state: 'signed_in', email: 'ana@example.org' });
    await reloaded.restore();
    expect(api.refreshCalls).toBe(1);
    expect((await reloaded.accessToken()).ok).toBe(true);
    expect(api.refreshCalls).toBe(1);
  });

  it('stays signed in when the server is unreachable on start', async () => {
    const { api, open } = setup();
    await open().signUp('ana@example.org', PASSWORD);
    api.offline = true;
    const reloaded = open();
    await reloaded.restore();
    expect(reloaded.status.value).toEqual({ state: 'signed_in', email: 'ana@example.org' });
    expect(await reloaded.accessToken()).toMatchObject({ ok: false, code: 'network' });
  });

  it('signs out cleanly when the refresh token was reused elsewhere', async () => {
    const { api, store, open } = setup();
    await open().signUp('ana@example.org', PASSWORD);
    const copied = store.read();
    if (!copied) throw new Error('no session');
    await api.refresh(copied.refreshToken); // a thief spends it first
    const reloaded = open();
    await reloaded.restore();
    expect(reloaded.status.value).toEqual({ state: 'signed_out' });
    expect(store.read()).toBeNull();
  });

  it('logs out on the server and on this device', async () => {
    const { api, store, open } = setup();
    const session = open();
    await session.signUp('ana@example.org', PASSWORD);
    const token = store.read()?.refreshToken ?? '';
    await session.logOut();
    expect(session.status.value).toEqual({ state: 'signed_out' });
    expect(store.read()).toBeNull();
    expect(await api.refresh(token)).toMatchObject({ ok: false, code: 'invalid_token' });
  });

  it('deletes the account, after which logging in fails', async () => {
    const { open } = setup();
    const session = open();
    await session.signUp('ana@example.org', PASSWORD);
    expect(await session.deleteAccount()).toEqual({ ok: true, value: undefined });
    expect(session.status.value).toEqual({ state: 'signed_out' });
    expect(await session.logIn('ana@example.org', PASSWORD)).toMatchObject({
      code: 'invalid_credentials',
    });
  });
});
