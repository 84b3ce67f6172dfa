import { describe, expect, it } from 'vitest';
import { SYNCED_COLLECTIONS } from '@tirelire/shared/protocol';
import type { ChangeLog } from './change-log.ts';
import { changes, create, keyRecord, record, stored } from './change-log-fixtures.contract.ts';

interface AccountContractContext {
  /** An instance over a fresh backend. */
  readonly open: () => Promise<ChangeLog>;
  readonly newUser: () => string;
}

/** The data key and per-user clauses of the ChangeLog contract (run from change-log.contract.ts). */
export function describeChangeLogAccountContract(context: AccountContractContext): void {
  const { open, newUser } = context;

  describe('data key', () => {
    it('reads null, then compare-and-sets on revision', async () => {
      const log = await open();
      const user = newUser();
      expect(await log.readKey(user)).toBeNull();
      const first = keyRecord(1);
      expect(await log.writeKey(user, 0, first)).toEqual({ stored: true, record: first });
      expect(await log.writeKey(user, 0, keyRecord(1))).toEqual({ stored: false, record: first });
      expect(await log.writeKey(user, 4, keyRecord(5))).toEqual({ stored: false, record: first });
      const second = keyRecord(2);
      expect(await log.writeKey(user, 1, second)).toEqual({ stored: true, record: second });
      expect(await log.readKey(user)).toEqual(second);
    });

    it('lets one of 10 concurrent writes on one revision win', async () => {
      const log = await open();
      const user = newUser();
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, () => log.writeKey(user, 0, keyRecord(1))),
      );
      expect(outcomes.filter((outcome) => outcome.stored)).toHaveLength(1);
      const winner = outcomes.find((outcome) => outcome.stored)!.record;
      for (const outcome of outcomes) expect(outcome.record).toEqual(winner);
      expect(await log.readKey(user)).toEqual(winner);
    });
  });

  describe('users', () => {
    it("isolates users: nobody sees another's documents, key, seq or events", async () => {
      const log = await open();
      const [ada, bob] = [newUser(), newUser()];
      const bobHears = await record(log, bob);
      await log.push(ada, 'operations', [create('shared-id')]);
      await log.writeKey(ada, 0, keyRecord(1));
      await log.announce(ada, { type: 'revoked', reason: 'token_revoked', jti: 'j1' });
      expect(await log.head(bob)).toBe(0);
      expect((await log.pull(bob, 'operations', 0, 10)).documents).toEqual([]);
      expect(await log.readKey(bob)).toBeNull();
      // Bob's own write is numbered from 1 and is the first event he hears.
      const bobsRow = create('shared-id');
      expect((await log.push(bob, 'operations', [bobsRow])).written[0]?.seq).toBe(1);
      const [event] = await bobHears.waitFor(1);
      expect(changes(event).documents).toEqual([stored(bobsRow, 1)]);
    });

    it('deletes everything of a user and announces it, leaving the others be', async () => {
      const log = await open();
      const [gone, stays] = [newUser(), newUser()];
      for (const user of [gone, stays]) {
        for (const collection of SYNCED_COLLECTIONS) {
          await log.push(user, collection, [create(`${collection}-1`, collection)]);
        }
        await log.writeKey(user, 0, keyRecord(1));
      }
      const hears = await record(log, gone);
      await log.deleteUser(gone);
      expect(await hears.waitFor(1)).toEqual([
        { type: 'revoked', reason: 'account_deleted', jti: null },
      ]);
      expect(await log.head(gone)).toBe(0);
      expect(await log.readKey(gone)).toBeNull();
      for (const collection of SYNCED_COLLECTIONS) {
        expect(await log.pull(gone, collection, 0, 10)).toEqual({
          documents: [],
          checkpoint: 0,
          hasMore: false,
        });
        expect((await log.pull(stays, collection, 0, 10)).documents).toHaveLength(1);
      }
      expect(await log.head(stays)).toBe(5);
      await expect(log.deleteUser(newUser())).resolves.toBeUndefined();
    });
  });
}
