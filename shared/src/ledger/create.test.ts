import { describe, expect, it } from 'vitest';
import { makeAccount, makeOperation, testFactories } from '../testing/fixtures.ts';
import { currency } from '../money/currency.ts';
import { minor } from '../money/money.ts';
import { accountSchema } from './account.ts';
import { createAccount, createManualOperation, createTransfer, editOperation } from './create.ts';
import { isoDate } from './dates.ts';
import { accountId, categoryId } from './ids.ts';
import { operationSchema, type OperationDraft } from './operation.ts';

const NOW = 1_717_171_717_000;
const checking = makeAccount({ id: 'checking', openingBalanceMinor: 1_000 });
const livret = makeAccount({ id: 'livret', type: 'savings' });
const uk = makeAccount({ id: 'uk', currency: 'GBP' });

describe('createAccount', () => {
  it('fills id, archived and timestamps from the factories', () => {
    const account = createAccount(
      {
        name: 'Livret A',
        institution: 'Banque',
        type: 'savings',
        currency: currency('EUR'),
        openingBalanceMinor: minor(12_345),
        openingDate: isoDate('2024-01-01'),
      },
      testFactories(NOW),
    );
    expect(account).toEqual({
      id: 'id-1',
      name: 'Livret A',
      institution: 'Banque',
      type: 'savings',
      currency: 'EUR',
      openingBalanceMinor: 12_345,
      openingDate: '2024-01-01',
      archived: false,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(accountSchema.safeParse(account).success).toBe(true);
  });
});

describe('createManualOperation', () => {
  const draft: OperationDraft = {
    accountId: accountId('checking'),
    date: isoDate('2024-03-05'),
    valueDate: null,
    amountMinor: minor(-1_250),
    label: 'Boulangerie',
    categoryId: categoryId('groceries'),
    note: 'croissants',
  };

  it('builds a valid manual operation in the account currency', () => {
    const operation = createManualOperation(draft, checking, testFactories(NOW));
    expect(operation).toEqual({
      ...draft,
      id: 'id-1',
      currency: 'EUR',
      rawLabel: 'Boulangerie',
      categorySource: 'user',
      origin: 'manual',
      externalId: null,
      importBatchId: null,
      transferPeerId: null,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(operationSchema.safeParse(operation).success).toBe(true);
  });

  it('leaves the category source empty without a category', () => {
    const operation = createManualOperation(
      { ...draft, categoryId: null },
      checking,
      testFactories(NOW),
    );
    expect(operation.categoryId).toBeNull();
    expect(operation.categorySource).toBeNull();
  });

  it('takes the currency of the account', () => {
    const operation = createManualOperation(
      { ...draft, accountId: accountId('uk') },
      uk,
      testFactories(NOW),
    );
    expect(operation.currency).toBe('GBP');
  });

  it('refuses an account other than the draft one', () => {
    expect(() => createManualOperation(draft, uk, testFactories(NOW))).toThrow(RangeError);
  });
});

describe('editOperation', () => {
  const clock = { now: () => NOW };
  const suggested = makeOperation({
    id: 'op',
    accountId: 'checking',
    label: 'CB MONOP',
    rawLabel: 'CB MONOP 12/03 PARIS',
    categoryId: 'groceries',
    categorySource: 'model',
    createdAt: 1,
    updatedAt: 1,
  });
  const draftOf = (changes: Partial<OperationDraft> = {}): OperationDraft => ({
    accountId: suggested.accountId,
    date: suggested.date,
    valueDate: suggested.valueDate,
    amountMinor: suggested.amountMinor,
    label: suggested.label,
    categoryId: suggested.categoryId,
    note: suggested.note,
    ...changes,
  });

  it('applies the edit, keeps the raw label and the rest, and stamps updatedAt', () => {
    const edited = editOperation(suggested, draftOf({ label: 'Monoprix', note: 'pain' }), clock);
    expect(edited).toEqual({ ...suggested, label: 'Monoprix', note: 'pain', updatedAt: NOW });
    expect(edited.rawLabel).toBe('CB MONOP 12/03 PARIS');
    expect(edited.createdAt).toBe(1);
  });

  it('keeps an unconfirmed source when the category is left as it was', () => {
    expect(editOperation(suggested, draftOf(), clock).categorySource).toBe('model');
  });

  it("makes a hand-picked category a 'user' one", () => {
    const edited = editOperation(suggested, draftOf({ categoryId: categoryId('shopping') }), clock);
    expect(edited.categoryId).toBe('shopping');
    expect(edited.categorySource).toBe('user');
  });

  it('clears the source with the category', () => {
    const edited = editOperation(suggested, draftOf({ categoryId: null }), clock);
    expect(edited.categoryId).toBeNull();
    expect(edited.categorySource).toBeNull();
  });

  it('categorising an uncategorised operation makes it a user choice', () => {
    const bare = { ...suggested, categoryId: null, categorySource: null };
    const edited = editOperation(bare, draftOf({ categoryId: categoryId('health') }), clock);
    expect(edited.categorySource).toBe('user');
  });

  it('does not modify the original', () => {
    const before = { ...suggested };
    editOperation(suggested, draftOf({ categoryId: null, label: 'x' }), clock);
    expect(suggested).toEqual(before);
  });
});

describe('createTransfer', () => {
  const base = {
    from: checking,
    to: livret,
    date: isoDate('2024-03-29'),
    amountMinor: minor(20_000),
    label: 'Épargne',
    note: 'mensuel',
  };

  it('creates two linked operations: out negative, in positive', () => {
    const result = createTransfer(base, testFactories(NOW));
    if (!result.ok) throw new Error(result.message);
    const [out, into] = result.value;
    expect(out).toMatchObject({
      id: 'id-1',
      accountId: 'checking',
      amountMinor: -20_000,
      currency: 'EUR',
      transferPeerId: 'id-2',
      origin: 'transfer',
      date: '2024-03-29',
      label: 'Épargne',
      rawLabel: 'Épargne',
      note: 'mensuel',
      categoryId: null,
      categorySource: null,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(into).toMatchObject({
      id: 'id-2',
      accountId: 'livret',
      amountMinor: 20_000,
      currency: 'EUR',
      transferPeerId: 'id-1',
      origin: 'transfer',
    });
    expect(out.transferPeerId).toBe(into.id);
    expect(into.transferPeerId).toBe(out.id);
    expect(operationSchema.safeParse(out).success).toBe(true);
    expect(operationSchema.safeParse(into).success).toBe(true);
  });

  it('needs the received amount between currencies', () => {
    const result = createTransfer({ ...base, to: uk }, testFactories(NOW));
    expect(result).toMatchObject({ ok: false, code: 'missing_received_amount' });
  });

  it('uses the received amount and each account currency between currencies', () => {
    const result = createTransfer(
      { ...base, to: uk, receivedMinor: minor(17_123) },
      testFactories(NOW),
    );
    if (!result.ok) throw new Error(result.message);
    const [out, into] = result.value;
    expect([out.amountMinor, out.currency]).toEqual([-20_000, 'EUR']);
    expect([into.amountMinor, into.currency]).toEqual([17_123, 'GBP']);
  });

  it.each([0, -1, -20_000])('refuses a sent amount of %d', (amount) => {
    const result = createTransfer({ ...base, amountMinor: minor(amount) }, testFactories(NOW));
    expect(result).toMatchObject({ ok: false, code: 'not_positive' });
  });

  it.each([0, -5])('refuses a received amount of %d', (amount) => {
    const result = createTransfer(
      { ...base, to: uk, receivedMinor: minor(amount) },
      testFactories(NOW),
    );
    expect(result).toMatchObject({ ok: false, code: 'not_positive' });
  });

  it('refuses a transfer to the same account', () => {
    const result = createTransfer({ ...base, to: checking }, testFactories(NOW));
    expect(result).toMatchObject({ ok: false, code: 'same_account' });
  });

  it('uses no id when it fails', () => {
    let calls = 0;
    const factories = { clock: { now: () => NOW }, newId: () => `x${(calls += 1)}` };
    createTransfer({ ...base, amountMinor: minor(0) }, factories);
    expect(calls).toBe(0);
  });
});
