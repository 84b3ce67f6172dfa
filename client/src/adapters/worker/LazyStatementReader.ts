import type { ReadStatementOptions } from '@tirelire/shared';
import type { StatementReader } from '../../ports/statement-reader.ts';

/**
 * Starts the real reader on the first read, not at start-up: most sessions import nothing, and a
 * worker costs memory and start-up time. If the first choice cannot start (a browser without
 * module workers), the fallback reads instead.
 */
export class LazyStatementReader implements StatementReader {
  private reader: StatementReader | null = null;

  constructor(
    private readonly open: () => StatementReader,
    private readonly openFallback: () => StatementReader,
  ) {}

  read(bytes: Uint8Array, options: ReadStatementOptions) {
    if (!this.reader) {
      try {
        this.reader = this.open();
      } catch {
        this.reader = this.openFallback();
      }
    }
    return this.reader.read(bytes, options);
  }

  close(): void {
    this.reader?.close();
    this.reader = null;
  }
}
