/**
 * Builders for tests: a valid account or operation in one line, with only what a test is about
 * spelled out. Not exported from the package.
 */
import type { Account } from '../ledger/account.ts';
import type { Factories } from '../ledger/create.ts';
import { isoDate } from '../ledger/dates.ts';
import { accountId, categoryId, operationId } from '../ledger/ids.ts';
import type { Operation } from '../ledger/operation.ts';
import { currency } from '../money/currency.ts';
import { minor } from '../money/money.ts';

export const EUR = currency('EUR');
export const GBP = currency('GBP');
export const USD = currency('USD');
export const JPY = currency('JPY');
export const BHD = currency('BHD');

export interface AccountSpec extends Partial<
  Omit<Account, 'id' | 'currency' | 'openingBalanceMinor' | 'openingDate'>
> {
  readonly id?: string;
  readonly currency?: string;
  readonly openingBalanceMinor?: number;
  readonly openingDate?: string;
}

export function makeAccount(spec: AccountSpec = {}): Account {
  return {
    name: 'Compte courant',
    institution: 'Banque Exemple',
    type: 'checking',
    archived: false,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...spec,
    id: accountId(spec.id ?? 'acc-1'),
    currency: currency(spec.currency ?? 'EUR'),
    openingBalanceMinor: minor(spec.openingBalanceMinor ?? 0),
    openingDate: isoDate(spec.openingDate ?? '2024-01-01'),
  };
}

export interface OperationSpec extends Partial<
  Omit<
    Operation,
    | 'id'
    | 'accountId'
    | 'date'
    | 'valueDate'
    | 'amountMinor'
    | 'currency'
    | 'categoryId'
    | 'transferPeerId'
  >
> {
  readonly id?: string;
  readonly accountId?: string;
  readonly date?: string;
  readonly valueDate?: string | null;
  readonly amountMinor?: number;
  readonly currency?: string;
  readonly categoryId?: string | null;
  readonly transferPeerId?: string | null;
}

let nextOperation = 0;

export function makeOperation(spec: OperationSpec = {}): Operation {
  nextOperation += 1;
  const label = spec.label ?? 'CB MONOP PARIS';
  return {
    rawLabel: label,
    label,
    categorySource: spec.categoryId ? 'user' : null,
    note: '',
    origin: 'import',
    externalId: null,
    importBatchId: null,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...spec,
    id: operationId(spec.id ?? `op-${nextOperation}`),
    accountId: accountId(spec.accountId ?? 'acc-1'),
    date: isoDate(spec.date ?? '2024-01-15'),
    valueDate: spec.valueDate ? isoDate(spec.valueDate) : null,
    amountMinor: minor(spec.amountMinor ?? -1000),
    currency: currency(spec.currency ?? 'EUR'),
    categoryId: spec.categoryId ? categoryId(spec.categoryId) : null,
    transferPeerId: spec.transferPeerId ? operationId(spec.transferPeerId) : null,
  };
}

/** A clock stuck at `now` and ids "id-1", "id-2"… */
export function testFactories(now = 1_700_000_000_000): Factories {
  let counter = 0;
  return {
    clock: { now: () => now },
    newId: () => {
      counter += 1;
      return `id-${counter}`;
    },
  };
}
