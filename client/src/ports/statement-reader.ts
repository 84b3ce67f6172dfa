import type { ReadStatement, ReadStatementOptions, Result, StatementError } from '@tirelire/shared';

/** Why a file could not be read, beyond the parsers' own reasons. */
export type StatementReadError =
  | StatementError
  /** Larger than MAX_STATEMENT_BYTES: refused before anything is decoded. */
  | 'too_large'
  /** The options were not valid (they cross a worker boundary: checked there). */
  | 'invalid_request';

/**
 * Reads a bank file: bytes in, statements out, with the shared parsers. Adapters decide where the
 * work runs (a Web Worker in the app, so a 10 MB file never freezes the page).
 *
 * Contract (statement-reader.contract.ts): the result is the shared `readStatement`'s, field for
 * field; the caller's bytes are left intact (the app keeps them to re-read with another encoding);
 * bad input is a failed Result with a reason, never a rejected promise; calls may overlap.
 */
export interface StatementReader {
  read(
    bytes: Uint8Array,
    options: ReadStatementOptions,
  ): Promise<Result<ReadStatement, StatementReadError>>;
  close(): void;
}
