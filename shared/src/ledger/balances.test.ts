import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EUR, GBP, makeAccount, makeOperation, USD } from '../testing/fixtures.ts';
import { minor, money } from '../money/money.ts';
import {
  accountBalance,
  accountBalances,
  compareChronologically,
  monthlyBalanceSeries,
  monthlyFlows,
  runningBalances,
  totalsByCurrency,
} from './balances.ts';

const main = makeAccount({ id: 'main', openingBalanceMinor: 10_000 });
const savings = makeAccount({ id: 'savings', type: 'savings', openingBalanceMinor: 50_000 });
const uk = makeAccount({ id: 'uk', currency: 'GBP', openingBalanceMinor: 0 });

describe('compareChronologically', () => {
  it('orders by date, then createdAt, then id', () => {
    const a = makeOperation({ id: 'b', date: '2024-01-01', createdAt: 5 });
    const b = makeOperation({ id: 'a', date: '2024-01-02', createdAt: 1 });
    const c = makeOperation({ id: 'a', date: '2024-01-02', createdAt: 2 });
    const d = makeOperation({ id: 'b', date: '2024-01-02', createdAt: 2 });
    expect([d, c, b, a].sort(compareChronologically)).toEqual([a, b, c, d]);
    expect(compareChronologically(a, a)).toBe(0);
    expect(Math.sign(compareChronologically(a, b))).toBe(-1);
    expect(Math.sign(compareChronologically(d, c))).toBe(1);
  });
});

describe('accountBalance and accountBalances', () => {
  const operations = [
    makeOperation({ accountId: 'main', amountMinor: -2_550 }),
    makeOperation({ accountId: 'main', amountMinor: 1_000 }),
    makeOperation({ accountId: 'savings', amountMinor: 2_000 }),
    makeOperation({ accountId: 'elsewhere', amountMinor: 999_999 }),
  ];

  it('adds the operations of one account to its opening balance', () => {
    expect(accountBalance(main, operations)).toBe(10_000 - 2_550 + 1_000);
    expect(accountBalance(savings, operations)).toBe(52_000);
    expect(accountBalance(uk, operations)).toBe(0);
    expect(accountBalance(main, [])).toBe(10_000);
  });

  it('computes every account in one pass, ignoring unknown accounts', () => {
    const balances = accountBalances([main, savings, uk], operations);
    expect([...balances]).toEqual([
      ['main', 8_450],
      ['savings', 52_000],
      ['uk', 0],
    ]);
    expect(balances.has('elsewhere' as never)).toBe(false);
  });

  it('agrees with accountBalance for any operations', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            accountId: fc.constantFrom('main', 'savings', 'uk', 'other'),
            amountMinor: fc.integer({ min: -1e9, max: 1e9 }),
          }),
        ),
        (specs) => {
          const ops = specs.map((spec) => makeOperation(spec));
          const balances = accountBalances([main, savings, uk], ops);
          for (const account of [main, savings, uk])
            expect(balances.get(account.id)).toBe(accountBalance(account, ops));
        },
      ),
    );
  });

  it('throws rather than returning an inexact balance', () => {
    const rich = makeAccount({ openingBalanceMinor: Number.MAX_SAFE_INTEGER });
    const ops = [makeOperation({ amountMinor: 2 }), makeOperation({ amountMinor: -2 })];
    expect(() => accountBalance(rich, ops)).toThrow(RangeError);
    expect(() => accountBalances([rich], ops)).toThrow(RangeError);
  });
});

describe('runningBalances', () => {
  const ops = [
    makeOperation({ id: 'late', accountId: 'main', date: '2024-02-01', amountMinor: -100 }),
    makeOperation({ id: 'b', accountId: 'main', date: '2024-01-10', createdAt: 7, amountMinor: 5 }),
    makeOperation({
      id: 'a',
      accountId: 'main',
      date: '2024-01-10',
      createdAt: 7,
      amountMinor: 20,
    }),
    makeOperation({ id: 'z', accountId: 'main', date: '2024-01-10', createdAt: 3, amountMinor: 1 }),
    makeOperation({ id: 'first', accountId: 'main', date: '2024-01-02', amountMinor: -1_000 }),
    makeOperation({ id: 'other', accountId: 'savings', date: '2024-01-05', amountMinor: 7 }),
  ];

  it('gives the balance right after each operation, in date, createdAt, id order', () => {
    const balances = runningBalances(main, ops);
    expect([...balances]).toEqual([
      ['first', 9_000],
      ['z', 9_001],
      ['a', 9_021],
      ['b', 9_026],
      ['late', 8_926],
    ]);
    expect(balances.has('other' as never)).toBe(false);
  });

  it('does not depend on the order of the list', () => {
    const expected = [...runningBalances(main, ops)];
    fc.assert(
      fc.property(fc.shuffledSubarray(ops, { minLength: ops.length }), (shuffled) => {
        expect([...runningBalances(main, shuffled)]).toEqual(expected);
      }),
    );
  });

  it('does not reorder the list it is given', () => {
    const copy = [...ops];
    runningBalances(main, copy);
    expect(copy).toEqual(ops);
  });

  it('ends on accountBalance', () => {
    const balances = [...runningBalances(main, ops).values()];
    expect(balances.at(-1)).toBe(accountBalance(main, ops));
  });
});

describe('totalsByCurrency', () => {
  it('never adds different currencies together', () => {
    const totals = totalsByCurrency([
      money(1_000, EUR),
      money(250, GBP),
      money(-300, EUR),
      money(5, USD),
      money(-250, GBP),
    ]);
    expect([...totals]).toEqual([
      ['EUR', 700],
      ['GBP', 0],
      ['USD', 5],
    ]);
    expect(Object.is(totals.get(GBP), 0)).toBe(true);
  });

  it('is empty for nothing', () => {
    expect(totalsByCurrency([]).size).toBe(0);
  });
});

describe('monthlyBalanceSeries', () => {
  const account = makeAccount({
    id: 'main',
    openingBalanceMinor: 1_000,
    openingDate: '2024-01-15',
  });

  it('carries the balance through months without operations', () => {
    const ops = [
      makeOperation({ accountId: 'main', date: '2024-01-20', amountMinor: -200 }),
      makeOperation({ accountId: 'main', date: '2024-01-31', amountMinor: 50 }),
      makeOperation({ accountId: 'main', date: '2024-04-01', amountMinor: 1_000 }),
      makeOperation({ accountId: 'other', date: '2024-02-01', amountMinor: 99 }),
    ];
    expect(monthlyBalanceSeries(account, ops, '2024-05')).toEqual([
      { month: '2024-01', balanceMinor: 850 },
      { month: '2024-02', balanceMinor: 850 },
      { month: '2024-03', balanceMinor: 850 },
      { month: '2024-04', balanceMinor: 1_850 },
      { month: '2024-05', balanceMinor: 1_850 },
    ]);
  });

  it('starts at an operation dated before the opening month', () => {
    const ops = [makeOperation({ accountId: 'main', date: '2023-11-30', amountMinor: -10 })];
    expect(monthlyBalanceSeries(account, ops, '2024-01')).toEqual([
      { month: '2023-11', balanceMinor: 990 },
      { month: '2023-12', balanceMinor: 990 },
      { month: '2024-01', balanceMinor: 990 },
    ]);
  });

  it('stops at `to`, leaving later operations out', () => {
    const ops = [
      makeOperation({ accountId: 'main', date: '2024-01-20', amountMinor: -200 }),
      makeOperation({ accountId: 'main', date: '2024-03-01', amountMinor: -300 }),
    ];
    expect(monthlyBalanceSeries(account, ops, '2024-02')).toEqual([
      { month: '2024-01', balanceMinor: 800 },
      { month: '2024-02', balanceMinor: 800 },
    ]);
    expect(monthlyBalanceSeries(account, ops, '2023-12')).toEqual([]);
  });

  it('ends on accountBalance when `to` covers every operation', () => {
    const ops = [
      makeOperation({ accountId: 'main', date: '2024-01-20', amountMinor: -200 }),
      makeOperation({ accountId: 'main', date: '2025-02-03', amountMinor: 75 }),
    ];
    const series = monthlyBalanceSeries(account, ops, '2025-02');
    expect(series).toHaveLength(14);
    expect(series.at(-1)?.balanceMinor).toBe(accountBalance(account, ops));
  });
});

describe('monthlyFlows', () => {
  it('sums income and (positive) spending per month of one currency, transfers left out', () => {
    const ops = [
      makeOperation({ date: '2024-02-03', amountMinor: -1_250 }),
      makeOperation({ date: '2024-02-28', amountMinor: 250_000 }),
      makeOperation({ date: '2024-02-10', amountMinor: -750 }),
      makeOperation({ date: '2024-01-05', amountMinor: -99 }),
      makeOperation({ date: '2024-01-06', amountMinor: 0 }),
      makeOperation({ date: '2024-01-07', amountMinor: -10_000, origin: 'transfer' }),
      makeOperation({ date: '2024-01-07', amountMinor: 10_000, origin: 'transfer' }),
      // An imported operation linked to its other half is a transfer too.
      makeOperation({ date: '2024-02-07', amountMinor: -5_000, transferPeerId: 'peer' }),
      makeOperation({ date: '2024-02-07', amountMinor: 5_000, currency: 'GBP' }),
      makeOperation({ date: '2024-03-07', amountMinor: -5_000, currency: 'GBP' }),
    ];
    expect(monthlyFlows(ops, EUR)).toEqual([
      { month: '2024-01', incomeMinor: 0, spendingMinor: 99 },
      { month: '2024-02', incomeMinor: 250_000, spendingMinor: 2_000 },
    ]);
    expect(monthlyFlows(ops, GBP)).toEqual([
      { month: '2024-02', incomeMinor: 5_000, spendingMinor: 0 },
      { month: '2024-03', incomeMinor: 0, spendingMinor: 5_000 },
    ]);
    expect(monthlyFlows(ops, USD)).toEqual([]);
  });

  it('returns months in order whatever the input order', () => {
    const months = ['2024-05-01', '2023-12-01', '2024-01-01', '2024-05-02', '2022-07-01'];
    const flows = monthlyFlows(
      months.map((date) => makeOperation({ date, amountMinor: -1 })),
      EUR,
    );
    expect(flows.map((flow) => flow.month)).toEqual(['2022-07', '2023-12', '2024-01', '2024-05']);
    expect(flows.at(-1)?.spendingMinor).toBe(minor(2));
  });
});
