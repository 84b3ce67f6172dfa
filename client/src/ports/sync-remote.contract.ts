import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  KeyRecord,
  PushRow,
  StoredEnvelope,
  SyncedCollection,
} from '@tirelire/shared/protocol';
import type { RemoteEvent, SyncRemote } from './sync-remote.ts';

/**
 * One user's account on a sync server, reached from as many devices as a test asks for.
 * `open` gives an account with no documents and no key; `device()` resolves once that device can
 * send requests and hears every write made from then on (for a SyncSession: after `welcome`).
 */
export interface SyncRemoteHarness {
  device(): Promise<SyncRemote>;
  dispose(): Promise<void>;
}

/**
 * What the replication relies on from the server (SPEC P-PULL-1, P-PUSH-1/2, P-LIVE-1, P-KEY-2),
 * for every SyncRemote: the in-memory one (MemorySyncRemote.test.ts) and SyncSession against the
 * real server hub (integration package). Envelopes here are opaque to the server, so their
 * ciphertext is any base64.
 */
export function runSyncRemoteContract(name: string, open: () => Promise<SyncRemoteHarness>): void {
  describe(`SyncRemote contract: ${name}`, () => {
    let harness: SyncRemoteHarness | null = null;
    afterEach(async () => {
      await harness?.dispose();
      harness = null;
    });
    const device = async () => (harness ??= await open()).device();

    it('P-PULL-1: an empty account pulls nothing, checkpoint = since', async () => {
      const remote = await device();
      expect(await pulled(remote, 'operations', 0, 10)).toEqual(page([], 0, false));
      expect(await pulled(remote, 'accounts', 12, 10)).toEqual(page([], 12, false));
    });

    it('P-PUSH-1: writes new documents (assumedVersion 0) at version 1 with the next seqs', async () => {
      const remote = await device();
      const rows = ['a', 'b', 'c'].map((id) => create(id));
      expect(await pushed(remote, 'operations', rows)).toEqual({
        written: [
          { id: 'a', version: 1, seq: 1 },
          { id: 'b', version: 1, seq: 2 },
          { id: 'c', version: 1, seq: 3 },
        ],
        conflicts: [],
      });
      const next = edit(stored(rows[1]!, 2));
      expect(await pushed(remote, 'operations', [next])).toEqual({
        written: [{ id: 'b', version: 2, seq: 4 }],
        conflicts: [],
      });
    });

    it('P-PULL-1: pages one collection by limit, with checkpoint and hasMore', async () => {
      const remote = await device();
      const rows = ['a', 'b', 'c', 'd', 'e'].map((id) => create(id));
      await remote.push('operations', rows.slice(0, 2));
      await remote.push('accounts', [create('acc', 'accounts')]);
      await remote.push('operations', rows.slice(2));
      const all = rows.map((row, index) => stored(row, index < 2 ? index + 1 : index + 2));
      expect(await pulled(remote, 'operations', 0, 2)).toEqual(page(all.slice(0, 2), 2, true));
      expect(await pulled(remote, 'operations', 2, 2)).toEqual(page(all.slice(2, 4), 5, true));
      expect(await pulled(remote, 'operations', 5, 2)).toEqual(page(all.slice(4), 6, false));
      expect(await pulled(remote, 'operations', 6, 2)).toEqual(page([], 6, false));
      expect(await pulled(remote, 'operations', 0, 5)).toMatchObject({
        checkpoint: 6,
        hasMore: false,
      });
      expect(await pulled(remote, 'accounts', 0, 10)).toEqual(
        page([stored(create('acc', 'accounts'), 3)], 3, false),
      );
    });

    it('P-PULL-1: a document moves to its latest write in the log', async () => {
      const remote = await device();
      const [a, b] = [create('a'), create('b')];
      await remote.push('operations', [a, b]);
      const a2 = edit(stored(a, 1));
      await remote.push('operations', [a2]);
      expect(await pulled(remote, 'operations', 0, 10)).toEqual(
        page([stored(b, 2), stored(a2, 3)], 3, false),
      );
      expect(await pulled(remote, 'operations', 2, 10)).toEqual(page([stored(a2, 3)], 3, false));
    });

    it('P-PUSH-1/2: refuses rows with a stale assumption, answering the stored document', async () => {
      const remote = await device();
      const a = create('a');
      await remote.push('operations', [a]);
      const a2 = edit(stored(a, 1));
      await remote.push('operations', [a2]);
      const outcome = await pushed(remote, 'operations', [
        create('a'),
        edit(stored(a, 1)),
        create('b'),
        edit(stored(create('never-written'), 9)),
      ]);
      expect(outcome).toEqual({
        written: [{ id: 'b', version: 1, seq: 3 }],
        // A row assuming a document the server never had is refused with nothing to show.
        conflicts: [stored(a2, 2), stored(a2, 2)],
      });
      expect((await pulled(remote, 'operations', 0, 10)).documents).toEqual([
        stored(a2, 2),
        stored(create('b'), 3),
      ]);
    });

    it('P-PUSH-1: applies the rows of one push in order', async () => {
      const remote = await device();
      const first = create('a');
      const second = edit(stored(first, 1));
      expect(await pushed(remote, 'operations', [first, second, create('a')])).toEqual({
        written: [
          { id: 'a', version: 1, seq: 1 },
          { id: 'a', version: 2, seq: 2 },
        ],
        conflicts: [stored(second, 2)],
      });
    });

    it('P-LIVE-1: tells every device of each write, the writer included, with its checkpoint', async () => {
      const writer = await device();
      const reader = await device();
      const heardByWriter = changesHeard(writer);
      const heardByReader = changesHeard(reader);
      const rows = [create('a'), create('b')];
      await writer.push('operations', rows);
      await reader.push('accounts', [create('acc', 'accounts')]);
      await writer.push('operations', [create('a')]);
      const expected: RemoteEvent[] = [
        {
          type: 'changes',
          collection: 'operations',
          documents: [stored(rows[0]!, 1), stored(rows[1]!, 2)],
          checkpoint: 2,
        },
        {
          type: 'changes',
          collection: 'accounts',
          documents: [stored(create('acc', 'accounts'), 3)],
          checkpoint: 3,
        },
      ];
      await vi.waitFor(() => expect(heardByReader.events).toEqual(expected));
      await vi.waitFor(() => expect(heardByWriter.events).toEqual(expected));
      heardByReader.stop();
      await writer.push('rules', [create('rule', 'rules')]);
      await vi.waitFor(() => expect(heardByWriter.events).toHaveLength(3));
      expect(heardByReader.events).toHaveLength(2);
    });

    it('P-KEY-2: stores the key record by compare-and-set on its revision', async () => {
      const first = await device();
      const second = await device();
      expect(await first.readKey()).toBeNull();
      const mine = keyRecord('key-first', 1);
      expect(await keyWritten(first, 0, mine)).toEqual({ stored: true, record: mine });
      const theirs = keyRecord('key-second', 1);
      expect(await keyWritten(second, 0, theirs)).toEqual({ stored: false, record: mine });
      const rewrapped = { ...mine, wrappedKey: 'BBBB', revision: 2 };
      expect(await keyWritten(second, 1, rewrapped)).toEqual({ stored: true, record: rewrapped });
      expect(await keyWritten(first, 1, { ...mine, revision: 2 })).toEqual({
        stored: false,
        record: rewrapped,
      });
      expect(await first.readKey()).toEqual(rewrapped);
    });

    it('P-LIMIT-1: refuses a malformed push, writing nothing', async () => {
      const remote = await device();
      const skipping = { assumedVersion: 0, envelope: { ...create('a').envelope, version: 2 } };
      await expect(remote.push('operations', [skipping])).rejects.toThrow();
      const misfiled = create('acc', 'accounts');
      await expect(remote.push('operations', [create('b'), misfiled])).rejects.toThrow();
      expect(await pulled(remote, 'operations', 0, 10)).toEqual(page([], 0, false));
    });
  });
}

/** Only what the port promises: a SyncSession's answers also carry the message's own fields. */
async function pulled(remote: SyncRemote, ...request: Parameters<SyncRemote['pull']>) {
  const { documents, checkpoint, hasMore } = await remote.pull(...request);
  return { documents, checkpoint, hasMore };
}

async function pushed(remote: SyncRemote, ...request: Parameters<SyncRemote['push']>) {
  const { written, conflicts } = await remote.push(...request);
  return { written, conflicts };
}

async function keyWritten(remote: SyncRemote, ...request: Parameters<SyncRemote['writeKey']>) {
  const { stored, record } = await remote.writeKey(...request);
  return { stored, record };
}

function create(id: string, collection: SyncedCollection = 'operations'): PushRow {
  return {
    assumedVersion: 0,
    envelope: {
      id,
      collection,
      version: 1,
      deleted: false,
      updatedAt: 1_700_000_000_000,
      ciphertext: 'c2VhbGVk',
      iv: 'AAAAAAAAAAAAAAAA',
      keyId: 'key-1',
    },
  };
}

/** The next write of a document as it was pulled: assumes its version, bumps it. */
function edit(previous: StoredEnvelope): PushRow {
  const { seq: _seq, ...envelope } = previous;
  const version = envelope.version + 1;
  return {
    assumedVersion: envelope.version,
    envelope: {
      ...envelope,
      version,
      updatedAt: envelope.updatedAt + 1,
      ciphertext: btoa(`version ${version}`),
    },
  };
}

function stored(row: PushRow, seq: number): StoredEnvelope {
  return { ...row.envelope, seq };
}

function page(documents: readonly StoredEnvelope[], checkpoint: number, hasMore: boolean) {
  return { documents, checkpoint, hasMore };
}

function keyRecord(keyId: string, revision: number): KeyRecord {
  return {
    keyId,
    kdf: { name: 'PBKDF2-SHA256', iterations: 600_000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' },
    iv: 'AAAAAAAAAAAAAAAA',
    wrappedKey: 'AAAA',
    revision,
  };
}

/** The `changes` a device hears (a SyncSession also reports `resync` on welcome: not counted). */
function changesHeard(remote: SyncRemote): { readonly events: RemoteEvent[]; stop(): void } {
  const events: RemoteEvent[] = [];
  const stop = remote.listen((event) => {
    if (event.type === 'changes') events.push(event);
  });
  return { events, stop };
}
