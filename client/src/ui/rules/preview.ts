import type { Operation, Rule } from '@tirelire/shared';
import { previewRule } from '@tirelire/shared/categorize';

/** How many matching operations the rule dialog lists as examples. */
export const PREVIEW_SAMPLE_SIZE = 10;

/** What a rule would match, as the dialog shows it before the rule is saved. */
export interface RulePreview {
  /** Operations matching every condition. */
  readonly count: number;
  /** Of those, how many would end up with another category than they have. */
  readonly changes: number;
  /** The first few matches, to check the conditions mean what the person thinks. */
  readonly sample: readonly Operation[];
}

/** The one place the dialog meets shared's preview, so its shape is read in one spot. */
export function previewOf(rule: Rule, operations: readonly Operation[]): RulePreview {
  const preview = previewRule(rule, operations, PREVIEW_SAMPLE_SIZE);
  return { count: preview.count, changes: preview.changes, sample: preview.sample };
}
