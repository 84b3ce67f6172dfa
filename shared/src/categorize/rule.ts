import { z } from 'zod';
import { minorUnitsSchema } from '../money/money.ts';
import { accountIdSchema, categoryIdSchema, ruleIdSchema } from '../ledger/ids.ts';

export const MAX_RULE_PATTERN_LENGTH = 200;

/** Whether a pattern compiles as a case-insensitive Unicode regular expression. */
export function isValidRulePattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'iu');
    return true;
  } catch {
    return false;
  }
}

/**
 * A person's rule: operations matching every condition it sets get its category. Conditions left
 * null do not constrain. Rules are only ever made by the person, after seeing what they match;
 * none is created silently.
 */
export const ruleSchema = z
  .object({
    id: ruleIdSchema,
    name: z.string().trim().min(1).max(120),
    categoryId: categoryIdSchema,
    /** Case- and accent-insensitive substring of the raw label. */
    labelContains: z.string().trim().min(1).max(MAX_RULE_PATTERN_LENGTH).nullable(),
    /** Case-insensitive regular expression over the raw label. */
    labelPattern: z
      .string()
      .min(1)
      .max(MAX_RULE_PATTERN_LENGTH)
      .refine(isValidRulePattern, 'is not a valid regular expression')
      .nullable(),
    /** Inclusive bounds on the signed amount, in the operation's minor units. */
    amountMinMinor: minorUnitsSchema.nullable(),
    amountMaxMinor: minorUnitsSchema.nullable(),
    accountId: accountIdSchema.nullable(),
    enabled: z.boolean(),
    createdAt: z.number().int().nonnegative(),
    updatedAt: z.number().int().nonnegative(),
  })
  .refine(
    (rule) =>
      rule.labelContains !== null ||
      rule.labelPattern !== null ||
      rule.amountMinMinor !== null ||
      rule.amountMaxMinor !== null ||
      rule.accountId !== null,
    { message: 'a rule needs at least one condition' },
  )
  .refine(
    (rule) =>
      rule.amountMinMinor === null ||
      rule.amountMaxMinor === null ||
      rule.amountMinMinor <= rule.amountMaxMinor,
    { message: 'the minimum amount is above the maximum' },
  );

export type Rule = z.output<typeof ruleSchema>;
