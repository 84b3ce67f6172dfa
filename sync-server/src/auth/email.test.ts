import { describe, expect, it } from 'vitest';
import { normaliseEmail } from './email.ts';

describe('normaliseEmail', () => {
  it.each([
    ['  Alice@Example.ORG  ', 'alice@example.org'],
    ['jean.dupont+tirelire@laposte.net', 'jean.dupont+tirelire@laposte.net'],
    ['Élodie@exemple.fr', 'élodie@exemple.fr'],
    // "e" + combining acute, as some keyboards and macOS file names produce it.
    ['E\u0301lodie@exemple.fr', 'élodie@exemple.fr'],
    ['user@bücher.de', 'user@bücher.de'],
    ['a@b.co', 'a@b.co'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normaliseEmail(input)).toEqual({ ok: true, value: expected });
  });

  it('makes composed and decomposed forms the same account', () => {
    expect(normaliseEmail('\u00e9@x.fr')).toEqual(normaliseEmail('e\u0301@X.FR'));
  });

  it.each([
    '',
    'alice',
    '@example.org',
    'alice@',
    'alice@localhost',
    'alice@@example.org',
    'al ice@example.org',
    'alice@exa mple.org',
    '.alice@example.org',
    'alice.@example.org',
    'al..ice@example.org',
    '"alice"@example.org',
    'alice@-example.org',
    'alice@example-.org',
    'alice@example..org',
    'alice@192.168.0.1',
    'alice@[127.0.0.1]',
    'alice\u0000@example.org',
    `${'a'.repeat(65)}@example.org`,
    `alice@${'a'.repeat(64)}.org`,
    `alice@${'abcdefghi.'.repeat(25)}org`,
  ])('refuses %j', (input) => {
    expect(normaliseEmail(input)).toMatchObject({ ok: false, code: 'invalid_email' });
  });
});
