import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { fail, ok, type Result } from '@tirelire/shared';
import { LOG_LEVELS, type LogLevel } from './log.ts';

/** Everything the process reads from its environment, validated once at start (conventions §6). */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** Absolute path of the built PWA (vite's outDir). */
  readonly staticDir: string;
  /** Absolute path of the embedded store's data; unused when `redis` is set. */
  readonly dataDir: string;
  /** When set, the Redis store is used instead of the embedded one. */
  readonly redis: { readonly url: string; readonly keyPrefix: string } | null;
  readonly logLevel: LogLevel;
  /** null: the embedded default (a key pair generated in DATA_DIR). */
  readonly jwtKeys: { readonly privateKeyPath: string; readonly publicKeyPaths: string[] } | null;
  readonly jwt: { readonly issuer: string; readonly audience: string };
}

export interface ConfigDefaults {
  /** The monorepo root: relative defaults are resolved against it, not against the cwd. */
  readonly repoRoot: string;
  /** Relative paths given in the environment are resolved against the cwd, as shells expect. */
  readonly cwd: string;
}

// Compose files often pass `VAR=` for "unset"; an empty value means the default.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const path = z.string().refine((value) => !value.includes('\0'), 'must not contain a NUL byte');

const envSchema = z.object({
  PORT: optional(
    z
      .string()
      .regex(/^\d{1,5}$/, 'must be a whole number from 0 to 65535')
      .transform(Number)
      .refine((port) => port <= 65535, 'must be a whole number from 0 to 65535'),
  ),
  HOST: optional(
    z.union([z.ipv4(), z.ipv6(), z.hostname()], {
      error: 'must be an IP address or a host name (e.g. 127.0.0.1, 0.0.0.0, ::)',
    }),
  ),
  STATIC_DIR: optional(path),
  DATA_DIR: optional(path),
  REDIS_URL: optional(
    z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }),
  ),
  REDIS_KEY_PREFIX: optional(
    z.string().regex(/^[\w:.-]{1,64}$/, 'must be 1-64 letters, digits or _ : . -'),
  ),
  JWT_PRIVATE_KEY_PATH: optional(path),
  JWT_PUBLIC_KEY_PATHS: optional(
    path.refine(
      (value) => value.split(',').every((item) => item.trim() !== ''),
      'must be a comma-separated list of paths',
    ),
  ),
  JWT_ISSUER: optional(z.string().min(1).max(256)),
  JWT_AUDIENCE: optional(z.string().min(1).max(256)),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
});

/** Parses the environment; on failure, one human-readable line per bad variable. */
export function parseConfig(
  env: Readonly<Record<string, string | undefined>>,
  defaults: ConfigDefaults,
): Result<ServerConfig, 'invalid-config'> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return `${name} ${issue.message} (got ${JSON.stringify(env[name] ?? null)})`;
    });
    return fail('invalid-config', [...new Set(lines)].join('\n'));
  }
  const vars = parsed.data;
  if (vars.JWT_PUBLIC_KEY_PATHS !== undefined && vars.JWT_PRIVATE_KEY_PATH === undefined) {
    return fail(
      'invalid-config',
      'JWT_PUBLIC_KEY_PATHS needs JWT_PRIVATE_KEY_PATH (the extra keys only verify)',
    );
  }
  const fromEnv = (value: string | undefined, fallback: string) =>
    value === undefined ? fallback : isAbsolute(value) ? value : resolve(defaults.cwd, value);
  return ok({
    port: vars.PORT ?? 8080,
    // Loopback by default: only the compose file opens the port to the network.
    host: vars.HOST ?? '127.0.0.1',
    staticDir: fromEnv(vars.STATIC_DIR, resolve(defaults.repoRoot, 'dist/client')),
    dataDir: fromEnv(vars.DATA_DIR, resolve(defaults.repoRoot, '.data')),
    redis:
      vars.REDIS_URL === undefined
        ? null
        : { url: vars.REDIS_URL, keyPrefix: vars.REDIS_KEY_PREFIX ?? 'tirelire:' },
    logLevel: vars.LOG_LEVEL ?? 'info',
    jwtKeys:
      vars.JWT_PRIVATE_KEY_PATH === undefined
        ? null
        : {
            privateKeyPath: fromEnv(vars.JWT_PRIVATE_KEY_PATH, ''),
            publicKeyPaths: (vars.JWT_PUBLIC_KEY_PATHS ?? '')
              .split(',')
              .map((item) => item.trim())
              .filter((item) => item !== '')
              .map((item) => fromEnv(item, '')),
          },
    jwt: { issuer: vars.JWT_ISSUER ?? 'tirelire', audience: vars.JWT_AUDIENCE ?? 'tirelire-sync' },
  });
}

/** A Redis URL fit for logs: the password, if any, is masked. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}
