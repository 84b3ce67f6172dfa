import {
  DATE_ORDERS,
  fail,
  MAX_STATEMENT_BYTES,
  readStatement,
  STATEMENT_FORMATS,
  csvColumnMappingSchema,
  type ReadStatement,
  type ReadStatementOptions,
  type Result,
} from '@tirelire/shared';
import { z } from 'zod';
import type { StatementReadError } from '../../ports/statement-reader.ts';

// Messages cross a thread boundary: whatever arrives is checked before a parser sees it.
const optionsSchema = z
  .object({
    format: z.enum(STATEMENT_FORMATS).optional(),
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).optional(),
    dateOrder: z.enum(DATE_ORDERS).optional(),
    defaultCurrency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    mapping: csvColumnMappingSchema.optional(),
  })
  .strict();

/** What the statement worker exposes (through comlink); also callable directly in tests. */
export const statementWorkerApi = {
  read(bytes: unknown, options: unknown): Result<ReadStatement, StatementReadError> {
    if (!(bytes instanceof Uint8Array)) return fail('invalid_request', 'Expected the file bytes.');
    if (bytes.byteLength > MAX_STATEMENT_BYTES)
      return fail('too_large', `The file is larger than ${MAX_STATEMENT_BYTES} bytes.`);
    const parsed = optionsSchema.safeParse(options ?? {});
    if (!parsed.success)
      return fail(
        'invalid_request',
        `Invalid read options: ${parsed.error.issues[0]?.message ?? ''}`,
      );
    try {
      return readStatement(bytes, parsed.data as ReadStatementOptions);
    } catch (error) {
      // Parsers return failures as values; reaching this is a parser bug, reported as unreadable.
      return fail('malformed', `This file could not be read (${String(error)}).`);
    }
  },
};

export type StatementWorkerApi = typeof statementWorkerApi;
