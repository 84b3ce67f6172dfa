import { describe, expect, it } from 'vitest';
import { decodeRequestPath, looksLikeFile } from './request-path.ts';

describe('S-STATIC-3: decodeRequestPath', () => {
  it.each([
    ['/', '/'],
    ['/assets/index-3f2a9c.js', '/assets/index-3f2a9c.js'],
    ['/my%20file.txt', '/my file.txt'],
    ['/accounts/42', '/accounts/42'],
    ['/caf%C3%A9', '/café'],
    ['/a..b/c...', '/a..b/c...'],
  ])('%s → %s', (raw, decoded) => {
    expect(decodeRequestPath(raw)).toBe(decoded);
  });

  it.each([
    ['/../secret.txt'],
    ['/assets/../../secret.txt'],
    ['/%2e%2e/secret.txt'],
    ['/%2E%2E/secret.txt'],
    ['/.%2e/secret.txt'],
    ['/assets/..%2f..%2fsecret.txt'],
    ['/assets/..%5c..%5csecret.txt'],
    ['/..\\secret.txt'],
    ['/./index.html'],
    ['/index.html%00.js'],
    ['/index.html\0'],
    ['/%E0%A4%A'],
    ['/%'],
    ['secret.txt'],
    ['//'.repeat(600)],
  ])('refuses %j', (raw) => {
    expect(decodeRequestPath(raw)).toBeNull();
  });
});

describe('looksLikeFile', () => {
  it.each([
    ['/logo.png', true],
    ['/assets/x.js', true],
    ['/accounts/42', false],
    ['/v1.2/accounts', false],
    ['/', false],
  ])('%s → %s', (path, expected) => {
    expect(looksLikeFile(path)).toBe(expected);
  });
});
