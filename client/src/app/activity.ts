import {
  minor,
  type Account,
  type AccountId,
  type CurrencyCode,
  type MinorUnits,
  type MonthlyFlow,
  type Operation,
  type YearMonth,
} from '@tirelire/shared';

/**
 * What the Activity screen plots, computed once per ledger change. Everything here is exact
 * integer minor units; only the chart components turn amounts into pixel positions.
 *
 * Cost at 100k operations: two passes over the operations, a few milliseconds; choosing a
 * period only slices the result.
 */

/** How far back the charts look: the last 12 or 24 months, or everything. */
export const PERIODS = ['12', '24', 'all'] as const;
export type Period = (typeof PERIODS)[number];

export interface AccountBalanceLine {
  readonly account: Account;
  /** One value per month of `months`; null before the account existed. */
  readonly balances: readonly (MinorUnits | null)[];
}

/** End-of-month balances of every account in one currency, and their total. */
export interface CurrencyBalanceHistory {
  readonly currency: CurrencyCode;
  readonly months: readonly YearMonth[];
  readonly accounts: readonly AccountBalanceLine[];
  readonly total: readonly MinorUnits[];
}

/** Income and spending of every month from the first with money moving to the last, zeros included. */
export interface CurrencyFlowHistory {
  readonly currency: CurrencyCode;
  readonly flows: readonly MonthlyFlow[];
}

/**
 * The balance and flow histories of the whole ledger, in two passes over the operations.
 *
 * Why not call `monthlyBalanceSeries` per account and `monthlyFlows` per currency: they key
 * months by string in Maps, which costs ~80 ms at 100k operations; month numbers read from the
 * date's digits into typed arrays cost a few ms. activity.test.ts checks both give the same result.
 *
 * The chart runs to the current month (`today`), or later when operations are dated in the future
 * (scheduled payments), so those are never silently cut off.
 */
export function activityHistory(
  accounts: readonly Account[],
  operationsByAccount: ReadonlyMap<AccountId, readonly Operation[]>,
  today: YearMonth,
): ActivityHistory {
  let first = monthNumber(today);
  let last = first;
  const starts = accounts.map((account) => {
    let start = monthNumber(account.openingDate);
    for (const operation of operationsByAccount.get(account.id) ?? []) {
      const month = monthNumber(operation.date);
      if (month < start) start = month;
      if (month > last) last = month;
    }
    if (start < first) first = start;
    return start;
  });
  const length = last - first + 1;

  const byCurrency = new Map<CurrencyCode, CurrencyTally>();
  const lines = accounts.map((account, index) => {
    let tally = byCurrency.get(account.currency);
    if (!tally) {
      tally = {
        start: Infinity,
        flowStart: Infinity,
        income: new Float64Array(length),
        spending: new Float64Array(length),
        total: new Float64Array(length),
      };
      byCurrency.set(account.currency, tally);
    }
    // Sums of safe integers stay exact in a float64 while below 2^53 (see shared/money).
    const movements = new Float64Array(length);
    for (const operation of operationsByAccount.get(account.id) ?? []) {
      const month = monthNumber(operation.date) - first;
      addAt(movements, month, operation.amountMinor);
      // Transfers between own accounts are neither income nor spending (as in monthlyFlows).
      // An operation is in its account's currency: parseSnapshot and the store enforce it.
      if (operation.origin === 'transfer') continue;
      if (month < tally.flowStart) tally.flowStart = month;
      if (operation.amountMinor >= 0) addAt(tally.income, month, operation.amountMinor);
      else addAt(tally.spending, month, 0 - operation.amountMinor);
    }
    const start = (starts[index] ?? first) - first;
    if (start < tally.start) tally.start = start;
    const balances: (MinorUnits | null)[] = new Array<MinorUnits | null>(length).fill(null);
    let running: number = account.openingBalanceMinor;
    for (let month = start; month < length; month += 1) {
      running += movements[month] ?? 0;
      balances[month] = minor(running);
      addAt(tally.total, month, running);
    }
    return { account, balances };
  });

  const months = Array.from({ length }, (_, index) => monthName(first + index));
  const balances: CurrencyBalanceHistory[] = [];
  const flows: CurrencyFlowHistory[] = [];
  for (const [currency, tally] of byCurrency) {
    const start = tally.start;
    balances.push({
      currency,
      months: months.slice(start),
      accounts: lines
        .filter((line) => line.account.currency === currency)
        .map((line) => ({ account: line.account, balances: line.balances.slice(start) })),
      total: Array.from(tally.total.subarray(start), (value) => minor(value)),
    });
    if (tally.flowStart === Infinity) continue;
    flows.push({
      currency,
      flows: months.slice(tally.flowStart).map((month, index) => ({
        month,
        incomeMinor: minor(tally.income[tally.flowStart + index] ?? 0),
        spendingMinor: minor(tally.spending[tally.flowStart + index] ?? 0),
      })),
    });
  }
  return { to: monthName(last), balances, flows };
}

export interface ActivityHistory {
  /** The last month plotted. */
  readonly to: YearMonth;
  /** One entry per currency, in the order their first account appears. */
  readonly balances: readonly CurrencyBalanceHistory[];
  /** Currencies with at least one income or spending; transfers alone do not count. */
  readonly flows: readonly CurrencyFlowHistory[];
}

interface CurrencyTally {
  /** Index of the first month any account of this currency existed. */
  start: number;
  /** Index of the first month with income or spending. */
  flowStart: number;
  readonly income: Float64Array;
  readonly spending: Float64Array;
  readonly total: Float64Array;
}

function addAt(sums: Float64Array, index: number, value: number): void {
  sums[index] = (sums[index] ?? 0) + value;
}

/** Months since year 0 (year × 12 + month − 1), read from "YYYY-MM…" without allocating. */
export function monthNumber(date: string): number {
  const digit = (at: number) => date.charCodeAt(at) - 48;
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  return year * 12 + digit(5) * 10 + digit(6) - 1;
}

export function monthName(value: number): YearMonth {
  const year = Math.floor(value / 12);
  const month = (value % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Index of the first month shown for a period, out of `length` months ending now. */
export function periodStart(length: number, period: Period): number {
  return period === 'all' ? 0 : Math.max(0, length - Number(period));
}

export function balancesInPeriod(
  history: CurrencyBalanceHistory,
  period: Period,
): CurrencyBalanceHistory {
  const start = periodStart(history.months.length, period);
  return {
    currency: history.currency,
    months: history.months.slice(start),
    accounts: history.accounts.map((line) => ({
      account: line.account,
      balances: line.balances.slice(start),
    })),
    total: history.total.slice(start),
  };
}

export function flowsInPeriod(history: CurrencyFlowHistory, period: Period): CurrencyFlowHistory {
  return {
    currency: history.currency,
    flows: history.flows.slice(periodStart(history.flows.length, period)),
  };
}

/** Sums of a period's flows, for the sentence under the bar chart. */
export function flowTotals(flows: readonly MonthlyFlow[]): {
  readonly incomeMinor: MinorUnits;
  readonly spendingMinor: MinorUnits;
  readonly netMinor: MinorUnits;
} {
  let income = 0;
  let spending = 0;
  for (const flow of flows) {
    income += flow.incomeMinor;
    spending += flow.spendingMinor;
  }
  return {
    incomeMinor: minor(income),
    spendingMinor: minor(spending),
    netMinor: minor(income - spending),
  };
}

/** The person's current month on their own calendar (not UTC: on 31 Dec at 23:30 it is still December). */
export function localMonth(epochMs: number): YearMonth {
  const now = new Date(epochMs);
  return `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}
