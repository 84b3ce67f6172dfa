import { createHash } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';

/**
 * A Lua script run by hash (EVALSHA), sent in full only when the node does not know it yet.
 * Unlike auth-scripts.ts' LuaScript it also runs on a Cluster, which routes it by its first key
 * (every key of these scripts carries one user's hash tag, so one slot).
 */
export class SyncScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(
    client: Redis | Cluster,
    keys: readonly string[],
    args: readonly (string | number)[],
  ): Promise<unknown> {
    try {
      return await client.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
      return client.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}

/*
 * Numbers: these scripts never decode JSON (cjson rounds integers past 14 digits, and
 * `updatedAt` is epoch milliseconds). Node sends each envelope already serialised, minus its
 * closing brace; Lua appends `,"seq":N}`. Versions live in their own hash so Lua can compare
 * them without reading the document. Integers are printed with %.0f: Lua numbers are doubles,
 * exact up to 2^53, and tostring() would switch to exponent notation past 1e14.
 */

/**
 * KEYS: docs hash, versions hash, log zset, seq counter (one user, one collection).
 * ARGV: publish command (SPUBLISH | PUBLISH), feed channel, collection, then per row:
 *   id, assumedVersion, envelope JSON without its final `}`.
 * Rows run in order, so a second row on one document sees the first's version.
 * Returns { {id, version, seq, …} for written rows, {stored JSON, …} for refused rows whose
 * document exists }, and publishes one `changes` event when anything was written.
 */
export const pushScript = new SyncScript(`
local docs, versions, log, counter = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local publish, channel, collection = ARGV[1], ARGV[2], ARGV[3]
local written, conflicts, stored = {}, {}, {}
local firstSeq = nil
for i = 4, #ARGV, 3 do
  local id, assumed, open = ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2]
  local current = tonumber(redis.call('HGET', versions, id) or '0')
  if current == assumed then
    local seq = redis.call('INCR', counter)
    local seqText = string.format('%.0f', seq)
    local json = open .. ',"seq":' .. seqText .. '}'
    redis.call('HSET', docs, id, json)
    redis.call('HSET', versions, id, string.format('%.0f', assumed + 1))
    redis.call('ZADD', log, seqText, id)
    if firstSeq == nil then firstSeq = seq end
    written[#written + 1] = id
    written[#written + 1] = assumed + 1
    written[#written + 1] = seq
    stored[#stored + 1] = json
  else
    local doc = redis.call('HGET', docs, id)
    if doc then conflicts[#conflicts + 1] = doc end
  end
end
if firstSeq ~= nil then
  redis.call(publish, channel, '{"type":"changes","collection":"' .. collection ..
    '","afterSeq":' .. string.format('%.0f', firstSeq - 1) ..
    ',"documents":[' .. table.concat(stored, ',') .. ']}')
end
return { written, conflicts }
`);

/**
 * KEYS: docs hash, log zset. ARGV: since (exclusive), limit.
 * Returns { hasMore (0|1), {stored JSON, …} oldest first }. One script, so the page is a
 * snapshot: no push can slip between reading the log and reading the documents.
 */
export const pullScript = new SyncScript(`
local limit = tonumber(ARGV[2])
local ids = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf', 'LIMIT', 0, limit + 1)
local hasMore = 0
if #ids > limit then
  hasMore = 1
  ids[#ids] = nil
end
if #ids == 0 then return { hasMore, {} } end
return { hasMore, redis.call('HMGET', KEYS[1], unpack(ids)) }
`);

/**
 * KEYS: the key hash (fields revision, record). ARGV: assumedRevision, new revision, record JSON.
 * Returns { stored (0|1), the record now stored or false }.
 */
export const writeKeyScript = new SyncScript(`
local current = tonumber(redis.call('HGET', KEYS[1], 'revision') or '0')
if current ~= tonumber(ARGV[1]) then
  return { 0, redis.call('HGET', KEYS[1], 'record') }
end
redis.call('HSET', KEYS[1], 'revision', ARGV[2], 'record', ARGV[3])
return { 1, ARGV[3] }
`);

/**
 * KEYS: every key of the user. ARGV: publish command, feed channel, the `revoked` event JSON.
 * Deletes and announces in one step, so no listener hears of the deletion before it is done.
 */
export const deleteUserScript = new SyncScript(`
redis.call('DEL', unpack(KEYS))
redis.call(ARGV[1], ARGV[2], ARGV[3])
`);
