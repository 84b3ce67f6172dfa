import { describe, expect, it } from 'vitest';
import { currency, defaultCategories } from '@tirelire/shared';
import { countActiveFilters, EMPTY_FILTER_FIELDS, filterOf, UNCATEGORISED } from './filter-form.ts';

const categories = defaultCategories(0);
const eur = currency('EUR');

describe('filterOf', () => {
  it('builds an empty filter from empty fields', () => {
    const { filter, errors } = filterOf(EMPTY_FILTER_FIELDS, eur, 'en', categories);
    expect(errors).toEqual({});
    expect(Object.values(filter).filter((value) => value !== undefined && value !== '')).toEqual(
      [],
    );
  });

  it('parses dates, signed amounts in the language, and the category', () => {
    const { filter, errors } = filterOf(
      {
        text: 'monop',
        from: '2025-01-01',
        to: '2025-01-31',
        min: '-50,5',
        max: '0',
        category: 'groceries',
      },
      eur,
      'fr',
      categories,
    );
    expect(errors).toEqual({});
    expect(filter).toMatchObject({
      text: 'monop',
      from: '2025-01-01',
      to: '2025-01-31',
      minAmountMinor: -5050,
      maxAmountMinor: 0,
      categoryIds: ['groceries'],
    });
  });

  it('filters uncategorised operations', () => {
    const { filter } = filterOf(
      { ...EMPTY_FILTER_FIELDS, category: UNCATEGORISED },
      eur,
      'en',
      categories,
    );
    expect(filter.isUncategorisedOnly).toBe(true);
    expect(filter.categoryIds).toBeUndefined();
  });

  it('leaves out and reports what cannot apply', () => {
    const { filter, errors } = filterOf(
      { ...EMPTY_FILTER_FIELDS, from: '2025-02-01', to: '2025-01-01', min: 'abc', max: '10' },
      eur,
      'en',
      categories,
    );
    expect(errors).toEqual({ to: 'from_after_to', min: 'amount_malformed' });
    expect(filter).toMatchObject({ from: undefined, to: undefined, maxAmountMinor: 1000 });
    const crossed = filterOf(
      { ...EMPTY_FILTER_FIELDS, min: '10', max: '5' },
      eur,
      'en',
      categories,
    );
    expect(crossed.errors).toEqual({ max: 'min_above_max' });
    expect(crossed.filter.minAmountMinor).toBeUndefined();
  });

  it('counts the criteria set besides the text', () => {
    expect(countActiveFilters({ ...EMPTY_FILTER_FIELDS, text: 'x', min: '1', category: 'a' })).toBe(
      2,
    );
  });
});
