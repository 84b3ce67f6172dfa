import { wrap, type Endpoint, type Remote } from 'comlink';
import { fail, type CategoryId, type Result } from '@tirelire/shared';
import type { Suggestion } from '@tirelire/shared/categorize';
import type {
  CategorizeContext,
  CategorizeInput,
  Categorizer,
  CategorizerError,
  CategorizerStatus,
  ConfirmedOperation,
  LearnReport,
} from '../../ports/category-model.ts';
import {
  unpackSuggestions,
  type PackedCategorizerApi,
  type PackedSuggestions,
} from './packed-suggestions.ts';

/**
 * The categoriser in a Web Worker (or any comlink endpoint: tests use a MessageChannel). A
 * worker that dies (its script failed to load, say) never answers comlink again; `stopped`
 * resolves with the reason then, and every pending and later call fails as 'unavailable'
 * instead of hanging, which is what lets LazyCategorizer fall back.
 */
export class WorkerCategorizer implements Categorizer {
  private readonly remote: Remote<PackedCategorizerApi>;
  private readonly stopped: Promise<never>;

  constructor(
    endpoint: Endpoint,
    private readonly onClose: () => void = () => undefined,
    stopped: Promise<string> = new Promise<string>(() => undefined),
  ) {
    this.remote = wrap<PackedCategorizerApi>(endpoint);
    this.stopped = stopped.then((reason) => Promise.reject(new Error(reason)));
    // Nobody may be waiting when it stops; that is not an unhandled rejection.
    this.stopped.catch(() => undefined);
  }

  async ready(): Promise<CategorizerStatus> {
    try {
      return await this.call<CategorizerStatus>(this.remote.ready());
    } catch (error) {
      return { failed: stoppedMessage(error) };
    }
  }

  async suggest(
    operations: readonly CategorizeInput[],
    context: CategorizeContext,
  ): Promise<Result<(Suggestion | null)[], CategorizerError>> {
    try {
      // Packed in columns by the worker: copying 10,000 suggestion objects costs more than this.
      const packed = await this.call<Result<PackedSuggestions, CategorizerError>>(
        this.remote.suggestPacked(operations, context),
      );
      return packed.ok ? { ok: true, value: unpackSuggestions(packed.value) } : packed;
    } catch (error) {
      return fail('unavailable', stoppedMessage(error));
    }
  }

  async learn(
    confirmed: readonly ConfirmedOperation[],
    categories: readonly CategoryId[],
  ): Promise<Result<LearnReport, CategorizerError>> {
    try {
      return await this.call<Result<LearnReport, CategorizerError>>(
        this.remote.learn(confirmed, categories),
      );
    } catch (error) {
      return fail('unavailable', stoppedMessage(error));
    }
  }

  close(): void {
    this.onClose();
  }

  private call<T>(pending: Promise<T>): Promise<T> {
    return Promise.race([pending, this.stopped]);
  }
}

function stoppedMessage(error: unknown): string {
  return `The categoriser stopped: ${error instanceof Error ? error.message : String(error)}`;
}

/** The app's categoriser: a module worker built by Vite from categorizer.worker.ts. */
export function openWorkerCategorizer(): WorkerCategorizer {
  const worker = new Worker(new URL('./categorizer.worker.ts', import.meta.url), {
    type: 'module',
    name: 'categorizer',
  });
  const stopped = new Promise<string>((resolve) => {
    worker.addEventListener(
      'error',
      (event) => resolve(event.message || 'its worker failed to start'),
      { once: true },
    );
  });
  return new WorkerCategorizer(worker, () => worker.terminate(), stopped);
}
