import {
  currency,
  defaultCategories,
  isoDate,
  minor,
  serializeSnapshot,
  type Account,
  type Clock,
} from '@tirelire/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryLedgerDatabases } from '../../adapters/memory/MemoryLedgerStore.ts';
import type { LedgerStore } from '../../ports/ledger-store.ts';
import type { LedgerDeps } from '../deps.ts';
import { addAccount, deleteAccount, updateAccount } from './accounts.ts';
import { readSnapshot, restoreJson } from './backup.ts';
import { addCategory, deleteCategory } from './categories.ts';
import { addOperation, addTransfer, deleteOperations, updateOperation } from './operations.ts';

const databases = new MemoryLedgerDatabases();
let run = 0;
let store: LedgerStore;
let deps: LedgerDeps;

beforeEach(async () => {
  store = await databases.open(`use-cases-${++run}`);
  let now = 1_700_000_000_000;
  let id = 0;
  const clock: Clock = { now: () => (now += 1000) };
  deps = { store, clock, newId: () => `id-${++id}` };
  await store.saveCategories(defaultCategories(now));
});

async function account(name: string, code = 'EUR'): Promise<Account> {
  const created = await addAccount(deps, {
    name,
    institution: '',
    type: 'checking',
    currency: currency(code),
    openingBalanceMinor: minor(10_000),
    openingDate: isoDate('2026-01-01'),
  });
  if (!created.ok) throw new Error(created.message);
  return created.value;
}

const draft = (accountId: Account['id'], amount: number, label = 'Bakery') => ({
  accountId,
  date: isoDate('2026-02-01'),
  valueDate: null,
  amountMinor: minor(amount),
  label,
  categoryId: null,
  note: '',
});

describe('ledger use cases', () => {
  it('refuses an invalid operation and stores nothing', async () => {
    const main = await account('Main');
    const result = await addOperation(deps, { ...draft(main.id, -250), label: '   ' }, [main]);
    expect(result.ok).toBe(false);
    expect(await store.countOperations()).toBe(0);
  });

  it("locks an account's currency once it has operations", async () => {
    const main = await account('Main');
    const { accountId: _ignored, ...rest } = draft(main.id, -250);
    expect((await addOperation(deps, { accountId: main.id, ...rest }, [main])).ok).toBe(true);
    const changed = await updateAccount(deps, main, { ...main, currency: currency('USD') });
    expect(changed.ok ? 'changed' : changed.code).toBe('has_operations');
  });

  it('mirrors an edited transfer amount on the other half, and deletes both halves together', async () => {
    const [from, to] = [await account('Main'), await account('Savings')];
    const created = await addTransfer(deps, {
      from,
      to,
      date: isoDate('2026-03-01'),
      amountMinor: minor(5_000),
      label: 'Savings',
      note: '',
    });
    if (!created.ok) throw new Error(created.message);
    const [out, back] = created.value;
    await updateOperation(deps, out, { ...draft(from.id, -7_500, 'Savings') }, back);
    const stored = await store.listOperations();
    expect(stored.map((o) => [o.accountId, o.amountMinor]).sort()).toEqual(
      [
        [from.id, -7_500],
        [to.id, 7_500],
      ].sort(),
    );
    await deleteOperations(deps, [stored[0]!]);
    expect(await store.countOperations()).toBe(0);
  });

  it('deleting an account keeps the other half of its transfers, unlinked', async () => {
    const [from, to] = [await account('Main'), await account('Savings')];
    await addTransfer(deps, {
      from,
      to,
      date: isoDate('2026-03-01'),
      amountMinor: minor(5_000),
      label: 'Savings',
      note: '',
    });
    await deleteAccount(deps, from);
    const left = await store.listOperations();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ accountId: to.id, transferPeerId: null, origin: 'manual' });
  });

  it('deleting a category moves its operations to the replacement first', async () => {
    const main = await account('Main');
    const extra = await addCategory(deps, {
      name: { en: 'Pets', fr: 'Animaux' },
      color: '#123456',
      icon: '🐾',
      parentId: null,
    });
    if (!extra.ok) throw new Error(extra.message);
    await addOperation(deps, { ...draft(main.id, -900), categoryId: extra.value.id }, [main]);
    const snapshot = await readSnapshot(deps);
    const moved = await deleteCategory(
      deps,
      extra.value,
      snapshot.categories[0]!.id,
      snapshot.categories,
      snapshot.operations,
    );
    expect(moved).toEqual({ ok: true, value: 1 });
    const [operation] = await store.listOperations();
    expect(operation?.categoryId).toBe(snapshot.categories[0]!.id);
    expect((await store.listCategories()).some((c) => c.id === extra.value.id)).toBe(false);
  });

  it('restores an export exactly, and a bad file changes nothing', async () => {
    const main = await account('Main');
    await addOperation(deps, draft(main.id, -250), [main]);
    const before = await readSnapshot(deps);
    const file = serializeSnapshot(before, new Date(0));

    const refused = await restoreJson(deps, '{"format":"something-else"}');
    expect(refused.ok ? 'restored' : refused.code).toBe('not_tirelire');
    expect(await readSnapshot(deps)).toEqual(before);

    await account('Later');
    const restored = await restoreJson(deps, file);
    expect(restored.ok).toBe(true);
    const after = await readSnapshot(deps);
    expect(after.accounts).toEqual(before.accounts);
    expect(after.operations).toEqual(before.operations);
  });
});
