import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS, isCommonPassword } from './common-passwords.ts';

describe('COMMON_PASSWORDS', () => {
  it('holds at least a thousand entries, all lower case NFC without spaces', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(1000);
    for (const password of COMMON_PASSWORDS) {
      expect(password).toBe(password.normalize('NFC').toLowerCase());
      expect(password).not.toMatch(/\s/);
    }
  });

  it.each([
    '123456',
    'password',
    'azerty',
    'motdepasse',
    'soleil',
    'qwerty',
    'iloveyou',
    'jetaime',
    'doudou',
    'marseille',
  ])('contains %s', (password) => {
    expect(COMMON_PASSWORDS.has(password)).toBe(true);
  });
});

describe('isCommonPassword', () => {
  it.each([
    'PASSWORD',
    'Azerty',
    'motdepasse2024!',
    '!!Soleil!!',
    '2024Marseille',
    'zzzzzzzzzzzz',
    '🐷🐷🐷',
  ])('catches %s', (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each(['tirelire rose sous le lit', 'Xk4!pQ9#zW', 'soleil de minuit sur oslo', 'abc2024!!'])(
    'lets %s through',
    (password) => {
      expect(isCommonPassword(password)).toBe(false);
    },
  );
});
