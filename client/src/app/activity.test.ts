import {
  accountId,
  currency,
  generateDemoLedger,
  isoDate,
  minor,
  monthlyBalanceSeries,
  monthlyFlows,
  operationId,
  type Account,
  type AccountId,
  type Operation,
  type OperationOrigin,
} from '@tirelire/shared';
import { describe, expect, it } from 'vitest';
import {
  activityHistory,
  balancesInPeriod,
  flowTotals,
  flowsInPeriod,
  localMonth,
  monthName,
  monthNumber,
  periodStart,
} from './activity.ts';

const EUR = currency('EUR');
const GBP = currency('GBP');

function account(id: string, openingDate: string, opening = 0, code = EUR): Account {
  return {
    id: accountId(id),
    name: id,
    institution: '',
    type: 'checking',
    currency: code,
    openingBalanceMinor: minor(opening),
    openingDate: isoDate(openingDate),
    archived: false,
    createdAt: 0,
    updatedAt: 0,
  };
}

let sequence = 0;
function operation(
  owner: Account,
  date: string,
  amount: number,
  origin: OperationOrigin = 'manual',
): Operation {
  sequence += 1;
  return {
    id: operationId(`op-${sequence}`),
    accountId: owner.id,
    date: isoDate(date),
    valueDate: null,
    amountMinor: minor(amount),
    currency: owner.currency,
    rawLabel: 'x',
    label: 'x',
    categoryId: null,
    categorySource: null,
    note: '',
    origin,
    externalId: null,
    importBatchId: null,
    transferPeerId: null,
    createdAt: sequence,
    updatedAt: sequence,
  };
}

function group(operations: readonly Operation[]): Map<AccountId, Operation[]> {
  const grouped = new Map<AccountId, Operation[]>();
  for (const op of operations) {
    const list = grouped.get(op.accountId);
    if (list) list.push(op);
    else grouped.set(op.accountId, [op]);
  }
  return grouped;
}

describe('activityHistory balances', () => {
  const main = account('main', '2024-01-10', 1000);
  const savings = account('savings', '2024-03-01', 500);
  const uk = account('uk', '2024-02-01', 0, GBP);
  const operations = [
    operation(main, '2024-01-15', -200),
    operation(main, '2024-03-02', 300),
    operation(savings, '2024-04-01', 50),
    operation(uk, '2024-02-02', 70),
  ];

  it('aligns accounts on shared months, null before an account exists, and totals per currency', () => {
    const history = activityHistory([main, savings, uk], group(operations), '2024-04');
    const [eur, gbp] = history.balances;
    expect(history.to).toBe('2024-04');
    expect(eur?.currency).toBe(EUR);
    expect(eur?.months).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(eur?.accounts.map((line) => line.balances)).toEqual([
      [800, 800, 1100, 1100],
      [null, null, 500, 550],
    ]);
    expect(eur?.total).toEqual([800, 800, 1600, 1650]);
    // Amounts in different currencies are never added together.
    expect(gbp?.months).toEqual(['2024-02', '2024-03', '2024-04']);
    expect(gbp?.total).toEqual([70, 70, 70]);
  });

  it('keeps a period as the last N months', () => {
    const [eur] = activityHistory([main, savings], group(operations), '2025-06').balances;
    expect(eur?.months).toHaveLength(18);
    const lastYear = balancesInPeriod(eur!, '12');
    expect(lastYear.months[0]).toBe('2024-07');
    expect(lastYear.accounts[1]?.balances).toHaveLength(12);
    expect(periodStart(30, '24')).toBe(6);
    expect(periodStart(30, 'all')).toBe(0);
  });

  it('extends to operations dated in the future', () => {
    const later = [operation(main, '2024-07-01', 1)];
    expect(activityHistory([main], group(later), '2024-05').to).toBe('2024-07');
    expect(activityHistory([main], group(later), '2024-09').to).toBe('2024-09');
  });

  it('starts an account at an operation older than its opening date', () => {
    const early = [operation(main, '2023-11-20', -5)];
    const [eur] = activityHistory([main], group(early), '2024-01').balances;
    expect(eur?.months).toEqual(['2023-11', '2023-12', '2024-01']);
    expect(eur?.total).toEqual([995, 995, 995]);
  });
});

describe('activityHistory flows', () => {
  const main = account('main', '2024-01-01');
  const savings = account('savings', '2024-01-01');
  it('fills quiet months with zeros and ignores transfers between own accounts', () => {
    const operations = [
      operation(main, '2024-01-05', 2000),
      operation(main, '2024-01-06', -500),
      operation(main, '2024-03-06', -100),
      operation(main, '2024-03-29', -1000, 'transfer'),
      operation(savings, '2024-03-29', 1000, 'transfer'),
    ];
    const [eur] = activityHistory([main, savings], group(operations), '2024-04').flows;
    expect(eur?.flows).toEqual([
      { month: '2024-01', incomeMinor: 2000, spendingMinor: 500 },
      { month: '2024-02', incomeMinor: 0, spendingMinor: 0 },
      { month: '2024-03', incomeMinor: 0, spendingMinor: 100 },
      { month: '2024-04', incomeMinor: 0, spendingMinor: 0 },
    ]);
    expect(flowsInPeriod(eur!, '12').flows).toHaveLength(4);
    expect(flowTotals(eur!.flows)).toEqual({
      incomeMinor: 2000,
      spendingMinor: 600,
      netMinor: 1400,
    });
  });

  it('leaves out currencies with no money moving', () => {
    expect(activityHistory([main], new Map(), '2024-04').flows).toEqual([]);
  });
});

describe('month numbers', () => {
  it('reads the current month on the local calendar', () => {
    expect(localMonth(new Date(2024, 11, 31, 23, 30).getTime())).toBe('2024-12');
    expect(localMonth(new Date(2025, 0, 1, 0, 5).getTime())).toBe('2025-01');
  });

  it('round-trip through names', () => {
    expect(monthName(monthNumber('2024-01-31'))).toBe('2024-01');
    expect(monthName(monthNumber('1999-12'))).toBe('1999-12');
    expect(monthNumber('2024-02') - monthNumber('2023-12-05')).toBe(2);
  });
});

describe('at 100k operations', () => {
  const demo = generateDemoLedger({
    seed: 7,
    until: isoDate('2025-06-30'),
    years: 10,
    targetOperations: 100_000,
    accountCount: 4,
    now: 0,
  });
  const grouped = group(demo.operations);

  it('agrees with monthlyBalanceSeries and monthlyFlows from shared/', () => {
    const history = activityHistory(demo.accounts, grouped, '2025-06');
    for (const line of history.balances.flatMap((currency) => currency.accounts)) {
      const expected = monthlyBalanceSeries(line.account, grouped.get(line.account.id)!, '2025-06');
      expect(line.balances.filter((value) => value !== null)).toEqual(
        expected.map((point) => point.balanceMinor),
      );
    }
    for (const { currency: code, flows } of history.flows) {
      const expected = monthlyFlows(demo.operations, code).filter(
        (flow) => flow.incomeMinor !== 0 || flow.spendingMinor !== 0,
      );
      expect(flows.filter((flow) => flow.incomeMinor !== 0 || flow.spendingMinor !== 0)).toEqual(
        expected,
      );
    }
  });

  it('computes both histories in well under a frame budget', () => {
    activityHistory(demo.accounts, grouped, '2025-06'); // warm up, as the app does on first paint
    const started = performance.now();
    const history = activityHistory(demo.accounts, grouped, '2025-06');
    const elapsed = performance.now() - started;
    expect(history.balances.map((currency) => currency.currency)).toEqual([EUR, GBP]);
    // Generous bound so a slow CI machine does not flake; typically under 10 ms.
    expect(elapsed).toBeLessThan(100);
  });
});
