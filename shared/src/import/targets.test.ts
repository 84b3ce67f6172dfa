import { describe, expect, it } from 'vitest';
import { isoDate } from '../ledger/dates.ts';
import { accountId, importBatchId } from '../ledger/ids.ts';
import { currency } from '../money/currency.ts';
import { minor } from '../money/money.ts';
import { makeAccount } from '../testing/fixtures.ts';
import type { ImportBatch } from './batch.ts';
import { matchAccount, planTargets, proposeAccount } from './targets.ts';
import type { ParsedStatement, StatementOperation } from './statement.ts';

const EUR = currency('EUR');
const op = (date: string, amount: number, label: string): StatementOperation => ({
  date: isoDate(date),
  valueDate: null,
  amountMinor: minor(amount),
  currency: EUR,
  label,
  externalId: null,
  line: 1,
});
const statement = (id: string | null, operations: StatementOperation[] = []): ParsedStatement => ({
  account: { id, currency: EUR },
  operations,
  balances: [],
});
const batch = (account: string, statementAccountId: string, createdAt: number): ImportBatch => ({
  id: importBatchId(`b-${account}-${createdAt}`),
  accountId: accountId(account),
  fileName: 'f.ofx',
  format: 'ofx',
  bank: null,
  statementAccountId,
  addedIds: [],
  merged: [],
  duplicates: 0,
  csvMapping: null,
  createdAt,
  undoneAt: null,
});

describe('matchAccount', () => {
  const courant = makeAccount({ id: accountId('courant'), currency: EUR });
  const livret = makeAccount({ id: accountId('livret'), currency: EUR });
  const usd = makeAccount({ id: accountId('usd'), currency: currency('USD') });

  it('sends a file to the account its account number went to last time, spaces aside', () => {
    const batches = [batch('livret', 'FR76 3000 1', 1), batch('courant', 'FR7630001', 2)];
    expect(matchAccount(statement('fr76 30001'), [courant, livret], batches)).toEqual({
      accountId: 'courant',
      matchedBy: 'statement_id',
    });
  });

  it('picks the only open account in the currency, and nothing when there is a choice', () => {
    expect(matchAccount(statement('X'), [courant, usd], [])).toEqual({
      accountId: 'courant',
      matchedBy: 'only_account',
    });
    expect(matchAccount(statement(null), [courant, livret], [])).toEqual({
      accountId: null,
      matchedBy: null,
    });
    const archived = { ...livret, archived: true };
    expect(matchAccount(statement(null), [courant, archived], []).accountId).toBe('courant');
  });
});

describe('proposeAccount', () => {
  it('works the opening balance back from the closing one', () => {
    const s: ParsedStatement = {
      ...statement('FR7630001000123', [op('2024-03-05', -500, 'A'), op('2024-03-02', 2000, 'B')]),
      balances: [{ kind: 'closing', date: isoDate('2024-03-31'), amountMinor: minor(10_000) }],
    };
    expect(proposeAccount(s, 'Boursorama', EUR)).toMatchObject({
      name: 'Boursorama …0123',
      currency: 'EUR',
      openingBalanceMinor: 8_500,
      openingDate: '2024-03-02',
    });
  });
});

describe('planTargets', () => {
  it('does not add twice what two overlapping files of one import both hold', () => {
    const a = statement(null, [op('2024-03-01', -100, 'A'), op('2024-03-02', -200, 'B')]);
    const b = statement(null, [op('2024-03-02', -200, 'B'), op('2024-03-03', -300, 'C')]);
    const plans = planTargets(
      [
        { statement: a, accountId: accountId('courant') },
        { statement: b, accountId: accountId('courant') },
        { statement: b, accountId: null },
      ],
      () => [],
    );
    expect(plans[0]?.counts.new).toBe(2);
    expect(plans[1]?.rows.map((r) => r.status)).toEqual(['duplicate', 'new']);
    expect(plans[2]).toBeNull();
  });
});
