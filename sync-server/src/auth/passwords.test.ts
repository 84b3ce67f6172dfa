import { describe, expect, it } from 'vitest';
import {
  checkPasswordPolicy,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  SCRYPT_PARAMETERS,
  scryptMemoryBytes,
  verifyPassword,
  verifyPasswordForUnknownAccount,
} from './passwords.ts';

// Cheap parameters where the test is about the format, not the cost.
const fast = { N: 2 ** 10, r: 8, p: 1 };

describe('hashPassword / verifyPassword', () => {
  it('stores scrypt$N$r$p$salt$hash with the default parameters, and verifies', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery staple', stored)).toEqual({
      ok: true,
      value: { needsRehash: false },
    });
  });

  it('refuses a wrong password', async () => {
    const stored = await hashPassword('correct horse battery staple', fast);
    expect(await verifyPassword('correct horse battery stapler', stored)).toMatchObject({
      ok: false,
      code: 'wrong_password',
    });
  });

  it('salts: the same password never hashes the same twice', async () => {
    const [a, b] = await Promise.all([hashPassword('same', fast), hashPassword('same', fast)]);
    expect(a).not.toBe(b);
  });

  it('reads the parameters stored in the hash and asks for a rehash when they are old', async () => {
    const stored = await hashPassword('correct horse battery staple', fast);
    expect(stored.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('correct horse battery staple', stored)).toEqual({
      ok: true,
      value: { needsRehash: true },
    });
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const stored = await hashPassword('mot de passe très long', fast);
    const decomposed = 'mot de passe tre\u0300s long';
    expect((await verifyPassword(decomposed, stored)).ok).toBe(true);
  });

  it.each([
    ['another scheme', 'bcrypt$2b$10$abcdefghijklmnopqrstuv'],
    ['too few fields', 'scrypt$1024$8$1$c2FsdHNhbHQ'],
    ['N not a power of two', 'scrypt$1000$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA'],
    ['N absurdly large', 'scrypt$1073741824$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA'],
    ['r zero', 'scrypt$1024$0$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA'],
    ['bad base64url', 'scrypt$1024$8$1$c2Fs+dHN$aGFzaGhhc2hoYXNoaGFzaA'],
    ['empty', ''],
  ])('reports %s as an unreadable hash without running scrypt', async (_name, stored) => {
    expect(await verifyPassword('whatever password', stored)).toMatchObject({
      ok: false,
      code: 'unreadable_hash',
    });
  });

  it('sets maxmem above what OpenSSL needs for the default parameters', () => {
    // Node's default maxmem (32 MiB) is too small for N=2^15, r=8: this is why we compute it.
    expect(scryptMemoryBytes(SCRYPT_PARAMETERS)).toBeGreaterThan(32 * 1024 * 1024);
  });
});

describe('verifyPasswordForUnknownAccount', () => {
  it('always answers wrong_password, with the same message as a real mismatch', async () => {
    const stored = await hashPassword('correct horse battery staple', fast);
    const real = await verifyPassword('guess guess guess', stored);
    const dummy = await verifyPasswordForUnknownAccount('guess guess guess');
    expect(dummy).toEqual(real);
  });

  it('does the same scrypt work as checking a real account (within a broad margin)', async () => {
    const stored = await hashPassword('correct horse battery staple');
    const time = async (check: () => Promise<unknown>) => {
      const start = performance.now();
      await check();
      return performance.now() - start;
    };
    // Warm up, then compare medians of a few runs: noise on CI is real, a 100× gap is not.
    await verifyPasswordForUnknownAccount('warm up');
    const realTimes: number[] = [];
    const dummyTimes: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      realTimes.push(await time(() => verifyPassword('guess guess guess', stored)));
      dummyTimes.push(await time(() => verifyPasswordForUnknownAccount('guess guess guess')));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[1]!;
    const ratio = median(dummyTimes) / median(realTimes);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});

describe('checkPasswordPolicy', () => {
  it(`refuses fewer than ${MIN_PASSWORD_LENGTH} characters, counting code points`, () => {
    expect(checkPasswordPolicy('Xk4!pQ9#z')).toMatchObject({ ok: false, code: 'too_short' });
    // Nine emoji are nine characters to a person, eighteen UTF-16 units to JavaScript.
    expect(checkPasswordPolicy('🐷'.repeat(9))).toMatchObject({ ok: false, code: 'too_short' });
    expect(checkPasswordPolicy('Xk4!pQ9#zW').ok).toBe(true);
  });

  it('refuses absurdly long passwords', () => {
    expect(checkPasswordPolicy('x7'.repeat(600))).toMatchObject({ ok: false, code: 'too_long' });
  });

  it.each(['1234567890', 'motdepasse', 'azertyuiop', 'Password123', 'Soleil2024!', 'aaaaaaaaaaaa'])(
    'refuses the common password %s',
    (password) => {
      expect(checkPasswordPolicy(password)).toMatchObject({ ok: false, code: 'too_common' });
    },
  );

  it('accepts a long uncommon passphrase', () => {
    expect(checkPasswordPolicy('tirelire rose sous le lit')).toEqual({
      ok: true,
      value: 'tirelire rose sous le lit',
    });
  });
});
