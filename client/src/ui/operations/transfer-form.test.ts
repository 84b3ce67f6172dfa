import { describe, expect, it } from 'vitest';
import { accountId, currency, isoDate, minor, type Account } from '@tirelire/shared';
import { transferDraftOf, transferFields, isCrossCurrency } from './transfer-form.ts';

function account(id: string, code = 'EUR', archived = false): Account {
  return {
    id: accountId(id),
    name: id,
    institution: '',
    type: 'checking',
    currency: currency(code),
    openingBalanceMinor: minor(0),
    openingDate: isoDate('2024-01-01'),
    archived,
    createdAt: 0,
    updatedAt: 0,
  };
}

const checking = account('checking');
const oldOne = account('old', 'EUR', true);
const savings = account('savings');
const pounds = account('pounds', 'GBP');
const accounts = [checking, oldOne, savings, pounds];
const today = isoDate('2025-03-17');

describe('transferFields', () => {
  it('goes from the current account to the first other open account', () => {
    expect(transferFields(checking, accounts, today, 'Transfer')).toMatchObject({
      fromId: 'checking',
      toId: 'savings',
      date: today,
      label: 'Transfer',
    });
  });
});

describe('transferDraftOf', () => {
  const fields = { ...transferFields(checking, accounts, today, 'Transfer'), amount: '100,50' };

  it('builds a same-currency transfer', () => {
    expect(transferDraftOf(fields, accounts, 'fr')).toEqual({
      ok: true,
      draft: {
        from: checking,
        to: savings,
        date: today,
        amountMinor: 10050,
        receivedMinor: undefined,
        label: 'Transfer',
        note: '',
      },
    });
  });

  it('asks for the received amount when currencies differ', () => {
    expect(isCrossCurrency(checking, pounds)).toBe(true);
    const missing = transferDraftOf({ ...fields, toId: 'pounds' }, accounts, 'fr');
    expect(missing).toEqual({ ok: false, errors: { received: 'required' } });
    const given = transferDraftOf({ ...fields, toId: 'pounds', received: '85' }, accounts, 'fr');
    expect(given.ok && given.draft.receivedMinor).toBe(8500);
  });

  it('refuses the same account, zero or negative amounts, and an empty label', () => {
    expect(
      transferDraftOf({ ...fields, toId: 'checking', amount: '-5', label: ' ' }, accounts, 'en'),
    ).toEqual({
      ok: false,
      errors: { to: 'same_account', amount: 'not_positive', label: 'required' },
    });
    expect(transferDraftOf({ ...fields, amount: '0' }, accounts, 'en')).toEqual({
      ok: false,
      errors: { amount: 'not_positive' },
    });
    expect(transferDraftOf({ ...fields, toId: '' }, accounts, 'en')).toEqual({
      ok: false,
      errors: { to: 'required' },
    });
  });
});
