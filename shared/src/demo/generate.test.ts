import { describe, expect, it } from 'vitest';
import { parseSnapshot, serializeSnapshot } from '../backup/snapshot.ts';
import { categorySchema } from '../categories/category.ts';
import { DEFAULT_CATEGORY_IDS } from '../categories/defaults.ts';
import { accountSchema } from '../ledger/account.ts';
import { isoDate } from '../ledger/dates.ts';
import { operationSchema, type Operation } from '../ledger/operation.ts';
import { generateDemoLedger, type DemoOptions } from './generate.ts';
import { EVERYDAY_MERCHANTS, MONTHLY_BILLS, SALARIES } from './merchants.ts';

const NOW = 1_718_000_000_000;
const big: DemoOptions = {
  seed: 7,
  until: isoDate('2024-06-10'),
  years: 10,
  targetOperations: 100_000,
  accountCount: 5,
  now: NOW,
};

// eslint-disable-next-line no-restricted-properties -- measuring the generator's speed budget
const startedAt = Date.now();
const ledger = generateDemoLedger(big);
// eslint-disable-next-line no-restricted-properties -- measuring the generator's speed budget
const elapsedMs = Date.now() - startedAt;

describe('generateDemoLedger', () => {
  it('produces about the target number of operations, quickly', () => {
    expect(ledger.operations.length).toBeGreaterThanOrEqual(85_000);
    expect(ledger.operations.length).toBeLessThanOrEqual(115_000);
    expect(elapsedMs).toBeLessThan(3_000);
  });

  it.each([
    [3, 2, 1_500], // what the app's first-run demo asks for
    [1, 1, 300],
    [2, 3, 5_000],
    [5, 1, 20_000],
  ])(
    'gets within 15 percent of the target for %d accounts over %d years (%d)',
    (accounts, years, target) => {
      const { operations } = generateDemoLedger({
        ...big,
        accountCount: accounts,
        years,
        targetOperations: target,
      });
      expect(operations.length).toBeGreaterThanOrEqual(target * 0.85);
      expect(operations.length).toBeLessThanOrEqual(target * 1.15);
    },
  );

  it('is deterministic for a seed', () => {
    const options = { ...big, years: 1, targetOperations: 2_000 };
    const first = generateDemoLedger(options);
    expect(generateDemoLedger(options)).toEqual(first);
    const other = generateDemoLedger({ ...options, seed: 8 });
    expect(other.operations.map((o) => o.amountMinor)).not.toEqual(
      first.operations.map((o) => o.amountMinor),
    );
  });

  it('makes valid accounts, categories and operations', () => {
    expect(ledger.accounts).toHaveLength(5);
    for (const account of ledger.accounts) expect(accountSchema.parse(account)).toEqual(account);
    expect(ledger.categories.map((c) => c.id)).toEqual(DEFAULT_CATEGORY_IDS);
    for (const category of ledger.categories)
      expect(categorySchema.safeParse(category).success).toBe(true);
    const invalid = ledger.operations.filter((o) => !operationSchema.safeParse(o).success);
    expect(invalid).toEqual([]);
  });

  it('gives every operation a unique id and integer amounts', () => {
    expect(new Set(ledger.operations.map((o) => o.id)).size).toBe(ledger.operations.length);
    expect(ledger.operations.every((o) => Number.isSafeInteger(o.amountMinor))).toBe(true);
  });

  it('puts operations in their account currency and in known accounts', () => {
    const currencies = new Map(ledger.accounts.map((a) => [a.id, a.currency]));
    const mismatched = ledger.operations.filter((o) => currencies.get(o.accountId) !== o.currency);
    expect(mismatched).toEqual([]);
    expect(new Set(ledger.operations.map((o) => o.currency))).toEqual(new Set(['EUR', 'GBP']));
  });

  it('dates operations between `years` before `until` and `until`', () => {
    const dates = ledger.operations.map((o) => o.date).sort();
    expect(dates[0]! >= '2014-06-10').toBe(true);
    expect(dates.at(-1)! <= '2024-06-10').toBe(true);
    expect(dates[0]!.slice(0, 7)).toBe('2014-06');
    expect(dates.at(-1)!.slice(0, 7)).toBe('2024-06');
    for (const account of ledger.accounts) expect(account.openingDate).toBe('2014-06-10');
  });

  it('links transfer halves both ways, between two accounts, with opposite amounts', () => {
    const byId = new Map(ledger.operations.map((o) => [o.id, o]));
    const transfers = ledger.operations.filter((o) => o.transferPeerId !== null);
    expect(transfers.length).toBeGreaterThanOrEqual(2 * 120);
    for (const operation of transfers) {
      const peer = byId.get(operation.transferPeerId!) as Operation;
      expect(peer.transferPeerId).toBe(operation.id);
      expect(peer.accountId).not.toBe(operation.accountId);
      expect(peer.amountMinor).toBe(0 - operation.amountMinor);
      expect(peer.date).toBe(operation.date);
      expect([operation.origin, operation.categoryId]).toEqual(['transfer', null]);
    }
    const unlinked = ledger.operations.filter(
      (o) => o.origin === 'transfer' && o.transferPeerId === null,
    );
    expect(unlinked).toEqual([]);
  });

  // 100k operations make a 45 MB export: give JSON and validation time on a busy machine.
  it('passes the export consistency checks', { timeout: 30_000 }, () => {
    const result = parseSnapshot(serializeSnapshot(ledger, new Date(NOW)));
    expect(result.ok ? 'ok' : result.message).toBe('ok');
  });

  it('leaves about the requested share uncategorised', () => {
    const everyday = (share?: number) =>
      generateDemoLedger({
        ...big,
        years: 2,
        targetOperations: 5_000,
        uncategorisedShare: share,
      }).operations.filter((o) => o.origin !== 'transfer');
    const share = (ops: Operation[]) =>
      ops.filter((o) => o.categoryId === null).length / ops.length;
    expect(share(everyday(0))).toBe(0);
    expect(share(everyday(1))).toBe(1);
    expect(share(everyday())).toBeGreaterThan(0.07);
    expect(share(everyday())).toBeLessThan(0.13);
    expect(everyday(0).every((o) => o.categorySource === 'user')).toBe(true);
  });

  it('starts on 28 February when `until` is 29 February', () => {
    const leap = generateDemoLedger({
      ...big,
      until: isoDate('2028-02-29'),
      years: 2,
      accountCount: 3,
      targetOperations: 1_500,
    });
    expect(leap.accounts[0]?.openingDate).toBe('2026-02-28');
    expect(leap.operations.every((o) => o.date >= '2026-02-28' && o.date <= '2028-02-29')).toBe(
      true,
    );
  });

  it('makes at least one account, and no transfers without savings', () => {
    const single = generateDemoLedger({ ...big, accountCount: 0, years: 1, targetOperations: 300 });
    expect(single.accounts).toHaveLength(1);
    expect(single.operations.some((o) => o.transferPeerId !== null)).toBe(false);
  });

  it('uses only default categories in its templates', () => {
    const known = new Set<string>(DEFAULT_CATEGORY_IDS);
    for (const template of [...EVERYDAY_MERCHANTS, ...MONTHLY_BILLS, ...SALARIES])
      expect(known.has(template.category)).toBe(true);
    for (const bill of MONTHLY_BILLS) expect(bill.day).toBeGreaterThanOrEqual(1);
    for (const template of EVERYDAY_MERCHANTS) expect(template.max).toBeLessThan(0);
  });
});
