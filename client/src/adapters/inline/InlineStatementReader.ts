import type { ReadStatementOptions } from '@tirelire/shared';
import type { StatementReader } from '../../ports/statement-reader.ts';
import { statementWorkerApi } from '../worker/statement-worker-api.ts';

/**
 * Reads statements on the calling thread, with the very checks the worker makes: for Node tests
 * and the command line, and as the app's fallback where a module worker cannot start.
 */
export class InlineStatementReader implements StatementReader {
  read(bytes: Uint8Array, options: ReadStatementOptions) {
    return Promise.resolve(statementWorkerApi.read(bytes, options));
  }

  close(): void {}
}
