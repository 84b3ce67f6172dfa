import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_REASONS, SYNC_LIMITS } from '@tirelire/shared/protocol';
import { RedisChangeLog } from '../adapters/redis/RedisChangeLog.ts';
import {
  TEST_REDIS_URL,
  deleteKeysWithPrefix,
  uniqueTestPrefix,
} from '../adapters/redis/redis-test-support.ts';
import { silentLogger } from '../log.ts';
import { create, keyRecord } from '../ports/change-log-fixtures.contract.ts';
import type { ChangeLog } from '../ports/change-log.ts';
import { FLOW_LIMITS } from './flow-control.ts';
import { ManualTimers, RecordingSocket, hello, hubFor, send } from './testing/hub-harness.ts';

const prefix = uniqueTestPrefix('hub');
const client = new Redis(TEST_REDIS_URL);
let changeLog: ChangeLog;
let timers: ManualTimers;

beforeEach(() => {
  changeLog = new RedisChangeLog({ client, keyPrefix: prefix, log: silentLogger });
  timers = new ManualTimers();
});

afterAll(async () => {
  await changeLog.close();
  await deleteKeysWithPrefix(prefix);
  client.disconnect();
});

/** A socket past `welcome`, for a fresh user unless one is given. */
async function connected(hub: ReturnType<typeof hubFor>, user = randomUUID(), jti = 'jti-1') {
  const socket = new RecordingSocket();
  const connection = hub.open(socket);
  send(connection, hello(user, jti));
  await vi.waitFor(() => expect(socket.ofType('welcome')).toHaveLength(1));
  return { socket, connection, user };
}

const closeCode = (socket: RecordingSocket) => socket.closedWith?.code;

describe('sync hub: connecting', () => {
  it('P-HELLO-1: welcomes a valid hello with the user and their log position', async () => {
    const hub = hubFor(changeLog, timers);
    const user = randomUUID();
    await changeLog.push(user, 'operations', [create('a'), create('b')]);
    const { socket } = await connected(hub, user);
    expect(socket.ofType('welcome')[0]).toMatchObject({ userId: user, seq: 2 });
  });

  it('P-HELLO-1: a first message other than hello, or a second hello, closes the socket', async () => {
    const hub = hubFor(changeLog, timers);
    const early = new RecordingSocket();
    send(hub.open(early), { type: 'getKey', requestId: 1 });
    expect(closeCode(early)).toBe(CLOSE_REASONS.malformed_message);

    const { socket, connection } = await connected(hub);
    send(connection, hello('someone-else'));
    expect(closeCode(socket)).toBe(CLOSE_REASONS.malformed_message);
  });

  it('P-HELLO-1: no hello within the allowed time closes with hello_timeout', () => {
    const hub = hubFor(changeLog, timers);
    const socket = new RecordingSocket();
    hub.open(socket);
    timers.advance(SYNC_LIMITS.helloTimeoutMs);
    expect(closeCode(socket)).toBe(CLOSE_REASONS.hello_timeout);
    expect(hub.connectionCount).toBe(0);
  });

  it('P-HELLO-2: another protocol version closes with protocol_mismatch', () => {
    const hub = hubFor(changeLog, timers);
    const socket = new RecordingSocket();
    send(hub.open(socket), { ...hello('u'), protocol: 999 });
    expect(closeCode(socket)).toBe(CLOSE_REASONS.protocol_mismatch);
  });

  it('P-AUTH-1: a bad token closes with unauthenticated, an expired one with token_expired', async () => {
    const hub = hubFor(changeLog, timers);
    const forged = new RecordingSocket();
    send(hub.open(forged), { ...hello('u'), token: 'forged' });
    const expired = new RecordingSocket();
    send(hub.open(expired), { ...hello('u'), token: 'expired' });
    await vi.waitFor(() => {
      expect(closeCode(forged)).toBe(CLOSE_REASONS.unauthenticated);
      expect(closeCode(expired)).toBe(CLOSE_REASONS.token_expired);
    });
  });

  it('P-AUTH-1: the socket closes with token_expired when its token expires', async () => {
    const hub = hubFor(changeLog, timers);
    const { socket } = await connected(hub);
    timers.advance(3_600_000 - 1);
    expect(socket.closedWith).toBeNull();
    timers.advance(1);
    expect(closeCode(socket)).toBe(CLOSE_REASONS.token_expired);
  });

  it('P-AUTH-2: a logout closes the sockets of that token only; an account deletion closes all', async () => {
    const hub = hubFor(changeLog, timers);
    const user = randomUUID();
    const laptop = await connected(hub, user, 'laptop-token');
    const phone = await connected(hub, user, 'phone-token');
    await changeLog.announce(user, {
      type: 'revoked',
      reason: 'token_revoked',
      jti: 'laptop-token',
    });
    await vi.waitFor(() => expect(closeCode(laptop.socket)).toBe(CLOSE_REASONS.token_revoked));
    expect(phone.socket.closedWith).toBeNull();
    await changeLog.deleteUser(user);
    await vi.waitFor(() => expect(closeCode(phone.socket)).toBe(CLOSE_REASONS.account_deleted));
  });
});

describe('sync hub: requests', () => {
  it('P-PUSH-1, P-PULL-1: writes, refuses a stale assumption with the stored document, pulls', async () => {
    const hub = hubFor(changeLog, timers);
    const { socket, connection } = await connected(hub);
    const first = create('op-1');
    send(connection, { type: 'push', requestId: 1, collection: 'operations', rows: [first] });
    await vi.waitFor(() => expect(socket.ofType('pushed')).toHaveLength(1));
    expect(socket.ofType('pushed')[0]).toMatchObject({
      written: [{ id: 'op-1', version: 1, seq: 1 }],
      conflicts: [],
    });

    send(connection, {
      type: 'push',
      requestId: 2,
      collection: 'operations',
      rows: [create('op-1')],
    });
    await vi.waitFor(() => expect(socket.ofType('pushed')).toHaveLength(2));
    expect(socket.ofType('pushed')[1]?.conflicts).toEqual([{ ...first.envelope, seq: 1 }]);

    send(connection, { type: 'pull', requestId: 3, collection: 'operations', since: 0, limit: 10 });
    await vi.waitFor(() => expect(socket.ofType('pulled')).toHaveLength(1));
    expect(socket.ofType('pulled')[0]).toMatchObject({ checkpoint: 1, hasMore: false });
  });

  it("P-ISO-1: a socket reads and writes its own user's log only", async () => {
    const hub = hubFor(changeLog, timers);
    const alice = await connected(hub);
    const mallory = await connected(hub);
    send(alice.connection, {
      type: 'push',
      requestId: 1,
      collection: 'operations',
      rows: [create('secret')],
    });
    send(alice.connection, {
      type: 'putKey',
      requestId: 2,
      assumedRevision: 0,
      record: keyRecord(1),
    });
    await vi.waitFor(() => expect(alice.socket.ofType('keyStored')).toHaveLength(1));
    send(mallory.connection, {
      type: 'pull',
      requestId: 1,
      collection: 'operations',
      since: 0,
      limit: 1000,
    });
    send(mallory.connection, { type: 'getKey', requestId: 2 });
    await vi.waitFor(() => expect(mallory.socket.ofType('key')).toHaveLength(1));
    expect(mallory.socket.ofType('pulled')[0]?.documents).toEqual([]);
    expect(mallory.socket.ofType('key')[0]?.record).toBeNull();
    expect(mallory.socket.ofType('changes')).toEqual([]);
  });

  it('P-LIMIT-1: garbage closes that socket only, and nothing is written', async () => {
    const hub = hubFor(changeLog, timers);
    const good = await connected(hub);
    const bad = await connected(hub, good.user, 'other');
    for (const text of [
      'not json',
      '{"type":"push"}',
      JSON.stringify({
        type: 'pull',
        requestId: 1,
        collection: 'operations',
        since: 0,
        limit: 5000,
      }),
    ]) {
      const { socket, connection } = await connected(hub, good.user, 'x');
      connection.receive(text);
      expect(closeCode(socket)).toBe(CLOSE_REASONS.malformed_message);
    }
    // A row for another collection than the push names.
    send(bad.connection, {
      type: 'push',
      requestId: 1,
      collection: 'accounts',
      rows: [create('op-9')],
    });
    await vi.waitFor(() => expect(closeCode(bad.socket)).toBe(CLOSE_REASONS.malformed_message));
    expect(good.socket.closedWith).toBeNull();
    expect(await changeLog.head(good.user)).toBe(0);
  });

  it('P-LIMIT-1: more requests in flight than allowed closes the socket', async () => {
    const hub = hubFor(changeLog, timers);
    const { socket, connection } = await connected(hub);
    for (let requestId = 0; requestId <= SYNC_LIMITS.maxRequestsInFlight; requestId += 1) {
      send(connection, { type: 'getKey', requestId });
    }
    expect(closeCode(socket)).toBe(CLOSE_REASONS.malformed_message);
  });

  it('P-ERROR-1: a store failure answers error and keeps the socket open', async () => {
    const hub = hubFor(changeLog, timers);
    const { socket, connection } = await connected(hub);
    vi.spyOn(changeLog, 'pull').mockRejectedValueOnce(new Error('redis is down'));
    send(connection, { type: 'pull', requestId: 7, collection: 'operations', since: 0, limit: 10 });
    await vi.waitFor(() => expect(socket.ofType('error')).toHaveLength(1));
    expect(socket.ofType('error')[0]).toEqual({
      type: 'error',
      requestId: 7,
      reason: 'store_unavailable',
    });
    expect(socket.closedWith).toBeNull();
  });
});

describe('sync hub: live changes and flow control', () => {
  it("P-LIVE-1: every write reaches the user's sockets in order, continuing from welcome.seq", async () => {
    const hub = hubFor(changeLog, timers);
    const user = randomUUID();
    await changeLog.push(user, 'operations', [create('old')]);
    const laptop = await connected(hub, user, 'l');
    const phone = await connected(hub, user, 'p');
    send(laptop.connection, {
      type: 'push',
      requestId: 1,
      collection: 'operations',
      rows: [create('a'), create('b')],
    });
    send(laptop.connection, {
      type: 'push',
      requestId: 2,
      collection: 'accounts',
      rows: [create('c', 'accounts')],
    });
    await vi.waitFor(() => expect(phone.socket.ofType('changes')).toHaveLength(2));
    const changes = phone.socket.ofType('changes');
    expect(
      changes.map((change) => [
        change.collection,
        change.afterSeq,
        change.documents.map((d) => d.seq),
      ]),
    ).toEqual([
      ['operations', 1, [2, 3]],
      ['accounts', 3, [4]],
    ]);
    // The writer hears its own writes too: they carry the versions it needs next (P-LIVE-1).
    await vi.waitFor(() => expect(laptop.socket.ofType('changes')).toHaveLength(2));
  });

  it('P-FLOW-1: a socket over its buffer limit gets no live changes, then one resync when drained', async () => {
    const hub = hubFor(changeLog, timers);
    const user = randomUUID();
    const writer = await connected(hub, user, 'w');
    const slow = await connected(hub, user, 's');
    slow.socket.buffered = FLOW_LIMITS.softBufferBytes + 1;
    send(writer.connection, {
      type: 'push',
      requestId: 1,
      collection: 'operations',
      rows: [create('a')],
    });
    send(writer.connection, {
      type: 'push',
      requestId: 2,
      collection: 'operations',
      rows: [create('b')],
    });
    await vi.waitFor(() => expect(writer.socket.ofType('changes')).toHaveLength(2));
    expect(slow.socket.ofType('changes')).toEqual([]);
    slow.socket.buffered = 0;
    slow.connection.drained();
    expect(slow.socket.ofType('resync')).toHaveLength(1);
  });

  it('P-FLOW-1: a socket that stays over its limit is closed with slow_consumer', async () => {
    const hub = hubFor(changeLog, timers);
    const user = randomUUID();
    const writer = await connected(hub, user, 'w');
    const slow = await connected(hub, user, 's');
    slow.socket.buffered = FLOW_LIMITS.softBufferBytes + 1;
    send(writer.connection, {
      type: 'push',
      requestId: 1,
      collection: 'operations',
      rows: [create('a')],
    });
    await vi.waitFor(() => expect(writer.socket.ofType('changes')).toHaveLength(1));
    timers.advance(FLOW_LIMITS.lagGraceMs);
    expect(closeCode(slow.socket)).toBe(CLOSE_REASONS.slow_consumer);
  });

  it('P-LIVE-2: when the store loses its feed, sockets are told to resync', async () => {
    const hub = hubFor(changeLog, timers);
    const user = randomUUID();
    let listener: ((event: { type: 'interrupted' }) => void) | undefined;
    const subscribe = changeLog.subscribe.bind(changeLog);
    vi.spyOn(changeLog, 'subscribe').mockImplementationOnce(async (subscriber, onEvent) => {
      listener = onEvent;
      return subscribe(subscriber, onEvent);
    });
    const { socket } = await connected(hub, user);
    listener?.({ type: 'interrupted' });
    expect(socket.ofType('resync')).toHaveLength(1);
  });

  it('sends server_shutdown to every socket when the instance stops', async () => {
    const hub = hubFor(changeLog, timers);
    const { socket } = await connected(hub);
    hub.shutdown();
    expect(closeCode(socket)).toBe(CLOSE_REASONS.server_shutdown);
    expect(hub.connectionCount).toBe(0);
  });
});
