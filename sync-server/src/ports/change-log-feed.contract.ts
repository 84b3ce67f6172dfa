import { describe, expect, it } from 'vitest';
import type { ChangeLog, FeedEvent } from './change-log.ts';
import {
  changes,
  create,
  edit,
  record,
  stored,
  type ChangeLogBackend,
} from './change-log-fixtures.contract.ts';

interface FeedContractContext {
  /** An instance over a fresh backend. */
  readonly open: () => Promise<ChangeLog>;
  readonly openBackend: () => Promise<ChangeLogBackend>;
  readonly newUser: () => string;
}

/** The feed clauses of the ChangeLog contract (run from change-log.contract.ts). */
export function describeChangeLogFeedContract(context: FeedContractContext): void {
  const { open, openBackend, newUser } = context;

  /** Two instances over one backend where the adapter allows it, else one instance twice. */
  const openPair = async (): Promise<[ChangeLog, ChangeLog]> => {
    const backend = await openBackend();
    const first = await backend.open();
    return [first, backend.allowsSeveralInstances ? await backend.open() : first];
  };

  describe('feed', () => {
    it('is live once subscribe resolves: one event per push, with afterSeq and seqs', async () => {
      const log = await open();
      const user = newUser();
      const a = create('a');
      await log.push(user, 'operations', [a]);
      const hears = await record(log, user);
      const b = create('b');
      const a2 = edit(a.envelope);
      await log.push(user, 'operations', [b, a2]);
      const account = create('acc', 'accounts');
      await log.push(user, 'accounts', [account]);
      expect(await hears.waitFor(2)).toEqual([
        {
          type: 'changes',
          collection: 'operations',
          afterSeq: 1,
          documents: [stored(b, 2), stored(a2, 3)],
        },
        { type: 'changes', collection: 'accounts', afterSeq: 3, documents: [stored(account, 4)] },
      ]);
    });

    it('carries both writes of a document pushed twice in one push, so seqs have no gap', async () => {
      const log = await open();
      const user = newUser();
      const hears = await record(log, user);
      const first = create('a');
      const second = edit(first.envelope);
      await log.push(user, 'operations', [first, second]);
      const [event] = await hears.waitFor(1);
      expect(changes(event)).toMatchObject({ afterSeq: 0, documents: [{ seq: 1 }, { seq: 2 }] });
    });

    it('sends nothing for a push that wrote nothing', async () => {
      const log = await open();
      const user = newUser();
      const hears = await record(log, user);
      const a = create('a');
      await log.push(user, 'operations', [a]);
      await log.push(user, 'operations', [create('a')]);
      await log.push(user, 'operations', [edit(a.envelope)]);
      // Events arrive in seq order: had the refused push sent one, it would sit in between.
      const events = await hears.waitFor(2);
      expect(events.map((event) => changes(event).afterSeq)).toEqual([0, 1]);
    });

    it('delivers concurrent pushes in seq order, without gaps', async () => {
      const log = await open();
      const user = newUser();
      const hears = await record(log, user);
      await Promise.all(
        Array.from({ length: 12 }, (_, n) => log.push(user, 'operations', [create(`d${n}`)])),
      );
      const events = (await hears.waitFor(12)).map(changes);
      expect(events.map((event) => event.afterSeq)).toEqual(events.map((_, n) => n));
      expect(events.map((event) => event.documents[0]?.seq)).toEqual(events.map((_, n) => n + 1));
    });

    it('reaches the listeners of every instance, whichever instance wrote', async () => {
      const [here, there] = await openPair();
      const user = newUser();
      const hearsHere = await record(here, user);
      const hearsThere = await record(there, user);
      const a = create('a');
      await here.push(user, 'operations', [a]);
      const a2 = edit(a.envelope);
      await there.push(user, 'operations', [a2]);
      const expected: FeedEvent[] = [
        { type: 'changes', collection: 'operations', afterSeq: 0, documents: [stored(a, 1)] },
        { type: 'changes', collection: 'operations', afterSeq: 1, documents: [stored(a2, 2)] },
      ];
      expect(await hearsHere.waitFor(2)).toEqual(expected);
      expect(await hearsThere.waitFor(2)).toEqual(expected);
    });

    it("announces to every instance's listeners of that user only", async () => {
      const [here, there] = await openPair();
      const [user, other] = [newUser(), newUser()];
      const hearsThere = await record(there, user);
      const otherHears = await record(there, other);
      const notice = { type: 'revoked', reason: 'token_revoked', jti: 'jti-1' } as const;
      await here.announce(user, notice);
      expect(await hearsThere.waitFor(1)).toEqual([notice]);
      const second = { ...notice, jti: null };
      await here.announce(other, second);
      expect(await otherHears.waitFor(1)).toEqual([second]);
    });

    it('stops delivering after unsubscribe, idempotently, and can subscribe again', async () => {
      const log = await open();
      const user = newUser();
      const leaves = await record(log, user);
      const stays = await record(log, user);
      await leaves.subscription.unsubscribe();
      await leaves.subscription.unsubscribe();
      await log.push(user, 'operations', [create('a')]);
      await stays.waitFor(1);
      await stays.subscription.unsubscribe();
      // Nobody listens now; a push must not reach the old listeners, and a new one hears again.
      await log.push(user, 'operations', [create('b')]);
      const comesBack = await record(log, user);
      await log.push(user, 'operations', [create('c')]);
      expect((await comesBack.waitFor(1)).map((event) => changes(event).afterSeq)).toEqual([2]);
      expect(leaves.events).toEqual([]);
      expect(stays.events).toHaveLength(1);
    });
  });
}
