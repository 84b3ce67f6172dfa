import { describe, expect, it } from 'vitest';
import { accountId, currency, isoDate, minor, type Account } from '@tirelire/shared';
import { accountDraftOf, accountFields, OTHER_CURRENCY } from './account-form.ts';

const today = isoDate('2025-03-17');
const blank = accountFields(null, today, 'fr', 'EUR');

describe('accountDraftOf', () => {
  it('builds a draft, reading the opening balance in the chosen currency and language', () => {
    const result = accountDraftOf(
      { ...blank, name: ' Livret A ', type: 'savings', openingBalance: '1 234,56' },
      'fr',
    );
    expect(result).toEqual({
      ok: true,
      draft: {
        name: 'Livret A',
        institution: '',
        type: 'savings',
        currency: 'EUR',
        openingBalanceMinor: 123456,
        openingDate: today,
      },
    });
  });

  it('takes an empty opening balance as zero', () => {
    const result = accountDraftOf({ ...blank, name: 'Cash' }, 'fr');
    expect(result.ok && result.draft.openingBalanceMinor).toBe(0);
  });

  it('accepts any ISO 4217 code typed in, in any case', () => {
    const fields = {
      ...blank,
      name: 'Swedish',
      currencyChoice: OTHER_CURRENCY,
      currencyCode: 'sek',
    };
    const result = accountDraftOf(fields, 'en');
    expect(result.ok && result.draft.currency).toBe('SEK');
  });

  it('follows the currency exponent (no decimals in JPY)', () => {
    const yen = { ...blank, name: 'Yen', currencyChoice: 'JPY', openingBalance: '1.5' };
    expect(accountDraftOf(yen, 'en')).toEqual({
      ok: false,
      errors: { openingBalance: 'too_precise' },
    });
    expect(accountDraftOf({ ...yen, openingBalance: '1500' }, 'en')).toMatchObject({
      ok: true,
      draft: { openingBalanceMinor: 1500 },
    });
  });

  it('says what to fix', () => {
    const result = accountDraftOf(
      {
        ...blank,
        name: '',
        currencyChoice: OTHER_CURRENCY,
        currencyCode: 'XYZ',
        openingDate: '',
      },
      'en',
    );
    expect(result).toEqual({
      ok: false,
      errors: { name: 'required', currency: 'invalid_currency', openingDate: 'required' },
    });
  });

  it('round-trips an existing account, including a rare currency and a debt', () => {
    const account: Account = {
      id: accountId('a'),
      name: 'Loan',
      institution: 'Bank',
      type: 'loan',
      currency: currency('BHD'),
      openingBalanceMinor: minor(-1_234_567),
      openingDate: isoDate('2020-02-29'),
      archived: false,
      createdAt: 0,
      updatedAt: 0,
    };
    for (const language of ['en', 'fr'] as const) {
      const fields = accountFields(account, today, language, 'EUR');
      expect(fields.currencyChoice).toBe(OTHER_CURRENCY);
      expect(accountDraftOf(fields, language)).toEqual({
        ok: true,
        draft: {
          name: 'Loan',
          institution: 'Bank',
          type: 'loan',
          currency: 'BHD',
          openingBalanceMinor: -1_234_567,
          openingDate: '2020-02-29',
        },
      });
    }
  });
});
