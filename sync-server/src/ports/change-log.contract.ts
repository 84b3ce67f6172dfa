import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { SYNC_LIMITS } from '@tirelire/shared/protocol';
import type { ChangeLog } from './change-log.ts';
import {
  create,
  edit,
  envelope,
  stored,
  type ChangeLogBackend,
} from './change-log-fixtures.contract.ts';
import { describeChangeLogAccountContract } from './change-log-account.contract.ts';
import { describeChangeLogFeedContract } from './change-log-feed.contract.ts';

export type { ChangeLogBackend };
export type OpenChangeLogBackend = () => Promise<ChangeLogBackend>;

/** The acceptance suite every ChangeLog adapter runs; it checks each clause of the port. */
export function runChangeLogContract(name: string, openFactory: OpenChangeLogBackend): void {
  describe(`ChangeLog contract: ${name}`, () => {
    const opened: ChangeLog[] = [];
    const openBackend = async () => {
      const backend = await openFactory();
      return {
        ...backend,
        open: async () => {
          const changeLog = await backend.open();
          opened.push(changeLog);
          return changeLog;
        },
      };
    };
    const open = async () => (await openBackend()).open();
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((changeLog) => changeLog.close()));
    });
    const newUser = () => randomUUID();

    describe('seq and pull', () => {
      it('numbers every write of a user 1, 2, 3… without gaps, each user on their own', async () => {
        const log = await open();
        const [ada, bob] = [newUser(), newUser()];
        expect(await log.head(ada)).toBe(0);
        const first = await log.push(ada, 'operations', [create('a'), create('b')]);
        expect(first.written).toEqual([
          { id: 'a', version: 1, seq: 1 },
          { id: 'b', version: 1, seq: 2 },
        ]);
        expect(first.conflicts).toEqual([]);
        const second = await log.push(ada, 'accounts', [create('c', 'accounts')]);
        expect(second.written).toEqual([{ id: 'c', version: 1, seq: 3 }]);
        expect((await log.push(bob, 'operations', [create('a')])).written[0]?.seq).toBe(1);
        expect(await log.head(ada)).toBe(3);
        expect(await log.head(bob)).toBe(1);
      });

      it('stores the envelope as given, large numbers included, with its seq', async () => {
        const log = await open();
        const user = newUser();
        const row = create('op-1');
        const late = { ...row, envelope: { ...row.envelope, updatedAt: Number.MAX_SAFE_INTEGER } };
        await log.push(user, 'operations', [late]);
        const page = await log.pull(user, 'operations', 0, 10);
        expect(page.documents).toEqual([stored(late, 1)]);
        // A pulled document pushed back still carries its old seq: the new one replaces it.
        const again = { assumedVersion: 1, envelope: { ...page.documents[0]!, version: 2 } };
        await log.push(user, 'operations', [again]);
        const next = await log.pull(user, 'operations', 1, 10);
        expect(next.documents).toEqual([{ ...again.envelope, seq: 2 }]);
      });

      it('keeps only the latest write of a document, at its latest seq', async () => {
        const log = await open();
        const user = newUser();
        const a = create('a');
        const b = create('b');
        await log.push(user, 'operations', [a, b]);
        const a2 = edit(a.envelope);
        expect((await log.push(user, 'operations', [a2])).written).toEqual([
          { id: 'a', version: 2, seq: 3 },
        ]);
        const page = await log.pull(user, 'operations', 0, 10);
        expect(page).toEqual({
          documents: [stored(b, 2), stored(a2, 3)],
          checkpoint: 3,
          hasMore: false,
        });
        expect(await log.pull(user, 'operations', 2, 10)).toEqual({
          documents: [stored(a2, 3)],
          checkpoint: 3,
          hasMore: false,
        });
      });

      it('pages with limit, checkpoint and hasMore', async () => {
        const log = await open();
        const user = newUser();
        const rows = ['a', 'b', 'c', 'd', 'e'].map((id) => create(id));
        await log.push(user, 'operations', rows);
        const all = rows.map((row, n) => stored(row, n + 1));
        expect(await log.pull(user, 'operations', 0, 2)).toEqual({
          documents: all.slice(0, 2),
          checkpoint: 2,
          hasMore: true,
        });
        expect(await log.pull(user, 'operations', 2, 2)).toEqual({
          documents: all.slice(2, 4),
          checkpoint: 4,
          hasMore: true,
        });
        expect(await log.pull(user, 'operations', 4, 2)).toEqual({
          documents: all.slice(4),
          checkpoint: 5,
          hasMore: false,
        });
        expect(await log.pull(user, 'operations', 0, 5)).toMatchObject({ hasMore: false });
        expect(await log.pull(user, 'operations', 5, 2)).toEqual({
          documents: [],
          checkpoint: 5,
          hasMore: false,
        });
      });

      it("pulls one collection's documents only, with their seqs", async () => {
        const log = await open();
        const user = newUser();
        const op1 = create('op-1');
        const account = create('acc-1', 'accounts');
        const op2 = create('op-2');
        await log.push(user, 'operations', [op1]);
        await log.push(user, 'accounts', [account]);
        await log.push(user, 'operations', [op2]);
        expect(await log.pull(user, 'operations', 0, 10)).toEqual({
          documents: [stored(op1, 1), stored(op2, 3)],
          checkpoint: 3,
          hasMore: false,
        });
        expect((await log.pull(user, 'accounts', 0, 10)).documents).toEqual([stored(account, 2)]);
        expect((await log.pull(user, 'rules', 0, 10)).documents).toEqual([]);
      });
    });

    describe('push', () => {
      it('writes a row iff its assumed version is the stored one; else returns the stored doc', async () => {
        const log = await open();
        const user = newUser();
        const a = create('a');
        await log.push(user, 'operations', [a]);
        const a2 = edit(a.envelope);
        await log.push(user, 'operations', [a2]);

        const again = create('a');
        const stale = edit(a.envelope);
        const ghost = edit(envelope('never-written', 3));
        const fresh = create('b');
        const outcome = await log.push(user, 'operations', [again, stale, ghost, fresh]);
        expect(outcome.written).toEqual([{ id: 'b', version: 1, seq: 3 }]);
        // The ghost assumed a document that does not exist: refused, with nothing to show.
        expect(outcome.conflicts).toEqual([stored(a2, 2), stored(a2, 2)]);
        expect((await log.pull(user, 'operations', 0, 10)).documents).toEqual([
          stored(a2, 2),
          stored(fresh, 3),
        ]);
      });

      it('writes nothing and takes no seq when every row is refused', async () => {
        const log = await open();
        const user = newUser();
        const a = create('a');
        await log.push(user, 'operations', [a]);
        const outcome = await log.push(user, 'operations', [create('a')]);
        expect(outcome).toEqual({ written: [], conflicts: [stored(a, 1)] });
        expect(await log.head(user)).toBe(1);
        expect(await log.push(user, 'operations', [])).toEqual({ written: [], conflicts: [] });
      });

      it('applies two rows of one push on one document in order', async () => {
        const log = await open();
        const user = newUser();
        const first = create('a');
        const second = edit(first.envelope);
        const outcome = await log.push(user, 'operations', [first, second, create('a')]);
        expect(outcome.written).toEqual([
          { id: 'a', version: 1, seq: 1 },
          { id: 'a', version: 2, seq: 2 },
        ]);
        expect(outcome.conflicts).toEqual([stored(second, 2)]);
        expect((await log.pull(user, 'operations', 0, 10)).documents).toEqual([stored(second, 2)]);
      });

      it('lets exactly one of 20 concurrent pushes on one version win', async () => {
        const log = await open();
        const user = newUser();
        const base = create('a');
        await log.push(user, 'operations', [base]);
        const attempts = Array.from({ length: 20 }, () => edit(base.envelope));
        const outcomes = await Promise.all(
          attempts.map((row) => log.push(user, 'operations', [row])),
        );
        const winners = outcomes.flatMap((outcome, n) => (outcome.written.length ? [n] : []));
        expect(winners).toHaveLength(1);
        const winner = stored(attempts[winners[0]!]!, 2);
        for (const outcome of outcomes.filter((o) => o.written.length === 0)) {
          expect(outcome.conflicts).toEqual([winner]);
        }
        expect(await log.head(user)).toBe(2);
        expect((await log.pull(user, 'operations', 0, 10)).documents).toEqual([winner]);
      });

      it('rejects calls that break the port’s preconditions, writing nothing', async () => {
        const log = await open();
        const user = newUser();
        const misfiled = create('acc', 'accounts');
        await expect(log.push(user, 'operations', [create('a'), misfiled])).rejects.toThrow();
        const skipping = { assumedVersion: 0, envelope: envelope('b', 2) };
        await expect(log.push(user, 'operations', [skipping])).rejects.toThrow();
        expect(await log.head(user)).toBe(0);
        await expect(log.pull(user, 'operations', 0, 0)).rejects.toThrow();
        await expect(log.pull(user, 'operations', -1, 10)).rejects.toThrow();
        await expect(
          log.pull(user, 'operations', 0, SYNC_LIMITS.maxPullLimit + 1),
        ).rejects.toThrow();
      });
    });

    describeChangeLogAccountContract({ open, newUser });
    describeChangeLogFeedContract({ open, openBackend, newUser });

    describe('closing', () => {
      it('closes idempotently and refuses to work afterwards', async () => {
        const log = await open();
        await log.close();
        await log.close();
        await expect(log.head(newUser())).rejects.toThrow();
        await expect(log.push(newUser(), 'operations', [create('a')])).rejects.toThrow();
      });
    });
  });
}
