import type { CurrencyCode } from '../money/currency.ts';
import { addMinor, minor, ZERO, type Money, type MinorUnits } from '../money/money.ts';
import type { Account } from './account.ts';
import { monthsBetween, yearMonth, type YearMonth } from './dates.ts';
import type { AccountId, OperationId } from './ids.ts';
import type { Operation } from './operation.ts';

/**
 * The one order in which operations affect a balance: by day, then by when they were recorded,
 * then by id so that two devices always agree on the running balance.
 */
export function compareChronologically(a: Operation, b: Operation): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function accountBalance(account: Account, operations: Iterable<Operation>): MinorUnits {
  let total = account.openingBalanceMinor;
  for (const operation of operations) {
    if (operation.accountId === account.id) total = addMinor(total, operation.amountMinor);
  }
  return total;
}

/** Balance of every account, in one pass over all operations. */
export function accountBalances(
  accounts: readonly Account[],
  operations: Iterable<Operation>,
): Map<AccountId, MinorUnits> {
  const totals = new Map<AccountId, MinorUnits>(accounts.map((a) => [a.id, a.openingBalanceMinor]));
  for (const operation of operations) {
    const current = totals.get(operation.accountId);
    if (current !== undefined)
      totals.set(operation.accountId, addMinor(current, operation.amountMinor));
  }
  return totals;
}

/** The balance right after each operation of one account, whatever order the list is shown in. */
export function runningBalances(
  account: Account,
  operations: readonly Operation[],
): Map<OperationId, MinorUnits> {
  const ordered = operations
    .filter((operation) => operation.accountId === account.id)
    .sort(compareChronologically);
  const balances = new Map<OperationId, MinorUnits>();
  let total = account.openingBalanceMinor;
  for (const operation of ordered) {
    total = addMinor(total, operation.amountMinor);
    balances.set(operation.id, total);
  }
  return balances;
}

/** Sums money per currency: amounts in different currencies are never added together. */
export function totalsByCurrency(amounts: Iterable<Money>): Map<CurrencyCode, MinorUnits> {
  const totals = new Map<CurrencyCode, MinorUnits>();
  for (const { amountMinor, currency } of amounts) {
    totals.set(currency, addMinor(totals.get(currency) ?? ZERO, amountMinor));
  }
  return totals;
}

export interface BalancePoint {
  readonly month: YearMonth;
  /** Balance at the end of that month. */
  readonly balanceMinor: MinorUnits;
}

/**
 * End-of-month balances of one account, from its opening month (or the month of an earlier
 * operation) to `to`. Months without operations carry the balance over; later operations are
 * left out.
 */
export function monthlyBalanceSeries(
  account: Account,
  operations: readonly Operation[],
  to: YearMonth,
): BalancePoint[] {
  const movements = new Map<YearMonth, MinorUnits>();
  let first: YearMonth = yearMonth(account.openingDate);
  for (const operation of operations) {
    if (operation.accountId !== account.id) continue;
    const month = yearMonth(operation.date);
    if (month < first) first = month;
    movements.set(month, addMinor(movements.get(month) ?? ZERO, operation.amountMinor));
  }
  let total = account.openingBalanceMinor;
  return monthsBetween(first, to).map((month) => {
    total = addMinor(total, movements.get(month) ?? ZERO);
    return { month, balanceMinor: total };
  });
}

export interface MonthlyFlow {
  readonly month: YearMonth;
  readonly incomeMinor: MinorUnits;
  /** Positive number: how much went out. */
  readonly spendingMinor: MinorUnits;
}

/**
 * Money in and out per month, in one currency. Transfers between own accounts are neither income
 * nor spending, so they are left out: those created as transfers and imported operations linked
 * to their other half alike.
 */
export function monthlyFlows(
  operations: Iterable<Operation>,
  currency: CurrencyCode,
): MonthlyFlow[] {
  const flows = new Map<YearMonth, { income: MinorUnits; spending: MinorUnits }>();
  for (const operation of operations) {
    if (operation.currency !== currency) continue;
    if (operation.origin === 'transfer' || operation.transferPeerId !== null) continue;
    const month = yearMonth(operation.date);
    const flow = flows.get(month) ?? { income: ZERO, spending: ZERO };
    if (operation.amountMinor >= 0) flow.income = addMinor(flow.income, operation.amountMinor);
    else flow.spending = addMinor(flow.spending, minor(0 - operation.amountMinor));
    flows.set(month, flow);
  }
  return [...flows]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, flow]) => ({
      month,
      incomeMinor: flow.income,
      spendingMinor: flow.spending,
    }));
}
