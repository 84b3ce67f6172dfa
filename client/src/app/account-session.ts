import { signal, type ReadonlySignal } from '@preact/signals';
import type {
  AccountApi,
  AccountError,
  AccountResult,
  SessionTokens,
} from '../ports/account-api.ts';
import type { SessionStore } from '../ports/session-store.ts';

export type AccountStatus =
  | { readonly state: 'signed_out' }
  | { readonly state: 'signed_in'; readonly email: string }
  | { readonly state: 'busy' };

/** An access token this close to expiry is refreshed before use. */
const REFRESH_MARGIN_MS = 60_000;
const SIGNED_OUT: AccountStatus = { state: 'signed_out' };

/**
 * The optional sync account. The access token lives in memory only; the refresh token is kept
 * in the session store so a reload stays signed in. Refreshes are single-flight (each refresh
 * token is single use on the server).
 */
export class AccountSession {
  private readonly current = signal<AccountStatus>(SIGNED_OUT);
  private access: { readonly token: string; readonly expiresAt: number } | null = null;
  private refreshing: Promise<AccountResult<string>> | null = null;

  constructor(
    private readonly api: AccountApi,
    private readonly store: SessionStore,
    private readonly now: () => number = () => Date.now(),
  ) {
    const saved = store.read();
    if (saved) this.current.value = { state: 'signed_in', email: saved.email };
  }

  get status(): ReadonlySignal<AccountStatus> {
    return this.current;
  }

  /** On start: a stored refresh token is exchanged to check (and restore) the session. */
  async restore(): Promise<void> {
    if (!this.store.read()) return;
    await this.refreshNow();
  }

  async signUp(email: string, password: string): Promise<AccountResult<void>> {
    return this.whileBusy(async () => {
      const registered = await this.api.register(email, password);
      if (!registered.ok) return registered;
      return this.startSession(email, await this.api.login(email, password));
    });
  }

  async logIn(email: string, password: string): Promise<AccountResult<void>> {
    return this.whileBusy(async () =>
      this.startSession(email, await this.api.login(email, password)),
    );
  }

  /** Ends the session on the server when reachable; this device forgets it either way. */
  async logOut(): Promise<void> {
    const saved = this.store.read();
    this.current.value = { state: 'busy' };
    if (this.refreshing) await this.refreshing;
    const latest = this.store.read() ?? saved;
    if (latest) await this.api.logout(latest.refreshToken);
    this.signOutLocally();
  }

  /** Deletes the account and everything the server holds for it; data on this device stays. */
  async deleteAccount(): Promise<AccountResult<void>> {
    const email = this.store.read()?.email;
    if (!email) return { ok: false, code: 'unauthorized', message: 'not signed in' };
    this.current.value = { state: 'busy' };
    const token = await this.accessToken();
    if (!token.ok) return this.afterFailure(token);
    const deleted = await this.api.deleteAccount(token.value);
    if (deleted.ok) {
      this.signOutLocally();
      return deleted;
    }
    return this.afterFailure(deleted);
  }

  /** A valid access token, refreshed silently when it expires within a minute. */
  async accessToken(): Promise<AccountResult<string>> {
    if (this.access && this.access.expiresAt - this.now() > REFRESH_MARGIN_MS) {
      return { ok: true, value: this.access.token };
    }
    if (!this.store.read()) return { ok: false, code: 'unauthorized', message: 'not signed in' };
    return this.refreshNow();
  }

  private refreshNow(): Promise<AccountResult<string>> {
    this.refreshing ??= this.exchange().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async exchange(): Promise<AccountResult<string>> {
    const saved = this.store.read();
    if (!saved) return { ok: false, code: 'unauthorized', message: 'not signed in' };
    const refreshed = await this.api.refresh(saved.refreshToken);
    if (!refreshed.ok) {
      // The server no longer knows this session (logged out, expired, or revoked after reuse).
      if (refreshed.code === 'invalid_token' || refreshed.code === 'token_reused') {
        this.signOutLocally();
      }
      return refreshed;
    }
    this.keep(saved.email, refreshed.value);
    return { ok: true, value: refreshed.value.accessToken };
  }

  private startSession(email: string, login: AccountResult<SessionTokens>): AccountResult<void> {
    if (!login.ok) return login;
    this.keep(email.trim(), login.value);
    return { ok: true, value: undefined };
  }

  private keep(email: string, tokens: SessionTokens): void {
    this.access = {
      token: tokens.accessToken,
      expiresAt: this.now() + tokens.expiresIn * 1000,
    };
    this.store.write({ email, refreshToken: tokens.refreshToken });
    this.current.value = { state: 'signed_in', email };
  }

  private signOutLocally(): void {
    this.access = null;
    this.store.clear();
    this.current.value = SIGNED_OUT;
  }

  /** Leaves the status as the store says (signed in or out) and hands the failure back. */
  private afterFailure(error: AccountError): AccountError {
    this.settle();
    return error;
  }

  private settle(): void {
    const saved = this.store.read();
    this.current.value = saved ? { state: 'signed_in', email: saved.email } : SIGNED_OUT;
  }

  private async whileBusy(work: () => Promise<AccountResult<void>>): Promise<AccountResult<void>> {
    this.current.value = { state: 'busy' };
    try {
      const result = await work();
      if (!result.ok) this.settle();
      return result;
    } catch (error) {
      this.settle();
      throw error;
    }
  }
}
