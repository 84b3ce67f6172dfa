import { z } from 'zod';
import { currencyCodeSchema } from '../money/currency.ts';
import { minorUnitsSchema } from '../money/money.ts';
import { isoDateSchema } from './dates.ts';
import { accountIdSchema } from './ids.ts';

export const ACCOUNT_TYPES = ['checking', 'savings', 'card', 'cash', 'loan', 'investment'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

const timestampSchema = z.number().int().nonnegative();

export const accountSchema = z.object({
  id: accountIdSchema,
  name: z.string().trim().min(1).max(120),
  institution: z.string().trim().max(120),
  type: z.enum(ACCOUNT_TYPES),
  currency: currencyCodeSchema,
  openingBalanceMinor: minorUnitsSchema,
  openingDate: isoDateSchema,
  archived: z.boolean(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

export type Account = z.output<typeof accountSchema>;

/** What a person types when creating or editing an account; the rest is filled in by the use case. */
export const accountDraftSchema = accountSchema.pick({
  name: true,
  institution: true,
  type: true,
  currency: true,
  openingBalanceMinor: true,
  openingDate: true,
});
export type AccountDraft = z.output<typeof accountDraftSchema>;
