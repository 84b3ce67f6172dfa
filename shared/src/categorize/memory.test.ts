import { describe, expect, it } from 'vitest';
import { isoDate } from '../ledger/dates.ts';
import { categoryId } from '../ledger/ids.ts';
import { makeOperation } from '../testing/fixtures.ts';
import { buildMerchantMemory, recall, recallMerchant, rememberConfirmation } from './memory.ts';

describe('buildMerchantMemory', () => {
  it('learns merchant → category from what the person chose, one confirmation being enough', () => {
    const memory = buildMerchantMemory([
      makeOperation({
        label: 'CB MONOP 12/03 PARIS 75',
        categoryId: 'groceries',
        date: '2024-03-12',
      }),
    ]);
    expect(memory.get('monop')).toEqual({
      categoryId: 'groceries',
      confirmedOn: '2024-03-12',
      count: 1,
    });
    // Another label of the same merchant recalls it.
    expect(recall(memory, 'CB MONOP 28/03 LYON')).toEqual({
      merchantKey: 'monop',
      categoryId: 'groceries',
      confirmedOn: '2024-03-12',
      count: 1,
    });
    expect(recall(memory, 'CB CARREFOUR')).toBeNull();
  });

  it('ignores categories the person did not choose, and operations without one', () => {
    const memory = buildMerchantMemory([
      makeOperation({ label: 'CB MONOP', categoryId: 'groceries', categorySource: 'model' }),
      makeOperation({ label: 'CB MONOP', categoryId: 'groceries', categorySource: 'rule' }),
      makeOperation({ label: 'CB MONOP', categoryId: 'groceries', categorySource: 'memory' }),
      makeOperation({ label: 'CB MONOP', categoryId: null, categorySource: 'user' }),
      makeOperation({ label: 'CB MONOP', categoryId: 'groceries', categorySource: null }),
    ]);
    expect(memory.size).toBe(0);
  });

  it('keeps the latest update per merchant, counting the operations that agree with it', () => {
    const memory = buildMerchantMemory([
      makeOperation({
        label: 'CB MONOP 1',
        categoryId: 'groceries',
        updatedAt: 1,
        date: '2024-01-01',
      }),
      makeOperation({
        label: 'CB MONOP 2',
        categoryId: 'eating-out',
        updatedAt: 5,
        date: '2024-01-02',
      }),
      makeOperation({
        label: 'CB MONOP 3',
        categoryId: 'groceries',
        updatedAt: 3,
        date: '2024-03-01',
      }),
      makeOperation({
        label: 'CB MONOP 4',
        categoryId: 'eating-out',
        updatedAt: 2,
        date: '2024-01-03',
      }),
    ]);
    expect(memory.get('monop')).toEqual({
      categoryId: 'eating-out',
      confirmedOn: '2024-01-02',
      count: 2,
    });
  });

  it('breaks ties on the update time by date, then id, whatever the order of the ledger', () => {
    const a = makeOperation({
      id: 'a',
      label: 'NETFLIX',
      categoryId: 'leisure',
      updatedAt: 7,
      date: '2024-01-05',
    });
    const b = makeOperation({
      id: 'b',
      label: 'NETFLIX',
      categoryId: 'subscriptions',
      updatedAt: 7,
      date: '2024-01-05',
    });
    const c = makeOperation({
      id: 'c',
      label: 'NETFLIX',
      categoryId: 'other',
      updatedAt: 7,
      date: '2024-01-04',
    });
    for (const ledger of [
      [a, b, c],
      [c, b, a],
      [b, a, c],
    ]) {
      expect(buildMerchantMemory(ledger).get('netflix')?.categoryId).toBe('subscriptions');
    }
  });

  it('learns nothing from labels without a merchant', () => {
    expect(
      buildMerchantMemory([makeOperation({ label: 'CHQ 1234567', categoryId: 'other' })]).size,
    ).toBe(0);
    expect(recall(new Map(), 'CHQ 1234567')).toBeNull();
    expect(
      recallMerchant(
        new Map([
          ['', { categoryId: categoryId('x'), confirmedOn: isoDate('2024-01-01'), count: 1 }],
        ]),
        '',
      ),
    ).toBeNull();
  });
});

describe('rememberConfirmation', () => {
  it('reacts to one correction at once, as a rebuild would', () => {
    const ledger = [
      makeOperation({ label: 'PAYPAL *NETFLIX', categoryId: 'leisure', updatedAt: 1 }),
    ];
    const before = buildMerchantMemory(ledger);
    const corrected = makeOperation({
      label: 'PAYPAL *NETFLIX',
      categoryId: 'subscriptions',
      updatedAt: 2,
      date: '2024-02-15',
    });
    const after = rememberConfirmation(before, corrected);
    expect(after.get('netflix')).toEqual({
      categoryId: 'subscriptions',
      confirmedOn: '2024-02-15',
      count: 1,
    });
    expect(after).toEqual(buildMerchantMemory([...ledger, corrected]));
    expect(before.get('netflix')?.categoryId).toBe('leisure'); // not mutated
  });

  it('counts agreeing confirmations', () => {
    const first = makeOperation({ label: 'CB MONOP', categoryId: 'groceries' });
    const second = makeOperation({ label: 'CB MONOP PARIS', categoryId: 'groceries' });
    const memory = rememberConfirmation(rememberConfirmation(new Map(), first), second);
    expect(memory.get('monop')?.count).toBe(2);
  });

  it('returns the same memory when the operation teaches nothing', () => {
    const memory = buildMerchantMemory([]);
    expect(
      rememberConfirmation(
        memory,
        makeOperation({ label: 'CB MONOP', categoryId: 'x', categorySource: 'model' }),
      ),
    ).toBe(memory);
    expect(
      rememberConfirmation(memory, makeOperation({ label: 'CB MONOP', categoryId: null })),
    ).toBe(memory);
    expect(
      rememberConfirmation(memory, makeOperation({ label: 'CHQ 1234567', categoryId: 'x' })),
    ).toBe(memory);
  });
});
