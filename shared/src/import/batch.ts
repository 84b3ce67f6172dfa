import { z } from 'zod';
import { accountIdSchema, importBatchIdSchema, operationIdSchema } from '../ledger/ids.ts';
import { operationSchema } from '../ledger/operation.ts';
import { csvColumnMappingSchema } from './csv-mapping.ts';
import { STATEMENT_FORMATS } from './statement.ts';

/**
 * One import of one file into one account: what undo needs to put the account back exactly as
 * it was. Operations the import added carry the batch id (`Operation.importBatchId`); the
 * hand-typed operations it merged with bank rows are kept here as they were before the merge.
 */
export const importBatchSchema = z.object({
  id: importBatchIdSchema,
  accountId: accountIdSchema,
  fileName: z.string().max(255),
  format: z.enum(STATEMENT_FORMATS),
  /** Bank or CSV layout recognised, for the history list. */
  bank: z.string().max(120).nullable(),
  /** The account number the file named, so the next file from it lands in the same account. */
  statementAccountId: z.string().max(64).nullable(),
  addedIds: z.array(operationIdSchema),
  merged: z.array(operationSchema),
  duplicates: z.number().int().nonnegative(),
  /**
   * The column mapping a CSV was read with, so the next file of that layout into this account
   * needs no mapping step. Kept after an undo, like the rest of the record.
   */
  csvMapping: csvColumnMappingSchema.nullable(),
  createdAt: z.number().int().nonnegative(),
  /** Set when the import was undone; the record stays for the history and the mapping memory. */
  undoneAt: z.number().int().nonnegative().nullable(),
});

export type ImportBatch = z.output<typeof importBatchSchema>;
