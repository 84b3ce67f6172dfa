import type { IsoDate } from '../ledger/dates.ts';
import type { CategoryId } from '../ledger/ids.ts';
import type { Prediction } from './blend.ts';
import { isAutoApplicable } from './calibration.ts';
import { recall, recallMerchant, type MerchantMemory } from './memory.ts';
import type { Rule } from './rule.ts';
import { firstMatchingRule } from './rules.ts';

/**
 * The decision order (docs/categorisation.md), each step visible in the suggestion's reason:
 * 1. the person's rules (the first matching, most recently updated first): confidence 1, applied;
 * 2. merchant memory (the person chose a category for this merchant before): confidence 0.99,
 *    applied;
 * 3. the model's top prediction: its probability as confidence, applied only when the person
 *    allows automatic categories and it reaches its category's calibrated threshold.
 * The model's top 3 predictions come along as alternatives whichever step decides.
 */

export type SuggestionReason =
  | { readonly kind: 'rule'; readonly ruleId: string; readonly ruleName: string }
  | { readonly kind: 'memory'; readonly merchantKey: string; readonly confirmedOn: IsoDate }
  /** personal: the personal layer weighed in. */
  | { readonly kind: 'model'; readonly personal: boolean };

export interface Suggestion {
  readonly categoryId: CategoryId;
  readonly confidence: number;
  readonly source: 'rule' | 'memory' | 'model';
  readonly reason: SuggestionReason;
  /** The model's top 3 (empty without predictions). */
  readonly alternatives: Prediction[];
  /** A rule, memory, or the model above the category's threshold with auto-apply on. */
  readonly autoApply: boolean;
}

export interface DecisionSubject {
  readonly rawLabel: string;
  readonly amountMinor: number;
  readonly accountId: string;
  readonly date: IsoDate;
}

export interface DecisionContext {
  readonly rules: readonly Rule[];
  readonly memory: MerchantMemory;
  /** The blended predictions (blend.ts), or null when no model is available. */
  readonly predictions: readonly Prediction[] | null;
  /** Whether the personal layer contributed to `predictions`. */
  readonly personal: boolean;
  readonly thresholds: Readonly<Record<string, number | null>>;
  /** The person's setting: may the model's confident predictions be applied without asking? */
  readonly autoApply: boolean;
}

export const RULE_CONFIDENCE = 1;
export const MEMORY_CONFIDENCE = 0.99;
export const ALTERNATIVES = 3;

function topPredictions(predictions: readonly Prediction[] | null): Prediction[] {
  if (!predictions) return [];
  return [...predictions]
    .sort(
      (a, b) =>
        b.p - a.p || (a.categoryId < b.categoryId ? -1 : a.categoryId > b.categoryId ? 1 : 0),
    )
    .slice(0, ALTERNATIVES);
}

export function decide(subject: DecisionSubject, context: DecisionContext): Suggestion | null {
  return decideWith(subject, null, topPredictions(context.predictions), context);
}

/** A {@link DecisionContext} without the predictions, which come already ranked. */
export type RankedDecisionContext = Omit<DecisionContext, 'predictions'>;

/**
 * {@link decide} for a caller that already has what it would work out (the batch path): the
 * label's merchant key, `normalizeLabel(subject.rawLabel).merchantKey`, and the model's top
 * predictions, sorted as blend sorts them and at most {@link ALTERNATIVES} (they become the
 * suggestion's alternatives as they are).
 */
export function decideRanked(
  subject: DecisionSubject,
  merchantKey: string,
  alternatives: Prediction[],
  context: RankedDecisionContext,
): Suggestion | null {
  return decideWith(subject, merchantKey, alternatives, context);
}

/** The decision order; `merchantKey` null: worked out from the label if memory is asked. */
function decideWith(
  subject: DecisionSubject,
  merchantKey: string | null,
  alternatives: Prediction[],
  context: RankedDecisionContext,
): Suggestion | null {
  // Without rules (or memory, below) nothing can match: skipping saves a copy and a sort of
  // the empty list (a normalisation of the label) per operation.
  const rule = context.rules.length > 0 ? firstMatchingRule(context.rules, subject) : null;
  if (rule) {
    return {
      categoryId: rule.categoryId,
      confidence: RULE_CONFIDENCE,
      source: 'rule',
      reason: { kind: 'rule', ruleId: rule.id, ruleName: rule.name },
      alternatives,
      autoApply: true,
    };
  }

  const remembered =
    context.memory.size === 0
      ? null
      : merchantKey === null
        ? recall(context.memory, subject.rawLabel)
        : recallMerchant(context.memory, merchantKey);
  if (remembered) {
    return {
      categoryId: remembered.categoryId,
      confidence: MEMORY_CONFIDENCE,
      source: 'memory',
      reason: {
        kind: 'memory',
        merchantKey: remembered.merchantKey,
        confirmedOn: remembered.confirmedOn,
      },
      alternatives,
      autoApply: true,
    };
  }

  const top = alternatives[0];
  if (!top) return null;
  return {
    categoryId: top.categoryId,
    confidence: top.p,
    source: 'model',
    reason: { kind: 'model', personal: context.personal },
    alternatives,
    autoApply: context.autoApply && isAutoApplicable(top, context.thresholds),
  };
}
