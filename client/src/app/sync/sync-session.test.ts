import { describe, expect, it } from 'vitest';
import {
  CLOSE_REASONS,
  SYNC_PROTOCOL_VERSION,
  decodeClientMessage,
  encodeMessage,
  type ClientMessage,
  type ClientRequest,
  type CloseReason,
  type ServerMessage,
  type StoredEnvelope,
} from '@tirelire/shared/protocol';
import {
  LoopbackSyncTransport,
  type LoopbackServerSocket,
} from '../../adapters/loopback/LoopbackSyncTransport.ts';
import type { RemoteEvent } from '../../ports/sync-remote.ts';
import { SyncRequestError, SyncSession } from './sync-session.ts';
import { reconnectDelay, type Timers } from './timers.ts';

const RANDOM = 0.5;
const FIRST_DELAY = reconnectDelay(0, () => RANDOM);
const SECOND_DELAY = reconnectDelay(1, () => RANDOM);
const REQUEST_TIMEOUT_MS = 30_000;

/** Timers that run only when the test moves the clock. */
class ManualTimers implements Timers {
  now = 0;
  private scheduled: { readonly at: number; readonly run: () => void }[] = [];

  after(ms: number, run: () => void): () => void {
    const entry = { at: this.now + ms, run };
    this.scheduled.push(entry);
    return () => (this.scheduled = this.scheduled.filter((other) => other !== entry));
  }

  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = this.scheduled
        .filter((entry) => entry.at <= until)
        .sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      this.scheduled = this.scheduled.filter((entry) => entry !== due);
      this.now = due.at;
      due.run();
    }
    this.now = until;
  }
}

/** The server end, scripted by each test: it records what the client sends and says nothing. */
class ScriptedPeer {
  readonly received: ClientMessage[] = [];
  links = 0;
  closedByClient = 0;
  private socket: LoopbackServerSocket | null = null;
  readonly transport = new LoopbackSyncTransport(
    (socket) => {
      this.socket = socket;
      this.links += 1;
      return {
        receive: (text) => {
          const decoded = decodeClientMessage(text);
          if (!decoded.ok) throw new Error(`client sent nonsense: ${decoded.message}`);
          this.received.push(decoded.value);
        },
        closed: () => (this.closedByClient += 1),
      };
    },
    { autoFlush: false },
  );

  send(message: ServerMessage): void {
    this.sendText(encodeMessage(message));
  }

  sendText(text: string): void {
    if (this.socket === null) throw new Error('no link');
    this.socket.send(text);
  }

  close(reason: CloseReason): void {
    this.socket?.close(CLOSE_REASONS[reason], reason);
  }

  requests(): ClientRequest[] {
    return this.received.filter((message) => message.type !== 'hello');
  }

  lastRequestId(): number {
    const last = this.requests().at(-1);
    if (last === undefined) throw new Error('no request');
    return last.requestId;
  }
}

type Outcome<T> =
  | { readonly state: 'pending' }
  | { readonly state: 'fulfilled'; readonly value: T }
  | { readonly state: 'rejected'; readonly error: unknown };

/** Follows a promise without leaving a rejection unhandled while the test looks elsewhere. */
function watch<T>(promise: Promise<T>): { readonly current: Outcome<T> } {
  const box: { current: Outcome<T> } = { current: { state: 'pending' } };
  void promise.then(
    (value) => (box.current = { state: 'fulfilled', value }),
    (error: unknown) => (box.current = { state: 'rejected', error }),
  );
  return box;
}

function setup(accessToken: () => Promise<string | null> = () => Promise.resolve('token-1')) {
  const timers = new ManualTimers();
  const peer = new ScriptedPeer();
  const session = new SyncSession({
    transport: peer.transport,
    accessToken,
    timers,
    now: () => timers.now,
    random: () => RANDOM,
  });
  const states: string[] = [];
  session.state.subscribe((state) => states.push(state.state));
  const events: RemoteEvent[] = [];
  session.listen((event) => events.push(event));
  /** Lets promises run, then delivers every message, until nothing moves. */
  async function deliver(): Promise<void> {
    do await new Promise((resolve) => setImmediate(resolve));
    while (peer.transport.flush() > 0);
  }
  async function welcome(seq = 0): Promise<void> {
    await deliver();
    peer.send({
      type: 'welcome',
      protocol: SYNC_PROTOCOL_VERSION,
      userId: 'user-1',
      seq,
      expiresAt: 9e12,
    });
    await deliver();
  }
  async function online(seq = 0): Promise<void> {
    session.start();
    await welcome(seq);
    expect(session.state.value).toEqual({ state: 'online', userId: 'user-1' });
  }
  return { timers, peer, session, states, events, deliver, welcome, online };
}

function envelope(id: string, seq: number): StoredEnvelope {
  const base = { collection: 'operations', version: 1, deleted: false, updatedAt: 1 } as const;
  return { ...base, id, seq, ciphertext: 'AAAA', iv: 'AAAAAAAAAAAAAAAA', keyId: 'key-1' };
}

function changes(afterSeq: number, ids: readonly string[]): ServerMessage {
  const documents = ids.map((id, index) => envelope(id, afterSeq + index + 1));
  return { type: 'changes', collection: 'operations', afterSeq, documents };
}

function changeEvent(checkpoint: number, ids: readonly string[]): RemoteEvent {
  const first = checkpoint - ids.length;
  const documents = ids.map((id, index) => envelope(id, first + index + 1));
  return { type: 'changes', collection: 'operations', documents, checkpoint };
}

const RESYNC: RemoteEvent = { type: 'resync' };

describe('SyncSession: connecting (P-HELLO-1)', () => {
  it('says hello with the protocol version and token, and sends requests only after welcome', async () => {
    const s = setup();
    s.session.start();
    const key = watch(s.session.readKey());
    await s.deliver();
    expect(s.session.state.value).toEqual({ state: 'connecting' });
    expect(s.peer.received).toEqual([
      { type: 'hello', protocol: SYNC_PROTOCOL_VERSION, token: 'token-1' },
    ]);
    const madeOnceLinked = watch(s.session.pull('rules', 0, 10));
    await s.deliver();
    expect(s.peer.received).toHaveLength(1);
    await s.welcome();
    expect(s.peer.received.map((message) => message.type)).toEqual(['hello', 'getKey', 'pull']);
    expect(madeOnceLinked.current.state).toBe('pending');
    const [getKey] = s.peer.requests();
    s.peer.send({ type: 'key', requestId: getKey!.requestId, record: null });
    await s.deliver();
    expect(key.current).toEqual({ state: 'fulfilled', value: null });
    expect(s.states).toEqual(['idle', 'connecting', 'online']);
  });

  it('P-LIVE-2: emits resync on every welcome, so a reconnected device catches up', async () => {
    const s = setup();
    await s.online();
    expect(s.events).toEqual([RESYNC]);
  });
});

describe('SyncSession: requests', () => {
  it('matches answers to requests by requestId, whatever their order', async () => {
    const s = setup();
    await s.online();
    const operations = watch(s.session.pull('operations', 4, 100));
    const accounts = watch(s.session.pull('accounts', 0, 100));
    await s.deliver();
    const [forOperations, forAccounts] = s.peer.requests().map((request) => request.requestId);
    expect(forOperations).not.toBe(forAccounts);
    for (const [requestId, collection, seq] of [
      [forAccounts!, 'accounts', 2],
      [forOperations!, 'operations', 5],
    ] as const) {
      const documents = [{ ...envelope(`${collection}-doc`, seq), collection }];
      s.peer.send({
        type: 'pulled',
        requestId,
        collection,
        documents,
        checkpoint: seq,
        hasMore: false,
      });
    }
    await s.deliver();
    expect(operations.current).toMatchObject({
      state: 'fulfilled',
      value: { checkpoint: 5, documents: [{ id: 'operations-doc' }] },
    });
    expect(accounts.current).toMatchObject({
      state: 'fulfilled',
      value: { checkpoint: 2, documents: [{ id: 'accounts-doc' }] },
    });
  });

  it('P-ERROR-1: rejects an `error` answer with SyncRequestError and keeps the link', async () => {
    const s = setup();
    await s.online();
    const key = watch(s.session.readKey());
    await s.deliver();
    s.peer.send({ type: 'error', requestId: s.peer.lastRequestId(), reason: 'store_unavailable' });
    await s.deliver();
    const failure = key.current.state === 'rejected' ? key.current.error : null;
    expect(failure).toBeInstanceOf(SyncRequestError);
    expect(String(failure)).toContain('store_unavailable');
    expect(s.session.state.value.state).toBe('online');
    expect(s.peer.links).toBe(1);
  });

  it('drops the link when a request waits 30 s for its answer, but not when it was answered', async () => {
    const s = setup();
    await s.online();
    const answered = watch(s.session.readKey());
    await s.deliver();
    s.peer.send({ type: 'key', requestId: s.peer.lastRequestId(), record: null });
    await s.deliver();
    s.timers.advance(REQUEST_TIMEOUT_MS);
    expect(s.session.state.value.state).toBe('online');
    const unanswered = watch(s.session.readKey());
    await s.deliver();
    s.timers.advance(REQUEST_TIMEOUT_MS - 1);
    expect(s.session.state.value.state).toBe('online');
    s.timers.advance(1);
    await s.deliver();
    expect(answered.current.state).toBe('fulfilled');
    expect(unanswered.current.state).toBe('rejected');
    expect(s.session.state.value).toEqual({
      state: 'offline',
      retryAt: s.timers.now + FIRST_DELAY,
    });
    expect(s.peer.closedByClient).toBe(1);
  });
});

describe('SyncSession: the live stream', () => {
  it('P-LIVE-1: passes on changes that continue from welcome.seq, checkpoint = last seq', async () => {
    const s = setup();
    await s.online(7);
    s.peer.send(changes(7, ['a', 'b']));
    s.peer.send(changes(9, ['c']));
    await s.deliver();
    expect(s.events).toEqual([RESYNC, changeEvent(9, ['a', 'b']), changeEvent(10, ['c'])]);
  });

  it('P-LIVE-2: turns a gap in seq into a resync, then follows on from there', async () => {
    const s = setup();
    await s.online(7);
    s.peer.send(changes(8, ['lost-before-me']));
    s.peer.send(changes(9, ['next']));
    await s.deliver();
    expect(s.events).toEqual([RESYNC, RESYNC, changeEvent(10, ['next'])]);
  });

  it('P-LIVE-1: ignores changes it has already seen', async () => {
    const s = setup();
    await s.online(3);
    s.peer.send(changes(3, ['a', 'b']));
    s.peer.send(changes(3, ['a', 'b']));
    s.peer.send(changes(4, ['b']));
    s.peer.send(changes(5, ['c']));
    await s.deliver();
    expect(s.events).toEqual([RESYNC, changeEvent(5, ['a', 'b']), changeEvent(6, ['c'])]);
  });

  it('P-LIVE-2: passes a resync on, and takes the next changes as a new baseline', async () => {
    const s = setup();
    await s.online(3);
    s.peer.send({ type: 'resync' });
    s.peer.send(changes(40, ['after-the-resync']));
    s.peer.send(changes(41, ['next']));
    await s.deliver();
    expect(s.events).toEqual([
      RESYNC,
      RESYNC,
      changeEvent(41, ['after-the-resync']),
      changeEvent(42, ['next']),
    ]);
  });
});

describe('SyncSession: losing and regaining the link', () => {
  it('rejects requests in flight and reconnects after the backoff delay', async () => {
    const s = setup();
    await s.online();
    const inFlight = watch(s.session.readKey());
    await s.deliver();
    s.peer.transport.goOffline();
    s.peer.transport.goOnline();
    await s.deliver();
    expect(inFlight.current.state).toBe('rejected');
    expect(s.session.state.value).toEqual({ state: 'offline', retryAt: FIRST_DELAY });
    s.timers.advance(FIRST_DELAY - 1);
    await s.deliver();
    expect(s.peer.links).toBe(1);
    s.timers.advance(1);
    await s.welcome();
    expect(s.peer.links).toBe(2);
    expect(s.states).toEqual(['idle', 'connecting', 'online', 'offline', 'connecting', 'online']);
    expect(s.events).toEqual([RESYNC, RESYNC]);
  });

  it('backs off further while connecting keeps failing, and starts over after a welcome', async () => {
    const s = setup();
    s.peer.transport.goOffline();
    s.session.start();
    await s.deliver();
    expect(s.session.state.value).toEqual({ state: 'offline', retryAt: FIRST_DELAY });
    s.timers.advance(FIRST_DELAY);
    await s.deliver();
    expect(s.session.state.value).toEqual({
      state: 'offline',
      retryAt: FIRST_DELAY + SECOND_DELAY,
    });
    s.peer.transport.goOnline();
    s.timers.advance(SECOND_DELAY);
    await s.welcome();
    s.peer.close('unavailable');
    await s.deliver();
    expect(s.session.state.value).toEqual({
      state: 'offline',
      retryAt: s.timers.now + FIRST_DELAY,
    });
  });

  it.each(['token_expired', 'server_shutdown'] as const)(
    'P-AUTH-1: after %s, reconnects with the shortest delay, however long the backoff was',
    async (reason) => {
      const tokens = ['old', 'old', 'old', 'fresh'];
      const s = setup(() => Promise.resolve(tokens.shift() ?? 'fresh'));
      await s.online();
      for (const delay of [FIRST_DELAY, SECOND_DELAY]) {
        s.peer.close('unavailable');
        await s.deliver();
        s.timers.advance(delay);
        await s.deliver();
      }
      // The third attempt is refused at hello: the backoff is reset, not lengthened.
      s.peer.close(reason);
      await s.deliver();
      expect(s.session.state.value).toEqual({
        state: 'offline',
        retryAt: s.timers.now + FIRST_DELAY,
      });
      s.timers.advance(FIRST_DELAY);
      await s.welcome();
      expect(s.peer.received.at(-1)).toMatchObject({ type: 'hello', token: 'fresh' });
      expect(s.session.state.value.state).toBe('online');
    },
  );

  it.each(['protocol_mismatch', 'token_revoked', 'account_deleted'] as const)(
    'P-AUTH-2, P-HELLO-2: stops for good on %s, failing every request',
    async (reason) => {
      const s = setup();
      await s.online();
      const inFlight = watch(s.session.readKey());
      await s.deliver();
      s.peer.close(reason);
      await s.deliver();
      expect(s.session.state.value).toEqual({ state: 'stopped', reason });
      expect(inFlight.current.state).toBe('rejected');
      await expect(s.session.readKey()).rejects.toBeInstanceOf(SyncRequestError);
      s.timers.advance(10 * 60_000);
      await s.deliver();
      expect(s.peer.links).toBe(1);
    },
  );

  it('P-HELLO-2: a protocol_mismatch at hello fails the requests waiting for welcome', async () => {
    const s = setup();
    s.session.start();
    const waiting = watch(s.session.pull('rules', 0, 10));
    await s.deliver();
    s.peer.close('protocol_mismatch');
    await s.deliver();
    expect(waiting.current.state).toBe('rejected');
    expect(s.peer.requests()).toEqual([]);
  });

  it('stops with signed_out when there is no access token, failing waiting requests', async () => {
    const s = setup(() => Promise.resolve(null));
    s.session.start();
    const waiting = watch(s.session.readKey());
    await s.deliver();
    expect(s.session.state.value).toEqual({ state: 'stopped', reason: 'signed_out' });
    expect(waiting.current.state).toBe('rejected');
    expect(s.peer.links).toBe(0);
  });

  it('retries with backoff when getting a token fails', async () => {
    let calls = 0;
    const s = setup(() =>
      ++calls === 1 ? Promise.reject(new Error('offline')) : Promise.resolve('t'),
    );
    s.session.start();
    await s.deliver();
    expect(s.session.state.value).toEqual({ state: 'offline', retryAt: FIRST_DELAY });
    expect(s.peer.links).toBe(0);
    s.timers.advance(FIRST_DELAY);
    await s.welcome();
    expect(s.session.state.value.state).toBe('online');
  });

  it('drops the link when the server sends something that is not the protocol', async () => {
    const s = setup();
    await s.online();
    const inFlight = watch(s.session.readKey());
    await s.deliver();
    s.peer.sendText('{"type":"welcome"}');
    await s.deliver();
    expect(inFlight.current.state).toBe('rejected');
    expect(s.session.state.value.state).toBe('offline');
    expect(s.peer.closedByClient).toBe(1);
    s.timers.advance(FIRST_DELAY);
    await s.welcome();
    expect(s.peer.links).toBe(2);
  });

  it('dropConnection() goes offline at once; reconnectNow() skips the backoff', async () => {
    const s = setup();
    await s.online();
    s.session.reconnectNow();
    expect(s.session.state.value.state).toBe('online');
    const inFlight = watch(s.session.readKey());
    await s.deliver();
    s.session.dropConnection();
    expect(s.session.state.value.state).toBe('offline');
    await s.deliver();
    expect(inFlight.current.state).toBe('rejected');
    expect(s.peer.closedByClient).toBe(1);
    s.session.reconnectNow();
    expect(s.session.state.value.state).toBe('connecting');
    await s.welcome();
    expect(s.peer.links).toBe(2);
    s.timers.advance(FIRST_DELAY);
    await s.deliver();
    expect(s.peer.links).toBe(2);
  });

  it('stop() closes the link and fails the requests in flight', async () => {
    const s = setup();
    await s.online();
    const inFlight = watch(s.session.readKey());
    await s.deliver();
    s.session.stop();
    await s.deliver();
    expect(s.session.state.value).toEqual({ state: 'idle' });
    expect(inFlight.current.state).toBe('rejected');
    expect(s.peer.closedByClient).toBe(1);
  });

  it('stop() fails requests waiting for welcome: none is sent on a later connection', async () => {
    const s = setup();
    s.session.start();
    const waiting = watch(s.session.pull('operations', 0, 10));
    await s.deliver();
    s.session.stop();
    await s.deliver();
    expect(waiting.current.state).toBe('rejected');
    await s.online();
    expect(s.peer.requests()).toEqual([]);
  });
});
