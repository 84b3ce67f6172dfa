import { describe, expect, it } from 'vitest';
import type { AccountApi } from './account-api.ts';

let counter = 0;
const uniqueEmail = () => `contract-${Date.now()}-${++counter}@example.org`;
const PASSWORD = 'correct horse battery staple';

/**
 * What every AccountApi must do, against the real protocol (docs/api.md). Registers at most 5
 * times: the server allows 5 registrations per IP and hour.
 */
export function describeAccountApiContract(name: string, open: () => AccountApi): void {
  describe(`AccountApi contract: ${name}`, () => {
    it('registers, logs in, refreshes with rotation and logs out', async () => {
      const api = open();
      const email = uniqueEmail();
      const registered = await api.register(email, PASSWORD);
      expect(registered.ok).toBe(true);

      const login = await api.login(email.toUpperCase(), PASSWORD);
      if (!login.ok) throw new Error(login.code);
      expect(login.value.expiresIn).toBeGreaterThan(0);

      const refreshed = await api.refresh(login.value.refreshToken);
      if (!refreshed.ok) throw new Error(refreshed.code);
      expect(refreshed.value.refreshToken).not.toBe(login.value.refreshToken);

      // Reusing a spent refresh token revokes the session.
      const reused = await api.refresh(login.value.refreshToken);
      expect(reused).toMatchObject({ ok: false, code: 'token_reused' });
      expect(await api.refresh(refreshed.value.refreshToken)).toMatchObject({ ok: false });

      const again = await api.login(email, PASSWORD);
      if (!again.ok) throw new Error(again.code);
      expect(await api.logout(again.value.refreshToken)).toEqual({ ok: true, value: undefined });
      expect(await api.refresh(again.value.refreshToken)).toMatchObject({
        ok: false,
        code: 'invalid_token',
      });
    });

    it('answers the stable error codes', async () => {
      const api = open();
      const email = uniqueEmail();
      expect(await api.register('not an email', PASSWORD)).toMatchObject({
        ok: false,
        code: 'invalid_email',
      });
      expect(await api.register(email, 'short')).toMatchObject({
        ok: false,
        code: 'weak_password',
        reason: 'too_short',
      });
      expect(await api.register(email, PASSWORD)).toMatchObject({ ok: true });
      expect(await api.register(email, PASSWORD)).toMatchObject({
        ok: false,
        code: 'email_taken',
      });
      expect(await api.login(email, 'wrong password!')).toMatchObject({
        ok: false,
        code: 'invalid_credentials',
      });
      expect(await api.refresh('nonsense')).toMatchObject({ ok: false, code: 'invalid_token' });
      expect(await api.deleteAccount('not.a.jwt')).toMatchObject({
        ok: false,
        code: 'invalid_token',
      });

      // Deleting the account: logging in then fails as for an unknown email.
      const login = await api.login(email, PASSWORD);
      if (!login.ok) throw new Error(login.code);
      expect(await api.deleteAccount(login.value.accessToken)).toEqual({
        ok: true,
        value: undefined,
      });
      expect(await api.login(email, PASSWORD)).toMatchObject({
        ok: false,
        code: 'invalid_credentials',
      });
      expect(await api.refresh(login.value.refreshToken)).toMatchObject({ ok: false });
    });
  });
}
