import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * A Lua script run by hash (EVALSHA), sent in full only when Redis does not know it yet (first
 * use, or after a restart or SCRIPT FLUSH).
 */
export class LuaScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(client: Redis, keys: readonly string[], args: readonly (string | number)[]) {
    try {
      return await client.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
      return client.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}

/**
 * Every script below touches keys of one user only (`<prefix>{u:<id>}:…`, one Cluster slot).
 * Keys derived inside a script (a family from its id) are built from ARGV[1], that user's key
 * base, which carries the same hash tag as the declared KEYS.
 */

/** Raises a key's TTL to `ttl` ms, never lowers it: indexes live as long as their longest entry. */
const EXTEND = `
local function extend(key, ttl)
  if redis.call('PTTL', key) < ttl then redis.call('PEXPIRE', key, ttl) end
end
`;

/** Drops a family and its tokens from the user's token index. */
const REVOKE = `
local function revoke(base, fid)
  local index = redis.call('HGETALL', base .. 'tokens')
  for i = 1, #index, 2 do
    if index[i + 1] == fid then redis.call('HDEL', base .. 'tokens', index[i]) end
  end
  redis.call('DEL', base .. 'family:' .. fid)
  redis.call('SREM', base .. 'families', fid)
end
`;

/**
 * ARGV: base, familyId, tokenHash, expiresAt, ttl. Also forgets families that expired on their
 * own (their TTL ran out), so a user who logs in often does not accumulate dead index entries.
 */
export const saveRefreshTokenScript = new LuaScript(`${EXTEND}
local base, fid, hash, expiresAt, ttl = ARGV[1], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5])
local index = redis.call('HGETALL', base .. 'tokens')
for i = 1, #index, 2 do
  if redis.call('EXISTS', base .. 'family:' .. index[i + 1]) == 0 then
    redis.call('HDEL', base .. 'tokens', index[i])
    redis.call('SREM', base .. 'families', index[i + 1])
  end
end
redis.call('HSET', base .. 'family:' .. fid, 'current', hash, 'expiresAt', expiresAt)
redis.call('PEXPIRE', base .. 'family:' .. fid, ttl)
redis.call('HSET', base .. 'tokens', hash, fid)
redis.call('SADD', base .. 'families', fid)
extend(base .. 'tokens', ttl)
extend(base .. 'families', ttl)
`);

/**
 * ARGV: base, presentedHash, nextHash, nextExpiresAt, now, ttl.
 * Returns { outcome, familyId } with outcome 'ok' | 'unknown' | 'expired' | 'reused'.
 */
export const rotateRefreshTokenScript = new LuaScript(`${EXTEND}${REVOKE}
local base, presented, nextHash = ARGV[1], ARGV[2], ARGV[3]
local nextExpiresAt, now, ttl = ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6])
local fid = redis.call('HGET', base .. 'tokens', presented)
if not fid then return { 'unknown', '' } end
local family = redis.call('HMGET', base .. 'family:' .. fid, 'current', 'expiresAt')
if not family[1] then
  redis.call('HDEL', base .. 'tokens', presented)
  return { 'unknown', '' }
end
if now >= tonumber(family[2]) then return { 'expired', fid } end
if family[1] ~= presented then
  revoke(base, fid)
  return { 'reused', fid }
end
redis.call('HSET', base .. 'family:' .. fid, 'current', nextHash, 'expiresAt', nextExpiresAt)
redis.call('PEXPIRE', base .. 'family:' .. fid, ttl)
redis.call('HSET', base .. 'tokens', nextHash, fid)
extend(base .. 'tokens', ttl)
extend(base .. 'families', ttl)
return { 'ok', fid }
`);

/** ARGV: base, familyId. */
export const revokeFamilyScript = new LuaScript(`${REVOKE}
revoke(ARGV[1], ARGV[2])
`);

/** ARGV: base. Every session of the user. */
export const revokeAllFamiliesScript = new LuaScript(`
local base = ARGV[1]
for _, fid in ipairs(redis.call('SMEMBERS', base .. 'families')) do
  redis.call('DEL', base .. 'family:' .. fid)
end
redis.call('DEL', base .. 'families', base .. 'tokens')
`);

/** ARGV: base. Everything under the user's hash tag: sessions, counters, the user record. */
export const deleteUserDataScript = new LuaScript(`
local base = ARGV[1]
for _, fid in ipairs(redis.call('SMEMBERS', base .. 'families')) do
  redis.call('DEL', base .. 'family:' .. fid)
end
for _, name in ipairs(redis.call('SMEMBERS', base .. 'limits')) do
  redis.call('DEL', base .. 'limit:' .. name)
end
redis.call('DEL', base .. 'families', base .. 'tokens', base .. 'limits', base .. 'user')
`);

/** KEYS[1]: the email index entry. ARGV: the user id it must still point to. */
export const releaseEmailScript = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
`);

/**
 * KEYS[1]: the counter (hash: start, count); KEYS[2], for account counters only: the user's set
 * of counter names, so deleteUser can find them. ARGV: windowMs, limit, now, name.
 * Returns { allowed (0|1), remaining, retryAfterMs }.
 */
export const hitScript = new LuaScript(`${EXTEND}
local window, limit, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'start', 'count')
local start, count = tonumber(state[1]), tonumber(state[2])
if not start or now >= start + window then start, count = now, 0 end
local rest = start + window - now
if count >= limit then return { 0, 0, rest } end
count = count + 1
redis.call('HSET', KEYS[1], 'start', string.format('%.0f', start), 'count', count)
redis.call('PEXPIRE', KEYS[1], rest)
if KEYS[2] then
  redis.call('SADD', KEYS[2], ARGV[4])
  extend(KEYS[2], rest)
end
return { 1, limit - count, 0 }
`);
