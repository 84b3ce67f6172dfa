import { accountId, categoryId, currency, minor, ruleId, type Rule } from '@tirelire/shared';
import { describe, expect, it } from 'vitest';
import { testAccount } from '../testing/operations.ts';
import { rulesMessages } from './messages.ts';
import { ruleConditions } from './rule-summary.ts';

const rule = (change: Partial<Rule>): Rule => ({
  id: ruleId('r_1'),
  name: 'Test',
  categoryId: categoryId('groceries'),
  labelContains: null,
  labelPattern: null,
  amountMinMinor: null,
  amountMaxMinor: null,
  accountId: null,
  enabled: true,
  createdAt: 0,
  updatedAt: 0,
  ...change,
});
const accounts = new Map([[accountId('joint'), testAccount('joint', 'EUR', 'Joint')]]);
const EUR = currency('EUR');

describe('ruleConditions', () => {
  it('puts every condition into words', () => {
    const all = rule({
      labelContains: 'monop',
      labelPattern: '^CB ',
      amountMinMinor: minor(-5000),
      amountMaxMinor: minor(-1000),
      accountId: accountId('joint'),
    });
    expect(ruleConditions(all, accounts, EUR, 'en', rulesMessages.en)).toEqual([
      'label contains “monop”',
      'label matches /^CB /',
      'amount from -€50.00 to -€10.00',
      'account Joint',
    ]);
  });

  it('says “at least” or “at most” for one bound, and names a deleted account', () => {
    const t = rulesMessages.en;
    expect(ruleConditions(rule({ amountMinMinor: minor(100) }), accounts, EUR, 'en', t)).toEqual([
      'amount of at least +€1.00',
    ]);
    expect(ruleConditions(rule({ amountMaxMinor: minor(0) }), accounts, EUR, 'en', t)).toEqual([
      'amount of at most €0.00',
    ]);
    expect(ruleConditions(rule({ accountId: accountId('gone') }), accounts, EUR, 'en', t)).toEqual([
      'account deleted account',
    ]);
  });
});
