import { describe, expect, it } from 'vitest';
import { makeAccount, makeOperation } from '../testing/fixtures.ts';
import { accountDraftSchema, accountSchema } from './account.ts';
import { MAX_LABEL_LENGTH, operationDraftSchema, operationSchema } from './operation.ts';

describe('operationSchema', () => {
  const valid = makeOperation({ categoryId: 'groceries', valueDate: '2024-01-16' });

  it('accepts a valid operation unchanged', () => {
    expect(operationSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ['a float amount', { amountMinor: 12.5 }],
    ['an unsafe amount', { amountMinor: 2 ** 53 }],
    ['an amount as a string', { amountMinor: '-1000' }],
    ['an impossible date', { date: '2023-02-29' }],
    ['a bad value date', { valueDate: '2024-13-01' }],
    ['an unknown currency', { currency: 'EURO' }],
    ['an empty label', { label: '   ' }],
    ['a too long label', { label: 'x'.repeat(MAX_LABEL_LENGTH + 1) }],
    ['an unknown origin', { origin: 'magic' }],
    ['an unknown category source', { categorySource: 'guess' }],
    ['a bad id', { id: 'has space' }],
    ['a float timestamp', { createdAt: 1.5 }],
    ['a negative timestamp', { updatedAt: -1 }],
    ['a missing field', { note: undefined }],
  ])('rejects %s', (_, change) => {
    expect(operationSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });

  it('drafts only carry what a person edits', () => {
    const draft = operationDraftSchema.parse(valid);
    expect(Object.keys(draft).sort()).toEqual(
      ['accountId', 'amountMinor', 'categoryId', 'date', 'label', 'note', 'valueDate'].sort(),
    );
  });
});

describe('accountSchema', () => {
  const valid = makeAccount();

  it('accepts a valid account unchanged', () => {
    expect(accountSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ['an empty name', { name: ' ' }],
    ['an unknown type', { type: 'crypto' }],
    ['a float opening balance', { openingBalanceMinor: 0.1 }],
    ['a bad opening date', { openingDate: '2024-02-30' }],
    ['a lowercase currency', { currency: 'eur' }],
  ])('rejects %s', (_, change) => {
    expect(accountSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });

  it('drafts only carry what a person types', () => {
    expect(Object.keys(accountDraftSchema.parse(valid)).sort()).toEqual(
      ['currency', 'institution', 'name', 'openingBalanceMinor', 'openingDate', 'type'].sort(),
    );
  });
});
