import { describe, expect, it } from 'vitest';
import { parseConfig, redactUrl } from './config.ts';

const defaults = { repoRoot: '/repo', cwd: '/somewhere' };

describe('S-CONFIG-1: parseConfig', () => {
  it('defaults to loopback:8080, the vite build, the embedded store in <repo>/.data', () => {
    expect(parseConfig({}, defaults)).toEqual({
      ok: true,
      value: {
        port: 8080,
        host: '127.0.0.1',
        staticDir: '/repo/dist/client',
        dataDir: '/repo/.data',
        redis: null,
        logLevel: 'info',
        jwtKeys: null,
        jwt: { issuer: 'tirelire', audience: 'tirelire-sync' },
      },
    });
  });

  it('reads every variable; relative paths are taken from the cwd', () => {
    const parsed = parseConfig(
      {
        PORT: '0',
        HOST: '0.0.0.0',
        STATIC_DIR: 'web',
        DATA_DIR: '/var/lib/tirelire',
        REDIS_URL: 'redis://redis:6379/2',
        REDIS_KEY_PREFIX: 'tl:',
        LOG_LEVEL: 'warn',
        JWT_PRIVATE_KEY_PATH: 'keys/private.pem',
        JWT_PUBLIC_KEY_PATHS: '/keys/old.pem, keys/older.pem',
        JWT_ISSUER: 'https://tirelire.example.org',
        JWT_AUDIENCE: 'sync',
      },
      defaults,
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        port: 0,
        host: '0.0.0.0',
        staticDir: '/somewhere/web',
        dataDir: '/var/lib/tirelire',
        redis: { url: 'redis://redis:6379/2', keyPrefix: 'tl:' },
        logLevel: 'warn',
        jwtKeys: {
          privateKeyPath: '/somewhere/keys/private.pem',
          publicKeyPaths: ['/keys/old.pem', '/somewhere/keys/older.pem'],
        },
        jwt: { issuer: 'https://tirelire.example.org', audience: 'sync' },
      },
    });
  });

  it('defaults the JWT settings to the embedded key ring, issuer tirelire', () => {
    const parsed = parseConfig({}, defaults);
    expect(parsed.ok && parsed.value).toMatchObject({
      jwtKeys: null,
      jwt: { issuer: 'tirelire', audience: 'tirelire-sync' },
    });
  });

  it('S-CONFIG-1: JWT_PUBLIC_KEY_PATHS without JWT_PRIVATE_KEY_PATH is refused', () => {
    const parsed = parseConfig({ JWT_PUBLIC_KEY_PATHS: '/k.pem' }, defaults);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain('JWT_PUBLIC_KEY_PATHS needs');
  });

  it('treats empty values as unset (compose passes `VAR=`)', () => {
    const parsed = parseConfig({ PORT: '', REDIS_URL: '', HOST: '' }, defaults);
    expect(parsed.ok && parsed.value).toMatchObject({ port: 8080, host: '127.0.0.1', redis: null });
  });

  it.each([
    ['::', 'HOST'],
    ['localhost', 'HOST'],
    ['redis.internal', 'HOST'],
  ])('accepts HOST=%s', (value, name) => {
    expect(parseConfig({ [name]: value }, defaults).ok).toBe(true);
  });

  it.each([
    ['PORT', 'abc', 'PORT must be a whole number from 0 to 65535 (got "abc")'],
    ['PORT', '65536', 'PORT must be a whole number from 0 to 65535 (got "65536")'],
    ['PORT', '-1', 'PORT must be a whole number from 0 to 65535 (got "-1")'],
    ['PORT', '80.5', 'PORT must be a whole number from 0 to 65535 (got "80.5")'],
    ['HOST', 'not a host', 'HOST must be an IP address or a host name'],
    ['REDIS_URL', 'http://redis:6379', 'REDIS_URL must be a redis:// or rediss:// URL'],
    ['REDIS_URL', 'redis', 'REDIS_URL must be a redis:// or rediss:// URL'],
    ['REDIS_KEY_PREFIX', 'a b', 'REDIS_KEY_PREFIX must be 1-64 letters'],
    ['LOG_LEVEL', 'verbose', 'LOG_LEVEL must be one of debug, info, warn, error, silent'],
    ['DATA_DIR', 'a\0b', 'DATA_DIR must not contain a NUL byte'],
  ])('rejects %s=%j with one clear line', (name, value, message) => {
    const parsed = parseConfig({ [name]: value }, defaults);
    expect(parsed.ok).toBe(false);
    const text = parsed.ok ? '' : parsed.message;
    expect(text.split('\n')).toHaveLength(1);
    expect(text).toContain(message);
  });

  it('reports every bad variable, one line each', () => {
    const parsed = parseConfig({ PORT: 'x', LOG_LEVEL: 'loud' }, defaults);
    expect(parsed.ok ? [] : parsed.message.split('\n')).toEqual([
      'PORT must be a whole number from 0 to 65535 (got "x")',
      'LOG_LEVEL must be one of debug, info, warn, error, silent (got "loud")',
    ]);
  });
});

describe('redactUrl', () => {
  it('masks a password and leaves other URLs alone', () => {
    expect(redactUrl('redis://:s3cret@redis:6379/0')).toBe('redis://:***@redis:6379/0');
    expect(redactUrl('redis://redis:6379')).toBe('redis://redis:6379');
  });
});
