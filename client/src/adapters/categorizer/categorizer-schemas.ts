import {
  accountIdSchema,
  categoryIdSchema,
  isIsoDate,
  isMinorUnits,
  isoDateSchema,
  MAX_LABEL_LENGTH,
  minorUnitsSchema,
  operationIdSchema,
  type AccountId,
  type IsoDate,
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

export type CategorizeInputs = z.output<typeof categorizeInputsSchema>;

/**
 * `categorizeInputsSchema.safeParse`, fast on big batches (zod spends ≈1 µs per operation object,
 * as much as the whole rest of the pipeline for it): a plain loop runs the same checks, with the
 * same predicates (the id schemas, isMinorUnits, isIsoDate) and each distinct account and date
 * checked once, and builds the same output, new objects with the five fields only. Whenever it
 * finds a problem, zod parses the input instead, so a failure (and its message) is zod's own.
 */
export function parseCategorizeInputs(value: unknown): z.ZodSafeParseResult<CategorizeInputs> {
  const data = checkedInputs(value);
  return data ? { success: true, data } : categorizeInputsSchema.safeParse(value);
}

/** The operations as categorizeInputsSchema outputs them, or null at the first problem. */
function checkedInputs(value: unknown): CategorizeInputs | null {
  if (!Array.isArray(value) || value.length > MAX_OPERATIONS_PER_CALL) return null;
  const items: unknown[] = value;
  const accounts = new Map<string, AccountId>();
  const dates = new Set<string>();
  const checked: CategorizeInputs = [];
  // Indices rather than an iterator: zod reads a sparse array's holes as undefined too.
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i];
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return null;
    // Each field read once, in the schema's order, as zod reads them.
    const { id, rawLabel, amountMinor, accountId, date } = item as Record<string, unknown>;
    const operationId = operationIdSchema.safeParse(id);
    if (!operationId.success) return null;
    if (typeof rawLabel !== 'string' || rawLabel.length > MAX_LABEL_LENGTH) return null;
    if (typeof amountMinor !== 'number' || !isMinorUnits(amountMinor)) return null;
    if (typeof accountId !== 'string') return null;
    let account = accounts.get(accountId);
    if (account === undefined) {
      const parsed = accountIdSchema.safeParse(accountId);
      if (!parsed.success) return null;
      account = parsed.data;
      accounts.set(accountId, account);
    }
    if (typeof date !== 'string' || !isKnownDate(date, dates)) return null;
    checked.push({ id: operationId.data, rawLabel, amountMinor, accountId: account, date });
  }
  return checked;
}

/** isIsoDate, remembering the dates already found valid in this batch. */
function isKnownDate(date: string, valid: Set<string>): date is IsoDate {
  if (valid.has(date)) return true;
  if (!isIsoDate(date)) return false;
  valid.add(date);
  return true;
}

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
