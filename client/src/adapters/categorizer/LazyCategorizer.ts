import type { CategoryId, Result } from '@tirelire/shared';
import type {
  CategorizeContext,
  CategorizeInput,
  Categorizer,
  CategorizerError,
  CategorizerStatus,
  ConfirmedOperation,
} from '../../ports/category-model.ts';

/**
 * Starts the real categoriser on first use (ready() counts: the app calls it to warm the model
 * up once the first screen is painted), not at start-up. If it cannot start (a browser without
 * module workers), or its worker dies, the fallback (rules and merchant memory only) answers
 * from then on, and the call that found out is answered by it too.
 */
export class LazyCategorizer implements Categorizer {
  private current: Categorizer | null = null;
  private fellBack = false;

  constructor(
    private readonly open: () => Categorizer,
    private readonly openFallback: () => Categorizer,
  ) {}

  ready(): Promise<CategorizerStatus> {
    return this.categorizer().ready();
  }

  suggest(operations: readonly CategorizeInput[], context: CategorizeContext) {
    return this.withFallback((categorizer) => categorizer.suggest(operations, context));
  }

  learn(confirmed: readonly ConfirmedOperation[], categories: readonly CategoryId[]) {
    return this.withFallback((categorizer) => categorizer.learn(confirmed, categories));
  }

  close(): void {
    this.current?.close();
    this.current = null;
  }

  private async withFallback<T>(
    call: (categorizer: Categorizer) => Promise<Result<T, CategorizerError>>,
  ): Promise<Result<T, CategorizerError>> {
    const result = await call(this.categorizer());
    if (result.ok || result.code !== 'unavailable' || this.fellBack) return result;
    this.fallBack();
    return call(this.categorizer());
  }

  private categorizer(): Categorizer {
    if (!this.current) {
      try {
        this.current = this.open();
      } catch {
        this.fallBack();
      }
    }
    return this.current ?? this.fallBack();
  }

  private fallBack(): Categorizer {
    this.current?.close();
    this.fellBack = true;
    this.current = this.openFallback();
    return this.current;
  }
}
