import fc from 'fast-check';
import type { Suggestion } from '@tirelire/shared/categorize';
import { describe, expect, it } from 'vitest';
import { packSuggestions, unpackSuggestions } from './packed-suggestions.ts';

const category = fc.constantFrom('groceries', 'eating_out', 'pets', 'cash');
const prediction = fc.record({
  categoryId: category,
  p: fc.double({ min: 0, max: 1, noNaN: true }),
});
const reason = fc.oneof(
  fc.record({ kind: fc.constant('rule' as const), ruleId: fc.string(), ruleName: fc.string() }),
  fc.record({
    kind: fc.constant('memory' as const),
    merchantKey: fc.string(),
    confirmedOn: fc.constant('2026-03-04'),
  }),
  fc.record({ kind: fc.constant('model' as const), personal: fc.boolean() }),
);
const suggestion = reason.chain((r) =>
  fc.record({
    categoryId: category,
    confidence: fc.double({ min: 0, max: 1, noNaN: true }),
    source: fc.constant(r.kind),
    reason: fc.constant(r),
    alternatives: fc.array(prediction, { maxLength: 3 }),
    autoApply: fc.boolean(),
  }),
);

describe('packed suggestions', () => {
  it('unpack(pack(x)) is x, nulls and exact doubles included', () => {
    fc.assert(
      fc.property(fc.array(fc.option(suggestion, { nil: null }), { maxLength: 50 }), (list) => {
        // fast-check builds records without a prototype; suggestions are plain objects.
        const suggestions = structuredClone(list) as (Suggestion | null)[];
        expect(unpackSuggestions(packSuggestions(suggestions))).toStrictEqual(suggestions);
      }),
      { numRuns: 300 },
    );
  });

  it('survives a structured clone (what crossing to the page does)', () => {
    const one = [
      {
        categoryId: 'groceries',
        confidence: 0.1 + 0.2,
        source: 'model',
        reason: { kind: 'model', personal: true },
        alternatives: [{ categoryId: 'groceries', p: 0.1 + 0.2 }],
        autoApply: false,
      },
      null,
    ] as (Suggestion | null)[];
    expect(unpackSuggestions(structuredClone(packSuggestions(one)))).toStrictEqual(one);
  });
});
