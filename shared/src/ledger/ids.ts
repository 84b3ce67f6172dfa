import { z } from 'zod';
import type { Brand } from '../util/brand.ts';

export type AccountId = Brand<string, 'AccountId'>;
export type OperationId = Brand<string, 'OperationId'>;
export type CategoryId = Brand<string, 'CategoryId'>;
export type ImportBatchId = Brand<string, 'ImportBatchId'>;
export type RuleId = Brand<string, 'RuleId'>;

// Ids are opaque, but bounded and printable so they are safe as IndexedDB and Redis keys.
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function idSchema<Id extends string>() {
  return z
    .string()
    .regex(ID_PATTERN, 'must be 1–64 letters, digits, "-" or "_"')
    .transform((value) => value as Id);
}

export const accountIdSchema = idSchema<AccountId>();
export const operationIdSchema = idSchema<OperationId>();
export const categoryIdSchema = idSchema<CategoryId>();
export const importBatchIdSchema = idSchema<ImportBatchId>();
export const ruleIdSchema = idSchema<RuleId>();

export const accountId = (value: string): AccountId => accountIdSchema.parse(value);
export const operationId = (value: string): OperationId => operationIdSchema.parse(value);
export const categoryId = (value: string): CategoryId => categoryIdSchema.parse(value);
export const importBatchId = (value: string): ImportBatchId => importBatchIdSchema.parse(value);
export const ruleId = (value: string): RuleId => ruleIdSchema.parse(value);
