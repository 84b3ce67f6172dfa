import { wrap, type Endpoint, type Remote } from 'comlink';
import { fail, type ReadStatementOptions } from '@tirelire/shared';
import type { StatementReader } from '../../ports/statement-reader.ts';
import type { StatementWorkerApi } from './statement-worker-api.ts';

/**
 * Reads statements in a Web Worker (or any comlink endpoint: tests use a MessageChannel). Bytes
 * are copied, not transferred, because the caller keeps them to re-read with another encoding.
 */
export class WorkerStatementReader implements StatementReader {
  private readonly remote: Remote<StatementWorkerApi>;

  constructor(
    endpoint: Endpoint,
    private readonly onClose: () => void = () => undefined,
  ) {
    this.remote = wrap<StatementWorkerApi>(endpoint);
  }

  async read(bytes: Uint8Array, options: ReadStatementOptions) {
    try {
      return await this.remote.read(bytes, options);
    } catch (error) {
      return fail('malformed', `The file reader stopped: ${String(error)}`);
    }
  }

  close(): void {
    this.onClose();
  }
}

/** The app's reader: a module worker built by Vite from statement.worker.ts. */
export function openWorkerStatementReader(): WorkerStatementReader {
  const worker = new Worker(new URL('./statement.worker.ts', import.meta.url), {
    type: 'module',
    name: 'statements',
  });
  return new WorkerStatementReader(worker, () => worker.terminate());
}
