import { describe, expect, it } from 'vitest';
import {
  accountId,
  currency,
  isoDate,
  minor,
  type Account,
  type AccountType,
} from '@tirelire/shared';
import { overviewOf } from './account-groups.ts';

function account(id: string, code: string, type: AccountType, archived = false): Account {
  return {
    id: accountId(id.replace(/\W/g, '-')),
    name: id,
    institution: '',
    type,
    currency: currency(code),
    openingBalanceMinor: minor(0),
    openingDate: isoDate('2024-01-01'),
    archived,
    createdAt: 0,
    updatedAt: 0,
  };
}

const accounts = [
  account('Zeta savings', 'EUR', 'savings'),
  account('UK', 'GBP', 'checking'),
  account('alpha', 'EUR', 'checking'),
  account('Beta', 'EUR', 'checking'),
  account('Old', 'EUR', 'checking', true),
];
const balances = new Map([
  [accountId('Zeta-savings'), minor(500_00)],
  [accountId('UK'), minor(-12_34)],
  [accountId('alpha'), minor(10_01)],
  [accountId('Beta'), minor(-1)],
  [accountId('Old'), minor(1_000_000)],
]);

describe('overviewOf', () => {
  it('groups by currency with one total each, never adding currencies or archived accounts', () => {
    const { groups, archived } = overviewOf(accounts, balances, 'en-GB');
    expect(groups.map((group) => [group.currency, group.total])).toEqual([
      ['EUR', 510_00],
      ['GBP', -12_34],
    ]);
    expect(archived.map((a) => a.name)).toEqual(['Old']);
  });

  it('orders accounts by type, then by name', () => {
    const { groups } = overviewOf(accounts, balances, 'en-GB');
    expect(groups[0]!.accounts.map((a) => a.name)).toEqual(['alpha', 'Beta', 'Zeta savings']);
  });

  it('leaves a total unknown while one of its balances is', () => {
    const partial = new Map(balances);
    partial.delete(accountId('alpha'));
    const { groups } = overviewOf(accounts, partial, 'en-GB');
    expect(groups[0]!.total).toBeNull();
    expect(groups[1]!.total).toBe(-12_34);
  });
});
