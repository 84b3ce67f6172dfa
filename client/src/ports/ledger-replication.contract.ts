import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  accountId,
  categoryId,
  currency,
  isoDate,
  minor,
  operationId,
  type Operation,
} from '@tirelire/shared';
import type { StoredEnvelope } from '@tirelire/shared/protocol';
import { MemorySyncRemote, MemorySyncServer } from '../adapters/memory/MemorySyncRemote.ts';
import { WebCryptoDocumentCipher } from '../adapters/webcrypto/WebCryptoDocumentCipher.ts';
import type {
  LedgerReplication,
  ReplicationActivity,
  ReplicationRun,
} from './ledger-replication.ts';
import type { LedgerStore } from './ledger-store.ts';
import type { DocumentCipher } from './sync-keys.ts';
import type { SyncRemote } from './sync-remote.ts';

/** A device's ledger and the replication of it. `close` closes the store. */
export interface ReplicatedLedger {
  readonly store: LedgerStore;
  readonly replication: LedgerReplication;
  close(): Promise<void>;
}

/**
 * Opens a new, empty ledger called `name` (unique in the file). At most two are open at once:
 * RxDB's free edition allows 13 open collections per process, and a ledger has 6.
 */
export type OpenReplicatedLedger = (name: string) => Promise<ReplicatedLedger>;

/** Replication retries a failed push after about 2 s; a convergence waits a few of those. */
const CONVERGE_MS = 8_000;

/** One device of the test user: its ledger, its link to the shared server, its running sync. */
interface Device {
  readonly store: LedgerStore;
  readonly remote: MemorySyncRemote;
  readonly activity: ReplicationActivity[];
  /** While true, live events never reach the run, as when the server cannot keep P-LIVE-1. */
  readonly link: { losesLiveEvents: boolean };
  run: ReplicationRun;
  /** Starts the replication again (after `run.stop()`), as the next visit of the app does. */
  restart(): void;
}

/**
 * What every LedgerReplication must do, over the in-memory server (its equivalence to the real
 * one is sync-remote.contract.ts) and the real cipher: push local writes encrypted, bring other
 * devices' writes in, keep writes made offline, settle conflicts by P-MERGE-1 alike on every
 * device, and report what it is doing.
 */
export function runLedgerReplicationContract(name: string, open: OpenReplicatedLedger): void {
  describe(`LedgerReplication contract: ${name}`, { timeout: 20_000 }, () => {
    let cipher: DocumentCipher;
    let server = new MemorySyncServer();
    const toClose: (() => Promise<void>)[] = [];
    let opened = 0;

    beforeAll(async () => {
      const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
        'encrypt',
        'decrypt',
      ]);
      cipher = WebCryptoDocumentCipher.fromStored({ keyId: 'key-contract', key });
    });

    afterEach(async () => {
      for (const close of toClose.splice(0)) await close();
      server = new MemorySyncServer();
    });

    async function device(): Promise<Device> {
      const ledger = await open(`replication-contract-${++opened}`);
      const remote = new MemorySyncRemote(server);
      const activity: ReplicationActivity[] = [];
      const link = { losesLiveEvents: false };
      const lossy: SyncRemote = {
        pull: (...request) => remote.pull(...request),
        push: (...request) => remote.push(...request),
        readKey: () => remote.readKey(),
        writeKey: (...request) => remote.writeKey(...request),
        listen: (listener) => remote.listen((event) => link.losesLiveEvents || listener(event)),
      };
      const start = () => {
        const run = ledger.replication.start(lossy, cipher, 'user-1');
        // What the app does with a session's resync (P-LIVE-2).
        const stopListening = remote.listen((event) => event.type === 'resync' && run.resync());
        run.onActivity((latest) => activity.push(latest));
        return { run, stopListening };
      };
      let current = start();
      const self: Device = {
        store: ledger.store,
        remote,
        activity,
        link,
        run: current.run,
        restart: () => {
          current = start();
          self.run = current.run;
        },
      };
      toClose.push(async () => {
        current.stopListening();
        await self.run.stop();
        await ledger.close();
      });
      return self;
    }

    /** Opens the server's envelopes of operations with the key, as another device would. */
    async function operationsOnServer(): Promise<unknown[]> {
      const envelopes = server.stored('operations').filter((envelope) => !envelope.deleted);
      return Promise.all(
        envelopes.map(async (envelope): Promise<unknown> => JSON.parse(await decrypt(envelope))),
      );
    }

    function decrypt(envelope: StoredEnvelope): Promise<string> {
      const { collection, id, deleted } = envelope;
      return cipher.open({ collection, id, deleted }, envelope);
    }

    it('P-ENVELOPE-1: pushes local writes encrypted; settled() waits for them', async () => {
      const laptop = await device();
      const secret = operation(1, { label: 'Pharmacie du secret', note: 'ordonnance' });
      await laptop.store.saveOperations([secret, operation(2)]);
      await laptop.run.settled();
      const stored = server.stored('operations');
      expect(stored.map((envelope) => envelope.id).sort()).toEqual(['op-1', 'op-2']);
      expect(stored.every((envelope) => envelope.keyId === cipher.keyId)).toBe(true);
      const clear = JSON.stringify(server.stored());
      for (const word of ['Pharmacie', 'ordonnance', 'Carrefour', 'acc-1']) {
        expect(clear).not.toContain(word);
      }
      expect(byId(await operationsOnServer())).toStrictEqual([secret, operation(2)]);
    });

    it('P-LIVE-1: brings one device’s writes and deletions to another', async () => {
      const laptop = await device();
      const phone = await device();
      const operations = [operation(1), operation(2), operation(3)];
      await laptop.store.saveOperations(operations);
      await eventually(async () =>
        expect(byId(await phone.store.listOperations())).toStrictEqual(operations),
      );
      await phone.store.deleteOperations([operationId('op-2')]);
      const edited = { ...operation(3), note: 'edited on the phone', updatedAt: NOW + 100 };
      await phone.store.saveOperations([edited]);
      await eventually(async () =>
        expect(byId(await laptop.store.listOperations())).toStrictEqual([operation(1), edited]),
      );
      expect(server.stored('operations').find((envelope) => envelope.id === 'op-2')?.deleted).toBe(
        true,
      );
    });

    it('P-LIVE-2: resync() pulls what the live stream lost', async () => {
      const laptop = await device();
      const phone = await device();
      await phone.run.settled();
      phone.link.losesLiveEvents = true;
      await laptop.store.saveOperations([operation(1)]);
      await laptop.run.settled();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await phone.store.listOperations()).toEqual([]);
      phone.link.losesLiveEvents = false;
      phone.run.resync();
      await eventually(async () =>
        expect(await phone.store.listOperations()).toStrictEqual([operation(1)]),
      );
    });

    it('P-LIVE-2: catches up on what it missed while offline once back', async () => {
      const laptop = await device();
      const phone = await device();
      await phone.run.settled();
      phone.remote.goOffline();
      await laptop.store.saveOperations([operation(1)]);
      await laptop.run.settled();
      phone.remote.goOnline();
      await eventually(async () =>
        expect(await phone.store.listOperations()).toStrictEqual([operation(1)]),
      );
    });

    it('keeps writes made offline and pushes them once back, reporting the failure meanwhile', async () => {
      const laptop = await device();
      const phone = await device();
      await laptop.run.settled();
      laptop.remote.goOffline();
      await laptop.store.saveOperations([operation(1)]);
      await eventually(() => expect(laptop.activity.at(-1)?.lastError).toEqual(expect.any(String)));
      expect(server.stored()).toEqual([]);
      laptop.remote.goOnline();
      await eventually(async () =>
        expect(await phone.store.listOperations()).toStrictEqual([operation(1)]),
      );
      await eventually(() => expect(laptop.activity.at(-1)?.lastError).toBeNull());
    });

    it('stop() stops pushing; the next start pushes what was written meanwhile', async () => {
      const laptop = await device();
      await laptop.store.saveOperations([operation(1)]);
      await laptop.run.settled();
      await laptop.run.stop();
      await laptop.store.saveOperations([operation(2)]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(server.stored().map((envelope) => envelope.id)).toEqual(['op-1']);
      laptop.restart();
      await eventually(() =>
        expect(server.stored().map((envelope) => envelope.id)).toEqual(['op-1', 'op-2']),
      );
    });

    it('P-MERGE-1: concurrent offline edits end the same on both devices', async () => {
      const laptop = await device();
      const phone = await device();
      await laptop.store.saveOperations([operation(1), operation(2)]);
      await eventually(async () => expect(await phone.store.listOperations()).toHaveLength(2));
      laptop.remote.goOffline();
      phone.remote.goOffline();
      // op-1: the later edit wins, whichever device pushes first.
      const later = { ...operation(1), note: 'phone, later', updatedAt: NOW + 20 };
      await laptop.store.saveOperations([{ ...operation(1), note: 'laptop', updatedAt: NOW + 10 }]);
      await phone.store.saveOperations([later]);
      // op-2: the deletion wins over an edit, even a later one.
      await laptop.store.deleteOperations([operationId('op-2')]);
      await phone.store.saveOperations([{ ...operation(2), note: 'phone', updatedAt: NOW + 99 }]);
      // Both pushes fail while offline, so each meets the other's write on the server.
      for (const each of [laptop, phone]) {
        await eventually(() => expect(each.activity.at(-1)?.lastError).toEqual(expect.any(String)));
      }
      laptop.remote.goOnline();
      phone.remote.goOnline();
      for (const each of [laptop, phone]) {
        await eventually(async () =>
          expect(await each.store.listOperations()).toStrictEqual([later]),
        );
      }
      expect(byId(await operationsOnServer())).toStrictEqual([later]);
    });

    it('reports documents in flight, and is back to 0 without error once settled', async () => {
      const laptop = await device();
      await laptop.store.saveOperations([operation(1), operation(2), operation(3)]);
      await laptop.run.settled();
      await eventually(() =>
        expect(laptop.activity.at(-1)).toEqual({ documentsInFlight: 0, lastError: null }),
      );
      const most = Math.max(...laptop.activity.map((activity) => activity.documentsInFlight));
      expect(most).toBeGreaterThanOrEqual(3);
    });

    it('skips and reports an envelope it cannot decrypt, live or pulled, never storing it', async () => {
      const laptop = await device();
      const forged = { ...forgedRow(), assumedVersion: 0 };
      await new MemorySyncRemote(server).push('operations', [forged]);
      await eventually(() => expect(laptop.activity.at(-1)?.lastError).toContain('op-forged'));
      await laptop.store.saveOperations([operation(1)]);
      await laptop.run.settled();
      const phone = await device();
      await eventually(async () =>
        expect(await phone.store.listOperations()).toStrictEqual([operation(1)]),
      );
      expect(phone.activity.some((activity) => activity.lastError?.includes('op-forged'))).toBe(
        true,
      );
      for (const each of [laptop, phone]) {
        expect(await each.store.listOperations()).toStrictEqual([operation(1)]);
        expect(await each.store.countOperations()).toBe(1);
      }
    });
  });
}

/** An envelope that looks right to the server but that no key of the user's opens. */
function forgedRow() {
  const bytes = crypto.getRandomValues(new Uint8Array(48));
  const ciphertext = btoa(String.fromCharCode(...bytes));
  return {
    envelope: {
      id: 'op-forged',
      collection: 'operations' as const,
      version: 1,
      deleted: false,
      updatedAt: NOW,
      ciphertext,
      iv: 'AAAAAAAAAAAAAAAA',
      keyId: 'key-contract',
    },
  };
}

const NOW = Date.UTC(2025, 5, 30, 12);

function operation(n: number, overrides: Partial<Operation> = {}): Operation {
  return {
    id: operationId(`op-${n}`),
    accountId: accountId('acc-1'),
    date: isoDate('2025-03-14'),
    valueDate: null,
    amountMinor: minor(-4_250 - n),
    currency: currency('EUR'),
    rawLabel: `CB CARREFOUR 13/03 N°${n}`,
    label: 'Carrefour',
    categoryId: categoryId('cat-1'),
    categorySource: 'model',
    note: '',
    origin: 'import',
    externalId: null,
    importBatchId: null,
    transferPeerId: null,
    createdAt: NOW,
    updatedAt: NOW + n,
    ...overrides,
  };
}

function byId<T>(documents: readonly T[]): T[] {
  const idOf = (document: T) => (document as { readonly id: string }).id;
  return [...documents].sort((a, b) => (idOf(a) < idOf(b) ? -1 : 1));
}

function eventually(check: () => unknown): Promise<unknown> {
  return vi.waitFor(check, { timeout: CONVERGE_MS, interval: 20 });
}
