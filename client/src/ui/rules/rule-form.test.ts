import { ruleId, type Rule } from '@tirelire/shared';
import { describe, expect, it } from 'vitest';
import { testAccount, testCategory } from '../testing/operations.ts';
import {
  emptyRuleFields,
  fieldsOfRule,
  previewRuleOf,
  ruleCurrencyOf,
  ruleDraftOf,
  type RuleFields,
} from './rule-form.ts';

const accounts = [
  testAccount('main', 'EUR'),
  testAccount('joint', 'EUR'),
  testAccount('yen', 'JPY'),
];
const categories = [testCategory('groceries'), testCategory('eating_out')];
const fields = (change: Partial<RuleFields>) =>
  emptyRuleFields({
    name: 'Bakery',
    categoryId: 'eating_out',
    labelContains: 'boulang',
    ...change,
  });
const draftOf = (change: Partial<RuleFields>, language: 'en' | 'fr' = 'en') =>
  ruleDraftOf(
    fields(change),
    ruleCurrencyOf(fields(change).accountId, accounts),
    language,
    accounts,
    categories,
  );

describe('ruleDraftOf', () => {
  it('turns typed fields into a draft, empty fields into no condition', () => {
    expect(draftOf({ labelContains: '  boulang ' })).toEqual({
      ok: true,
      draft: {
        name: 'Bakery',
        categoryId: 'eating_out',
        labelContains: 'boulang',
        labelPattern: null,
        amountMinMinor: null,
        amountMaxMinor: null,
        accountId: null,
        enabled: true,
      },
    });
  });

  it('parses amounts exactly, in the language’s way of writing them', () => {
    const en = draftOf({ amountMin: '-50', amountMax: '-12.5' });
    expect(en.ok && [en.draft.amountMinMinor, en.draft.amountMaxMinor]).toEqual([-5000, -1250]);
    const fr = draftOf({ amountMin: '-1 234,56' }, 'fr');
    expect(fr.ok && fr.draft.amountMinMinor).toBe(-123456);
  });

  it('reads amounts in the chosen account’s currency', () => {
    const yen = draftOf({ accountId: 'yen', amountMin: '-500' });
    expect(yen.ok && [yen.draft.amountMinMinor, yen.draft.accountId]).toEqual([-500, 'yen']);
    expect(draftOf({ accountId: 'yen', amountMin: '-5.5' })).toEqual({
      ok: false,
      errors: { amountMin: 'too_precise' },
    });
  });

  it('explains what is missing or wrong', () => {
    expect(draftOf({ name: ' ', categoryId: '' })).toEqual({
      ok: false,
      errors: { name: 'required', categoryId: 'required' },
    });
    expect(draftOf({ labelContains: '', labelPattern: '(' })).toEqual({
      ok: false,
      errors: { labelPattern: 'invalid_pattern' },
    });
    expect(draftOf({ labelContains: '' })).toEqual({
      ok: false,
      errors: { conditions: 'no_condition' },
    });
    expect(draftOf({ amountMin: '10', amountMax: '5' })).toEqual({
      ok: false,
      errors: { amountMax: 'min_above_max' },
    });
    expect(draftOf({ amountMin: '1x2' })).toEqual({
      ok: false,
      errors: { amountMin: 'malformed' },
    });
    expect(draftOf({ categoryId: 'deleted' })).toEqual({
      ok: false,
      errors: { categoryId: 'unknown_category' },
    });
    expect(draftOf({ labelContains: 'x'.repeat(201) })).toEqual({
      ok: false,
      errors: { labelContains: 'too_long' },
    });
  });

  it('accepts a rule whose only condition is the account', () => {
    const result = draftOf({ labelContains: '', accountId: 'joint' });
    expect(result.ok && result.draft.accountId).toBe('joint');
  });
});

describe('previewRuleOf', () => {
  it('previews valid conditions before the rule has a name or a category', () => {
    const preview = previewRuleOf(
      emptyRuleFields({ labelPattern: '^CB ' }),
      ruleCurrencyOf('', accounts),
      'en',
      accounts,
    );
    expect(preview).toMatchObject({ labelPattern: '^CB ', labelContains: null, enabled: true });
  });

  it('previews nothing while the conditions are missing or wrong', () => {
    const currency = ruleCurrencyOf('', accounts);
    expect(previewRuleOf(emptyRuleFields(), currency, 'en', accounts)).toBeNull();
    expect(
      previewRuleOf(emptyRuleFields({ labelPattern: '[' }), currency, 'en', accounts),
    ).toBeNull();
  });
});

describe('ruleCurrencyOf', () => {
  it('is the account’s currency, or the one most accounts use', () => {
    expect(ruleCurrencyOf('yen', accounts)).toBe('JPY');
    expect(ruleCurrencyOf('', accounts)).toBe('EUR');
    expect(ruleCurrencyOf('', [])).toBe('EUR');
  });
});

describe('fieldsOfRule', () => {
  it('gives back what ruleDraftOf read, so editing changes nothing by itself', () => {
    const result = draftOf({ amountMin: '-1234.5', labelPattern: 'a|b', accountId: 'main' });
    if (!result.ok) throw new Error('invalid');
    const rule: Rule = { ...result.draft, id: ruleId('r_1'), createdAt: 0, updatedAt: 0 };
    const typed = fieldsOfRule(rule, ruleCurrencyOf('main', accounts), 'fr');
    expect(typed.amountMin).toBe('-1234,50');
    const again = ruleDraftOf(typed, ruleCurrencyOf('main', accounts), 'fr', accounts, categories);
    expect(again).toEqual(result);
  });
});
