import { randomBytes } from 'node:crypto';
import { expect, vi } from 'vitest';
import type {
  Envelope,
  KeyRecord,
  PushRow,
  StoredEnvelope,
  SyncedCollection,
} from '@tirelire/shared/protocol';
import type { ChangeLog, ChangesEvent, FeedEvent, FeedSubscription } from './change-log.ts';

/** Test data for change-log.contract.ts: what a real client would send, bytes included. */

/** A fresh, empty backend (its own Redis key prefix, its own data directory). */
export interface ChangeLogBackend {
  /** Opens an instance over this backend's data. */
  open(): Promise<ChangeLog>;
  /** Whether several instances may be open at once, as several server processes would be. */
  readonly allowsSeveralInstances: boolean;
}

const T0 = 1_734_567_890_123;
let clock = 0;

/** A fresh ciphertext and a 12-byte IV (16 base64 characters), as AES-GCM would give. */
export function envelope(
  id: string,
  version: number,
  collection: SyncedCollection = 'operations',
): Envelope {
  return {
    id,
    collection,
    version,
    deleted: false,
    updatedAt: T0 + ++clock,
    ciphertext: randomBytes(40 + (clock % 50)).toString('base64'),
    iv: randomBytes(12).toString('base64'),
    keyId: 'dk-2024-01',
  };
}

/** The first write of a document. */
export const create = (id: string, collection?: SyncedCollection): PushRow => ({
  assumedVersion: 0,
  envelope: envelope(id, 1, collection),
});

/** The next write of a document as last seen at `seen`. */
export const edit = (seen: { id: string; version: number; collection: SyncedCollection }) => ({
  assumedVersion: seen.version,
  envelope: envelope(seen.id, seen.version + 1, seen.collection),
});

export const stored = (row: PushRow, seq: number): StoredEnvelope => ({ ...row.envelope, seq });

export function keyRecord(revision: number): KeyRecord {
  return {
    keyId: 'dk-2024-01',
    kdf: {
      name: 'PBKDF2-SHA256',
      iterations: 600_000,
      salt: randomBytes(16).toString('base64'),
    },
    iv: randomBytes(12).toString('base64'),
    wrappedKey: randomBytes(48).toString('base64'),
    revision,
  };
}

/** A listener that keeps what it hears. */
export interface Recorder {
  readonly events: FeedEvent[];
  readonly subscription: FeedSubscription;
  /** Waits until `count` events arrived (at most 5 s), then checks no more came. */
  waitFor(count: number): Promise<FeedEvent[]>;
}

export async function record(changeLog: ChangeLog, user: string): Promise<Recorder> {
  const events: FeedEvent[] = [];
  const subscription = await changeLog.subscribe(user, (event) => events.push(event));
  return {
    events,
    subscription,
    async waitFor(count) {
      await vi.waitFor(() => expect(events.length).toBeGreaterThanOrEqual(count), {
        timeout: 5000,
        interval: 5,
      });
      expect(events).toHaveLength(count);
      return events;
    },
  };
}

export const changes = (event: FeedEvent | undefined): ChangesEvent => {
  if (event?.type !== 'changes') throw new Error(`expected changes, got ${JSON.stringify(event)}`);
  return event;
};
