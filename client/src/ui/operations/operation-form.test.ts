import { describe, expect, it } from 'vitest';
import {
  accountId,
  currency,
  defaultCategories,
  generateDemoLedger,
  isoDate,
  minor,
} from '@tirelire/shared';
import { operationDraftOf, operationFields, type OperationFields } from './operation-form.ts';

const categories = defaultCategories(0);
const target = { accountId: accountId('acc-1'), currency: currency('EUR') };
const today = isoDate('2025-03-17');
const base: OperationFields = {
  ...operationFields(null, today, 'en'),
  label: 'Bakery',
  amount: '12.50',
};

describe('operationDraftOf', () => {
  it('stores an expense as negative minor units', () => {
    const result = operationDraftOf(base, target, categories, 'en');
    expect(result).toEqual({
      ok: true,
      draft: {
        accountId: target.accountId,
        date: today,
        valueDate: null,
        amountMinor: -1250,
        label: 'Bakery',
        categoryId: null,
        note: '',
      },
    });
  });

  it('stores income as positive, and a typed minus as an expense whatever the switch', () => {
    const income = operationDraftOf({ ...base, direction: 'income' }, target, categories, 'en');
    expect(income.ok && income.draft.amountMinor).toBe(1250);
    const minus = operationDraftOf(
      { ...base, direction: 'income', amount: '-3' },
      target,
      categories,
      'en',
    );
    expect(minus.ok && minus.draft.amountMinor).toBe(-300);
  });

  it('reads French decimals and grouping', () => {
    const result = operationDraftOf({ ...base, amount: '1 234,5' }, target, categories, 'fr');
    expect(result.ok && result.draft.amountMinor).toBe(-123450);
  });

  it('keeps a known category and drops an unknown one', () => {
    const known = operationDraftOf({ ...base, categoryId: 'groceries' }, target, categories, 'en');
    expect(known.ok && known.draft.categoryId).toBe('groceries');
    const unknown = operationDraftOf({ ...base, categoryId: 'nope' }, target, categories, 'en');
    expect(unknown.ok && unknown.draft.categoryId).toBeNull();
  });

  it('says what to fix, field by field', () => {
    const result = operationDraftOf(
      { ...base, date: '', valueDate: '2025-02-30', label: '  ', amount: '12.345' },
      target,
      categories,
      'en',
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        date: 'required',
        valueDate: 'invalid_date',
        label: 'required',
        amount: 'too_precise',
      },
    });
    const empty = operationDraftOf({ ...base, amount: ' ' }, target, categories, 'en');
    expect(empty).toEqual({ ok: false, errors: { amount: 'required' } });
    const words = operationDraftOf({ ...base, amount: 'twelve' }, target, categories, 'en');
    expect(words).toEqual({ ok: false, errors: { amount: 'malformed' } });
  });

  it('round-trips an existing operation unchanged', () => {
    const demo = generateDemoLedger({
      seed: 3,
      until: today,
      years: 1,
      targetOperations: 200,
      accountCount: 1,
      now: 0,
    });
    for (const operation of demo.operations.slice(0, 50)) {
      for (const language of ['en', 'fr'] as const) {
        const fields = operationFields(operation, today, language);
        const result = operationDraftOf(
          fields,
          { accountId: operation.accountId, currency: operation.currency },
          demo.categories,
          language,
        );
        expect(result).toEqual({
          ok: true,
          draft: {
            accountId: operation.accountId,
            date: operation.date,
            valueDate: operation.valueDate,
            amountMinor: operation.amountMinor,
            label: operation.label,
            categoryId: operation.categoryId,
            note: operation.note,
          },
        });
      }
    }
  });

  it('keeps zero as zero (imported information lines)', () => {
    const zero = operationFields(
      {
        ...generateDemoLedger({
          seed: 1,
          until: today,
          years: 1,
          targetOperations: 10,
          accountCount: 1,
          now: 0,
        }).operations[0]!,
        amountMinor: minor(0),
      },
      today,
      'en',
    );
    const result = operationDraftOf(zero, target, categories, 'en');
    expect(result.ok && Object.is(result.draft.amountMinor, 0)).toBe(true);
  });
});
