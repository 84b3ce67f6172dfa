import { generateDemoLedger, isoDate, minor, operationId, type Operation } from '@tirelire/shared';
import { describe, expect, it } from 'vitest';
import { MemoryLedgerDatabases } from '../adapters/memory/MemoryLedgerStore.ts';
import { MemoryStartupSnapshotStore } from '../adapters/memory/MemoryStartupSnapshotStore.ts';
import { LedgerState } from './ledger-state.ts';

const databases = new MemoryLedgerDatabases();
let counter = 0;

async function seeded() {
  const store = await databases.open(`state-${++counter}`);
  const ledger = generateDemoLedger({
    seed: 3,
    now: 1_700_000_000_000,
    until: isoDate('2026-11-25'),
    years: 1,
    accountCount: 3,
    targetOperations: 300,
  });
  await store.saveCategories(ledger.categories);
  await store.saveAccounts(ledger.accounts);
  await store.saveOperations(ledger.operations);
  return { store, ledger };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LedgerState', () => {
  it('computes exact balances once operations are loaded, and saves them for the next start', async () => {
    const { store, ledger } = await seeded();
    const snapshots = new MemoryStartupSnapshotStore();
    const state = new LedgerState(store, snapshots);
    expect(state.showStartupSnapshot()).toBe(false);
    await state.open();
    expect(state.accounts.value).toHaveLength(3);
    expect(state.balances.value.size).toBe(0);
    await state.loadOperations();

    const main = ledger.accounts[0]!;
    const expected = ledger.operations
      .filter((operation) => operation.accountId === main.id)
      .reduce<number>((sum, operation) => sum + operation.amountMinor, main.openingBalanceMinor);
    expect(state.balances.value.get(main.id)).toBe(expected);
    expect(snapshots.read()?.balances[main.id]).toBe(expected);
    state.close();
  });

  it('paints the next start from the snapshot, before the store answers', async () => {
    const { store } = await seeded();
    const snapshots = new MemoryStartupSnapshotStore();
    const first = new LedgerState(store, snapshots);
    await first.open();
    await first.loadOperations();
    first.close();

    const next = new LedgerState(store, snapshots);
    expect(next.showStartupSnapshot()).toBe(true);
    expect(next.isReady.value).toBe(true);
    expect(next.accounts.value.map((a) => a.name)).toEqual(first.accounts.value.map((a) => a.name));
    expect([...next.balances.value]).toEqual([...first.balances.value]);
  });

  it('follows every change the store reports, from whichever writer', async () => {
    const { store, ledger } = await seeded();
    const snapshots = new MemoryStartupSnapshotStore();
    const state = new LedgerState(store, snapshots);
    await state.open();
    await state.loadOperations();
    const main = ledger.accounts[0]!;
    const before = state.balances.value.get(main.id)!;
    const template = ledger.operations.find((o) => o.accountId === main.id)!;
    const added: Operation = {
      ...template,
      id: operationId('extra-operation'),
      amountMinor: minor(-1234),
    };

    await store.saveOperations([added]);
    await settle();
    expect(state.balances.value.get(main.id)).toBe(before - 1234);
    expect(snapshots.read()?.balances[main.id]).toBe(before - 1234);

    await store.deleteOperations([added.id]);
    await settle();
    expect(state.operationsById.value.has(added.id)).toBe(false);
    expect(state.balances.value.get(main.id)).toBe(before);
    state.close();
  });

  it('reloads everything after the store was replaced (restore)', async () => {
    const { store, ledger } = await seeded();
    const state = new LedgerState(store, new MemoryStartupSnapshotStore());
    await state.open();
    await state.loadOperations();
    await store.replaceAll({
      accounts: ledger.accounts.slice(0, 1),
      categories: ledger.categories,
      operations: [],
    });
    await settle();
    await settle();
    expect(state.accounts.value).toHaveLength(1);
    expect(state.operations.value).toHaveLength(0);
    state.close();
  });
});
