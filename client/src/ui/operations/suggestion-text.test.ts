import { categoryId, isoDate } from '@tirelire/shared';
import type { Suggestion } from '@tirelire/shared/categorize';
import { describe, expect, it } from 'vitest';
import { suggestionMessages } from './suggestion-messages.ts';
import { formatConfidence, sourceText, suggestionReason } from './suggestion-text.ts';

const base: Omit<Suggestion, 'reason' | 'source'> = {
  categoryId: categoryId('groceries'),
  confidence: 0.874,
  alternatives: [],
  autoApply: false,
};
const rule: Suggestion = {
  ...base,
  source: 'rule',
  reason: { kind: 'rule', ruleId: 'r_1', ruleName: 'Boulangerie' },
};
const memory: Suggestion = {
  ...base,
  source: 'memory',
  reason: { kind: 'memory', merchantKey: 'monop', confirmedOn: isoDate('2025-03-01') },
};
const model = (personal: boolean): Suggestion => ({
  ...base,
  source: 'model',
  reason: { kind: 'model', personal },
});

describe('suggestionReason', () => {
  it('says where each suggestion comes from, in English', () => {
    const t = suggestionMessages.en;
    expect(suggestionReason(rule, 'en', t)).toBe('Rule: Boulangerie');
    expect(suggestionReason(memory, 'en', t)).toBe('You chose this for “monop”');
    expect(suggestionReason(model(false), 'en', t)).toBe('Model, 87%');
    expect(suggestionReason(model(true), 'en', t)).toBe('Model, 87%, with what you taught it');
  });

  it('and in French, with French spacing before the percent sign', () => {
    const t = suggestionMessages.fr;
    expect(suggestionReason(rule, 'fr', t)).toBe('Règle : Boulangerie');
    expect(suggestionReason(memory, 'fr', t)).toBe('Vous l’avez choisie pour « monop »');
    expect(suggestionReason(model(false), 'fr', t)).toMatch(/^Modèle, 87\s%$/u);
  });
});

describe('formatConfidence', () => {
  it('rounds to whole percents', () => {
    expect(formatConfidence(0.995, 'en')).toBe('100%');
    expect(formatConfidence(0.5, 'en')).toBe('50%');
    expect(formatConfidence(0.004, 'en')).toBe('0%');
  });
});

describe('sourceText', () => {
  it('names each automatic source', () => {
    const t = suggestionMessages.en;
    expect([sourceText('rule', t), sourceText('memory', t), sourceText('model', t)]).toEqual([
      'by a rule',
      'from your earlier choices',
      'by the model',
    ]);
  });
});
