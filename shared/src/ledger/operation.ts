import { z } from 'zod';
import { currencyCodeSchema } from '../money/currency.ts';
import { minorUnitsSchema } from '../money/money.ts';
import { isoDateSchema } from './dates.ts';
import {
  accountIdSchema,
  categoryIdSchema,
  importBatchIdSchema,
  operationIdSchema,
} from './ids.ts';

export const OPERATION_ORIGINS = ['manual', 'import', 'transfer'] as const;
export type OperationOrigin = (typeof OPERATION_ORIGINS)[number];

/**
 * Who chose the category: the person ('user'), or something on their behalf that they have not
 * confirmed yet (a rule, merchant memory or the model). Unconfirmed choices are shown as such.
 */
export const CATEGORY_SOURCES = ['user', 'rule', 'memory', 'model'] as const;
export type CategorySource = (typeof CATEGORY_SOURCES)[number];

export const MAX_LABEL_LENGTH = 500;

export const operationSchema = z.object({
  id: operationIdSchema,
  accountId: accountIdSchema,
  date: isoDateSchema,
  valueDate: isoDateSchema.nullable(),
  /** Signed: negative leaves the account. In the account's currency. */
  amountMinor: minorUnitsSchema,
  currency: currencyCodeSchema,
  /** The label exactly as the bank wrote it; never rewritten, so imports can be matched again. */
  rawLabel: z.string().max(MAX_LABEL_LENGTH),
  /** The label people see; starts as the raw one and can be edited. */
  label: z.string().trim().min(1).max(MAX_LABEL_LENGTH),
  categoryId: categoryIdSchema.nullable(),
  categorySource: z.enum(CATEGORY_SOURCES).nullable(),
  note: z.string().max(2000),
  origin: z.enum(OPERATION_ORIGINS),
  externalId: z.string().max(255).nullable(),
  importBatchId: importBatchIdSchema.nullable(),
  /** The other half of a transfer between two own accounts. */
  transferPeerId: operationIdSchema.nullable(),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});

export type Operation = z.output<typeof operationSchema>;

/** The fields a person edits in the operation form. */
export const operationDraftSchema = operationSchema.pick({
  accountId: true,
  date: true,
  valueDate: true,
  amountMinor: true,
  label: true,
  categoryId: true,
  note: true,
});
export type OperationDraft = z.output<typeof operationDraftSchema>;
