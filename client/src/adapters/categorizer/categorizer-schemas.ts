import {
  accountIdSchema,
  categoryIdSchema,
  isoDateSchema,
  MAX_LABEL_LENGTH,
  minorUnitsSchema,
  operationIdSchema,
} from '@tirelire/shared';
import { ruleSchema } from '@tirelire/shared/categorize';
import { z } from 'zod';

// Everything the categoriser receives crosses a thread boundary: it is checked before the
// pipeline sees it. The limits are far above a real ledger's, and keep one call from asking
// the worker for gigabytes.
export const MAX_OPERATIONS_PER_CALL = 200_000;
const MAX_RULES = 2_000;
const MAX_CATEGORIES = 1_000;
const MAX_MERCHANT_KEY_LENGTH = MAX_LABEL_LENGTH;

export const categorizeInputsSchema = z
  .array(
    z.object({
      id: operationIdSchema,
      rawLabel: z.string().max(MAX_LABEL_LENGTH),
      amountMinor: minorUnitsSchema,
      accountId: accountIdSchema,
      date: isoDateSchema,
    }),
  )
  .max(MAX_OPERATIONS_PER_CALL);

const categoriesSchema = z.array(categoryIdSchema).max(MAX_CATEGORIES);

export const categorizeContextSchema = z.object({
  rules: z.array(ruleSchema).max(MAX_RULES),
  memory: z
    .array(
      z.tuple([
        z.string().max(MAX_MERCHANT_KEY_LENGTH),
        z.object({
          categoryId: categoryIdSchema,
          confirmedOn: isoDateSchema,
          count: z.number().int().min(1),
        }),
      ]),
    )
    .max(MAX_OPERATIONS_PER_CALL),
  categories: categoriesSchema,
  autoApply: z.boolean(),
});

export const confirmedOperationsSchema = z
  .array(
    z.object({
      rawLabel: z.string().max(MAX_LABEL_LENGTH),
      amountMinor: minorUnitsSchema,
      date: isoDateSchema,
      categoryId: categoryIdSchema,
    }),
  )
  .max(MAX_OPERATIONS_PER_CALL);

export const learnCategoriesSchema = categoriesSchema.min(1);

/** The first problem zod found, as a sentence for the failed Result. */
export function describeIssue(what: string, error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  return `Invalid ${what}${path}: ${issue?.message ?? 'not the expected shape'}.`;
}
