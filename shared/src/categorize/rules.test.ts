import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeOperation } from '../testing/fixtures.ts';
import { ruleSchema, type Rule } from './rule.ts';
import { firstMatchingRule, orderRules, previewRule, ruleMatches } from './rules.ts';

let nextRule = 0;

function makeRule(spec: Partial<Record<keyof Rule, unknown>> = {}): Rule {
  nextRule += 1;
  return ruleSchema.parse({
    id: `rule-${nextRule}`,
    name: `Rule ${nextRule}`,
    categoryId: 'groceries',
    labelContains: null,
    labelPattern: null,
    amountMinMinor: null,
    amountMaxMinor: null,
    accountId: null,
    enabled: true,
    createdAt: 1_000,
    updatedAt: 1_000,
    ...spec,
  });
}

const op = (rawLabel: string, amountMinor = -1000, accountId = 'acc-1') => ({
  rawLabel,
  amountMinor,
  accountId,
});

describe('ruleMatches', () => {
  it.each([
    ['monop', 'CB MONOP PARIS', true],
    ['Monop', 'cb monop paris', true],
    ['café de', 'CB CAFE DE FLORE', true],
    ['CAFE', 'CB Café de Flore', true],
    ['cafe  de   flore', 'CB CAFÉ DE  FLORE', true], // runs of spaces are one
    ['cœur', 'CB COEUR DE LION', true],
    ['carrefour', 'CB MONOP PARIS', false],
  ])('label contains %j in %j: %s', (contains, label, expected) => {
    expect(ruleMatches(makeRule({ labelContains: contains }), op(label))).toBe(expected);
  });

  it('matches nothing with a text that folds to nothing', () => {
    expect(ruleMatches(makeRule({ labelContains: '\u0301' }), op('CB MONOP'))).toBe(false);
  });

  it.each([
    ['^cb monop', 'CB MONOP PARIS', true],
    ['^CB\\s+MONO?P', 'cb   monp', true],
    ['^monop', 'CB MONOP', false],
    ['(edf|engie)$', 'PRLV SEPA EDF', true],
    ['caf[eé]', 'CB CAFÉ', true],
  ])(
    'label pattern %j on %j: %s (case-insensitive, on the raw label)',
    (pattern, label, expected) => {
      expect(ruleMatches(makeRule({ labelPattern: pattern }), op(label))).toBe(expected);
    },
  );

  it('never matches with a pattern that cannot run in linear time', () => {
    expect(ruleMatches(makeRule({ labelPattern: '(a)\\1' }), op('aa'))).toBe(false);
    expect(ruleMatches(makeRule({ labelPattern: '(?=a)a' }), op('a'))).toBe(false);
  });

  it('answers quickly for patterns that make RegExp backtrack', () => {
    const rule = makeRule({ labelPattern: '.*a.*a.*a.*c' });
    const start = performance.now();
    expect(ruleMatches(rule, op('a'.repeat(500)))).toBe(false);
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('checks amount bounds inclusively, on the signed amount', () => {
    const rule = makeRule({ amountMinMinor: -5000, amountMaxMinor: -1000 });
    expect(ruleMatches(rule, op('X', -5000))).toBe(true);
    expect(ruleMatches(rule, op('X', -1000))).toBe(true);
    expect(ruleMatches(rule, op('X', -5001))).toBe(false);
    expect(ruleMatches(rule, op('X', -999))).toBe(false);
    expect(ruleMatches(rule, op('X', 3000))).toBe(false);
    expect(ruleMatches(makeRule({ amountMinMinor: 0 }), op('X', 1))).toBe(true);
    expect(ruleMatches(makeRule({ amountMaxMinor: 0 }), op('X', 1))).toBe(false);
  });

  it('checks the account', () => {
    const rule = makeRule({ accountId: 'acc-2' });
    expect(ruleMatches(rule, op('X', -1, 'acc-2'))).toBe(true);
    expect(ruleMatches(rule, op('X', -1, 'acc-1'))).toBe(false);
  });

  it('needs every condition it sets', () => {
    const rule = makeRule({
      labelContains: 'monop',
      labelPattern: 'paris',
      amountMaxMinor: 0,
      accountId: 'acc-1',
    });
    expect(ruleMatches(rule, op('CB MONOP PARIS', -10))).toBe(true);
    expect(ruleMatches(rule, op('CB MONOP LYON', -10))).toBe(false);
    expect(ruleMatches(rule, op('CB MONOP PARIS', 10))).toBe(false);
    expect(ruleMatches(rule, op('CB MONOP PARIS', -10, 'acc-9'))).toBe(false);
  });

  it('never matches when disabled', () => {
    expect(ruleMatches(makeRule({ labelContains: 'monop', enabled: false }), op('CB MONOP'))).toBe(
      false,
    );
  });
});

describe('firstMatchingRule', () => {
  it('tries the most recently updated rule first', () => {
    const broad = makeRule({ labelContains: 'amazon', categoryId: 'shopping', updatedAt: 10 });
    const narrow = makeRule({
      labelContains: 'amazon prime',
      categoryId: 'subscriptions',
      updatedAt: 20,
    });
    expect(firstMatchingRule([broad, narrow], op('AMAZON PRIME FR'))?.id).toBe(narrow.id);
    expect(firstMatchingRule([narrow, broad], op('AMAZON MKTPLACE'))?.id).toBe(broad.id);
    const edited = { ...broad, updatedAt: 30 };
    expect(firstMatchingRule([edited, narrow], op('AMAZON PRIME FR'))?.id).toBe(broad.id);
  });

  it('skips disabled rules and gives null when nothing matches', () => {
    const off = makeRule({ labelContains: 'monop', enabled: false, updatedAt: 99 });
    const on = makeRule({ labelContains: 'monop', updatedAt: 1 });
    expect(firstMatchingRule([off, on], op('CB MONOP'))?.id).toBe(on.id);
    expect(firstMatchingRule([off], op('CB MONOP'))).toBeNull();
    expect(firstMatchingRule([], op('CB MONOP'))).toBeNull();
  });

  it('orders rules by update, then creation, then id, whatever their order in the list', () => {
    const rules = [
      makeRule({ id: 'b', updatedAt: 5, createdAt: 1, labelContains: 'x' }),
      makeRule({ id: 'a', updatedAt: 5, createdAt: 1, labelContains: 'x' }),
      makeRule({ id: 'c', updatedAt: 5, createdAt: 2, labelContains: 'x' }),
      makeRule({ id: 'd', updatedAt: 9, createdAt: 0, labelContains: 'x' }),
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(rules, { minLength: 4, maxLength: 4 }), (shuffled) => {
        expect(orderRules(shuffled).map((r) => r.id)).toEqual(['d', 'c', 'a', 'b']);
      }),
    );
  });
});

describe('previewRule', () => {
  const ledger = [
    makeOperation({
      id: 'o1',
      label: 'CB MONOP PARIS',
      date: '2024-01-10',
      categoryId: 'groceries',
    }),
    makeOperation({ id: 'o2', label: 'CB MONOP LYON', date: '2024-03-02', categoryId: null }),
    makeOperation({ id: 'o3', label: 'CB CARREFOUR', date: '2024-03-05', categoryId: null }),
    makeOperation({
      id: 'o4',
      label: 'CB MONOP 12/03',
      date: '2024-03-12',
      categoryId: 'eating-out',
    }),
    makeOperation({ id: 'o5', label: 'CB MONOP', date: '2024-02-01', categoryId: null }),
  ];

  it('counts the matches, samples the latest and counts the changes', () => {
    const preview = previewRule(
      makeRule({ labelContains: 'monop', categoryId: 'groceries' }),
      ledger,
      2,
    );
    expect(preview.count).toBe(4);
    expect(preview.sample.map((o) => o.id)).toEqual(['o4', 'o2']);
    expect(preview.changes).toBe(3); // o1 is already in groceries
  });

  it('samples everything, latest first, when the limit allows; nothing with a limit of 0', () => {
    const rule = makeRule({ labelContains: 'monop' });
    expect(previewRule(rule, ledger, 10).sample.map((o) => o.id)).toEqual(['o4', 'o2', 'o5', 'o1']);
    expect(previewRule(rule, ledger, 0)).toMatchObject({ count: 4, sample: [] });
  });

  it('previews a rule that is not enabled yet', () => {
    expect(previewRule(makeRule({ labelContains: 'monop', enabled: false }), ledger, 5).count).toBe(
      4,
    );
  });

  it('gives the sample a sort of the matches would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), createdAt: fc.nat(5) }), {
          maxLength: 40,
        }),
        fc.nat(10),
        (specs, limit) => {
          const operations = specs.map((spec, i) =>
            makeOperation({
              id: `p${i}`,
              label: 'CB MONOP',
              date: `2024-01-${String(spec.day).padStart(2, '0')}`,
              createdAt: spec.createdAt,
            }),
          );
          const expected = [...operations]
            .sort((a, b) =>
              a.date !== b.date
                ? a.date > b.date
                  ? -1
                  : 1
                : b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1),
            )
            .slice(0, limit);
          expect(
            previewRule(makeRule({ labelContains: 'monop' }), operations, limit).sample,
          ).toEqual(expected);
        },
      ),
    );
  });
});
