import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { WebSocket } from 'ws';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  CLOSE_REASONS,
  SYNC_LIMITS,
  SYNC_PROTOCOL_VERSION,
  decodeServerMessage,
  type ServerMessage,
} from '@tirelire/shared/protocol';
import { buildKeyRing, generateKeyPairPems, parsePrivateKeyPem } from '../../auth/keys.ts';
import { issueAccessToken } from '../../auth/tokens.ts';
import { silentLogger } from '../../log.ts';
import { create } from '../../ports/change-log-fixtures.contract.ts';
import { SyncHub } from '../../sync/sync-hub.ts';
import { realTimers } from '../../sync/sync-socket.ts';
import { tokenVerifier } from '../../sync/token-verifier.ts';
import { RedisChangeLog } from '../redis/RedisChangeLog.ts';
import {
  TEST_REDIS_URL,
  deleteKeysWithPrefix,
  uniqueTestPrefix,
} from '../redis/redis-test-support.ts';
import { requireNativeUws } from './native-uws.ts';
import { UwsHttpServer } from './UwsHttpServer.ts';
import { SYNC_PATH } from './uws-sync-route.ts';

const native = requireNativeUws();
const prefix = uniqueTestPrefix('uws-sync');
const redis = new Redis(TEST_REDIS_URL);
const privateKey = parsePrivateKeyPem(generateKeyPairPems().privateKeyPem);
if (!privateKey.ok) throw new Error(privateKey.message);
const keyRing = await buildKeyRing(privateKey.value, []);
const audience = { issuer: 'tirelire-test', audience: 'tirelire-sync' };
const clock = { now: () => Date.now() };
const changeLog = new RedisChangeLog({ client: redis, keyPrefix: prefix, log: silentLogger });
const hub = new SyncHub({
  changeLog,
  verifyToken: tokenVerifier(keyRing, audience, clock),
  clock,
  timers: realTimers,
  log: silentLogger,
});
const server = await UwsHttpServer.listen({
  host: '127.0.0.1',
  port: 0,
  handler: () => ({ status: 404, headers: [], body: null }),
  log: silentLogger,
  native,
  sync: hub,
});
const url = `ws://127.0.0.1:${server.port}${SYNC_PATH}`;

const sockets: WebSocket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.terminate();
});
afterAll(async () => {
  server.close();
  await changeLog.close();
  await deleteKeysWithPrefix(prefix);
  redis.disconnect();
});

/** A raw WebSocket client that records messages and the close it gets. */
async function rawClient() {
  const socket = new WebSocket(url);
  sockets.push(socket);
  const messages: ServerMessage[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  socket.on('message', (data) => {
    const decoded = decodeServerMessage(Buffer.from(data as Buffer).toString('utf8'));
    if (decoded.ok) messages.push(decoded.value);
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const next = async <T extends ServerMessage['type']>(type: T) => {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const found = messages.find((message) => message.type === type);
      if (found) {
        messages.splice(messages.indexOf(found), 1);
        return found as Extract<ServerMessage, { type: T }>;
      }
      if (Date.now() > deadline) throw new Error(`no ${type} message`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return { socket, messages, closed, next };
}

async function signedIn(user: string) {
  const client = await rawClient();
  const { token } = await issueAccessToken(keyRing.signing, user, audience);
  client.socket.send(JSON.stringify({ type: 'hello', protocol: SYNC_PROTOCOL_VERSION, token }));
  await client.next('welcome');
  return client;
}

describe('the sync WebSocket over uWS', () => {
  it('P-HELLO-1, P-LIVE-1: a real token opens a session, and a write reaches the other device', async () => {
    const user = randomUUID();
    const laptop = await signedIn(user);
    const phone = await signedIn(user);
    const row = create('op-1');
    laptop.socket.send(
      JSON.stringify({ type: 'push', requestId: 1, collection: 'operations', rows: [row] }),
    );
    expect((await laptop.next('pushed')).written).toEqual([{ id: 'op-1', version: 1, seq: 1 }]);
    expect((await phone.next('changes')).documents).toEqual([{ ...row.envelope, seq: 1 }]);
  });

  it('P-AUTH-1: a token signed by another key is refused with unauthenticated', async () => {
    const stranger = parsePrivateKeyPem(generateKeyPairPems().privateKeyPem);
    if (!stranger.ok) throw new Error(stranger.message);
    const strangerRing = await buildKeyRing(stranger.value, []);
    const { token } = await issueAccessToken(strangerRing.signing, randomUUID(), audience);
    const client = await rawClient();
    client.socket.send(JSON.stringify({ type: 'hello', protocol: SYNC_PROTOCOL_VERSION, token }));
    expect(await client.closed).toEqual({
      code: CLOSE_REASONS.unauthenticated,
      reason: 'unauthenticated',
    });
  });

  it('P-LIMIT-1: binary, malformed and oversized messages close that socket only', async () => {
    const user = randomUUID();
    const bystander = await signedIn(user);
    const binary = await signedIn(user);
    binary.socket.send(Buffer.from([1, 2, 3]));
    expect((await binary.closed).code).toBe(CLOSE_REASONS.malformed_message);
    const garbage = await signedIn(user);
    garbage.socket.send('{"type":"push","requestId":1,"collection":"operations","rows":"x"}');
    expect((await garbage.closed).code).toBe(CLOSE_REASONS.malformed_message);
    const huge = await signedIn(user);
    huge.socket.send('x'.repeat(SYNC_LIMITS.maxMessageBytes + 1));
    // uWS refuses the frame itself, before any of it reaches the hub: it drops the connection
    // (the client sees 1006) rather than sending 1009 "message too big".
    expect([1006, 1009]).toContain((await huge.closed).code);
    bystander.socket.send(JSON.stringify({ type: 'getKey', requestId: 1 }));
    expect((await bystander.next('key')).record).toBeNull();
    expect(await changeLog.head(user)).toBe(0);
  });
});
