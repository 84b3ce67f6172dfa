import { defaultCategories, generateDemoLedger, isoDate, minor } from '@tirelire/shared';
import { describe, expect, it } from 'vitest';
import type { StartupSnapshot, StartupSnapshotStore } from './startup-snapshot-store.ts';

function sampleSnapshot(): StartupSnapshot {
  const ledger = generateDemoLedger({
    seed: 7,
    now: 1_700_000_000_000,
    until: isoDate('2026-11-25'),
    years: 1,
    accountCount: 3,
    targetOperations: 10,
  });
  return {
    accounts: ledger.accounts,
    categories: defaultCategories(1_700_000_000_000),
    balances: Object.fromEntries(ledger.accounts.map((a, i) => [a.id, minor(i * 1000 - 5)])),
  };
}

export function describeStartupSnapshotStoreContract(
  name: string,
  open: () => StartupSnapshotStore,
): void {
  describe(`StartupSnapshotStore contract: ${name}`, () => {
    it('reads null before anything is written', () => {
      expect(open().read()).toBeNull();
    });

    it('reads back exactly what was written', () => {
      const store = open();
      const snapshot = sampleSnapshot();
      store.write(snapshot);
      expect(store.read()).toEqual(snapshot);
    });

    it('forgets the snapshot on clear', () => {
      const store = open();
      store.write(sampleSnapshot());
      store.clear();
      expect(store.read()).toBeNull();
    });

    it('hands out copies', () => {
      const store = open();
      store.write(sampleSnapshot());
      store.read()?.accounts.pop();
      expect(store.read()?.accounts).toHaveLength(3);
    });
  });
}
