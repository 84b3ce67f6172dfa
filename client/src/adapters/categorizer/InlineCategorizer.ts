import { fail, type CategoryId } from '@tirelire/shared';
import type {
  CategorizeContext,
  CategorizeInput,
  Categorizer,
  ConfirmedOperation,
} from '../../ports/category-model.ts';
import { createCategorizerApi, type CategorizerApi } from './categorizer-api.ts';
import { MemoryPersonalLayerStore } from './personal-layer-store.ts';

/**
 * The categoriser's API called on this thread: Node tests (with a test model), and the app's
 * fallback when no worker can start (then without a model: rules and memory only).
 */
export class InlineCategorizer implements Categorizer {
  constructor(private readonly api: CategorizerApi) {}

  ready() {
    return this.api.ready();
  }

  suggest(operations: readonly CategorizeInput[], context: CategorizeContext) {
    return this.api.suggest(operations, context);
  }

  learn(confirmed: readonly ConfirmedOperation[], categories: readonly CategoryId[]) {
    return this.api.learn(confirmed, categories);
  }

  close(): void {
    this.api.dispose();
  }
}

/** Rules and merchant memory only, on the main thread: what is left when no worker starts. */
export function openRulesAndMemoryCategorizer(
  reason = 'The categorisation worker could not start.',
): InlineCategorizer {
  return new InlineCategorizer(
    createCategorizerApi({
      loadModel: () => Promise.resolve(fail('no_model', reason)),
      personalLayers: new MemoryPersonalLayerStore(),
    }),
  );
}
