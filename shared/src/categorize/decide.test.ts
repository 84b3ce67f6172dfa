import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../ledger/dates.ts';
import { categoryId } from '../ledger/ids.ts';
import { makeOperation } from '../testing/fixtures.ts';
import type { Prediction } from './blend.ts';
import { ALTERNATIVES, decide, decideRanked, type DecisionContext } from './decide.ts';
import { buildMerchantMemory } from './memory.ts';
import { normalizeLabel } from './normalize.ts';
import { ruleSchema, type Rule } from './rule.ts';

const rule = (spec: Partial<Record<keyof Rule, unknown>>): Rule =>
  ruleSchema.parse({
    id: 'r1',
    name: 'Monop is groceries',
    categoryId: 'groceries',
    labelContains: null,
    labelPattern: null,
    amountMinMinor: null,
    amountMaxMinor: null,
    accountId: null,
    enabled: true,
    createdAt: 1,
    updatedAt: 1,
    ...spec,
  });

const predictions = (...list: [string, number][]): Prediction[] =>
  list.map(([id, p]) => ({ categoryId: categoryId(id), p }));

const subject = {
  rawLabel: 'CB MONOP 12/03 PARIS 75',
  amountMinor: -1250,
  accountId: 'acc-1',
  date: isoDate('2024-03-12'),
};

const context = (overrides: Partial<DecisionContext> = {}): DecisionContext => ({
  rules: [],
  memory: new Map(),
  predictions: null,
  personal: false,
  thresholds: {},
  autoApply: true,
  ...overrides,
});

const model = predictions(
  ['eating-out', 0.6],
  ['groceries', 0.3],
  ['shopping', 0.07],
  ['other', 0.03],
);

describe('decide', () => {
  it('follows a matching rule first, applied with confidence 1', () => {
    const memory = buildMerchantMemory([
      makeOperation({ label: 'CB MONOP', categoryId: 'eating-out' }),
    ]);
    const suggestion = decide(
      subject,
      context({ rules: [rule({ labelContains: 'monop' })], memory, predictions: model }),
    );
    expect(suggestion).toEqual({
      categoryId: 'groceries',
      confidence: 1,
      source: 'rule',
      reason: { kind: 'rule', ruleId: 'r1', ruleName: 'Monop is groceries' },
      alternatives: model.slice(0, 3),
      autoApply: true,
    });
  });

  it('then merchant memory, applied with confidence 0.99', () => {
    const memory = buildMerchantMemory([
      makeOperation({ label: 'CB MONOP 01/02 LYON', categoryId: 'groceries', date: '2024-02-01' }),
    ]);
    const suggestion = decide(
      subject,
      context({ rules: [rule({ labelContains: 'carrefour' })], memory, predictions: model }),
    );
    expect(suggestion).toEqual({
      categoryId: 'groceries',
      confidence: 0.99,
      source: 'memory',
      reason: { kind: 'memory', merchantKey: 'monop', confirmedOn: '2024-02-01' },
      alternatives: model.slice(0, 3),
      autoApply: true,
    });
  });

  it('then the model, applied only above the threshold with the setting on', () => {
    const withThreshold = (threshold: number | null, autoApply: boolean, personal = false) =>
      decide(
        subject,
        context({
          predictions: model,
          thresholds: { 'eating-out': threshold },
          autoApply,
          personal,
        }),
      );
    expect(withThreshold(0.5, true)).toEqual({
      categoryId: 'eating-out',
      confidence: 0.6,
      source: 'model',
      reason: { kind: 'model', personal: false },
      alternatives: model.slice(0, 3),
      autoApply: true,
    });
    expect(withThreshold(0.7, true)?.autoApply).toBe(false);
    expect(withThreshold(null, true)?.autoApply).toBe(false);
    expect(withThreshold(0.5, false)?.autoApply).toBe(false);
    expect(withThreshold(0.5, true, true)?.reason).toEqual({ kind: 'model', personal: true });
  });

  it('takes the best prediction even if the list comes unsorted', () => {
    const suggestion = decide(subject, context({ predictions: [...model].reverse() }));
    expect(suggestion?.categoryId).toBe('eating-out');
    expect(suggestion?.alternatives).toEqual(model.slice(0, 3));
  });

  it('gives nothing without rule, memory or prediction', () => {
    expect(decide(subject, context())).toBeNull();
    expect(decide(subject, context({ predictions: [] }))).toBeNull();
    expect(decide(subject, context({ rules: [rule({ labelContains: 'carrefour' })] }))).toBeNull();
  });

  it('ignores disabled rules', () => {
    const suggestion = decide(
      subject,
      context({ rules: [rule({ labelContains: 'monop', enabled: false })], predictions: model }),
    );
    expect(suggestion?.source).toBe('model');
  });

  it('respects the order rule → memory → model, whatever is present', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (hasRule, hasMemory, hasModel, autoApply) => {
          const suggestion = decide(
            subject,
            context({
              rules: hasRule
                ? [rule({ labelPattern: '^cb monop', categoryId: 'r' })]
                : [rule({ labelContains: 'zzz' })],
              memory: hasMemory
                ? buildMerchantMemory([makeOperation({ label: 'MONOP', categoryId: 'm' })])
                : new Map(),
              predictions: hasModel ? predictions(['x', 0.99]) : null,
              thresholds: { x: 0.9 },
              autoApply,
            }),
          );
          const expected = hasRule ? 'rule' : hasMemory ? 'memory' : hasModel ? 'model' : null;
          expect(suggestion?.source ?? null).toBe(expected);
          if (suggestion) {
            expect(suggestion.categoryId).toBe(
              { rule: 'r', memory: 'm', model: 'x' }[suggestion.source],
            );
            expect(suggestion.autoApply).toBe(suggestion.source !== 'model' || autoApply);
            expect(suggestion.alternatives.length).toBe(hasModel ? 1 : 0);
          }
        },
      ),
    );
  });
});

describe('decideRanked', () => {
  it('is decide, given the merchant key and the sorted top predictions', () => {
    const labels = ['CB MONOP 12/03 PARIS 75', 'CB MONOP', 'PRLV SEPA FREE MOBILE', 'CHQ 1234567'];
    const memory = buildMerchantMemory([
      makeOperation({ label: 'CB MONOP 01/02 LYON', categoryId: 'groceries' }),
      makeOperation({ label: 'FREE MOBILE', categoryId: 'phone' }),
    ]);
    const rules = [
      rule({ labelContains: 'paris', amountMaxMinor: -1000 }),
      rule({ id: 'r2', labelPattern: '^chq', categoryId: 'cheques', updatedAt: 2 }),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...labels),
        fc.integer({ min: -5_000, max: 5_000 }),
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.shuffledSubarray(model)),
        fc.boolean(),
        (rawLabel, amountMinor, withRules, withMemory, listed, autoApply) => {
          const operation = { ...subject, rawLabel, amountMinor };
          const full = context({
            rules: withRules ? rules : [],
            memory: withMemory ? memory : new Map(),
            predictions: listed,
            thresholds: { 'eating-out': 0.5, groceries: 0.2 },
            autoApply,
          });
          const { predictions, ...ranked } = full;
          const top = [...(predictions ?? [])].sort((a, b) => b.p - a.p).slice(0, ALTERNATIVES);
          const merchantKey = normalizeLabel(rawLabel).merchantKey;
          expect(decideRanked(operation, merchantKey, top, ranked)).toEqual(
            decide(operation, full),
          );
        },
      ),
    );
  });

  it('looks memory up by the merchant key it is given', () => {
    const memory = buildMerchantMemory([makeOperation({ label: 'MONOP', categoryId: 'm' })]);
    const ranked = context({ memory }); // its predictions are not looked at
    expect(decideRanked(subject, 'monop', [], ranked)?.source).toBe('memory');
    expect(decideRanked(subject, 'carrefour', [], ranked)).toBeNull();
  });
});
