import { fail, ok, type CategoryId, type Result } from '@tirelire/shared';
import type { Suggestion } from '@tirelire/shared/categorize';
import type {
  CategorizerError,
  CategorizerStatus,
  ConfirmedOperation,
  LearnReport,
} from '../../ports/category-model.ts';
import {
  categorizeContextSchema,
  confirmedOperationsSchema,
  describeIssue,
  learnCategoriesSchema,
  parseCategorizeInputs,
} from './categorizer-schemas.ts';
import type { PersonalLayerStore } from './personal-layer-store.ts';
import {
  retrainPersonal,
  suggestCategories,
  type Models,
  type TfjsCategoryModel,
} from '@tirelire/models/runtime';

export interface CategorizerApiDependencies {
  /** Loads the default model; a failure (with its reason) leaves rules and memory to answer. */
  loadModel: () => Promise<Result<TfjsCategoryModel, string>>;
  personalLayers: PersonalLayerStore;
  now?: () => number;
}

/**
 * What the categoriser worker exposes (through comlink); also called directly by the inline
 * adapter. Arguments are `unknown` because they arrive from another thread: each is checked.
 */
export interface CategorizerApi {
  ready(): Promise<CategorizerStatus>;
  suggest(
    operations: unknown,
    context: unknown,
  ): Promise<Result<(Suggestion | null)[], CategorizerError>>;
  learn(confirmed: unknown, categories: unknown): Promise<Result<LearnReport, CategorizerError>>;
  /** Frees the model's tensors (the inline adapter; a worker is simply terminated). */
  dispose(): void;
}

type Loaded = { models: Models; loadMs: number } | { failed: string };

/** Starts loading at once: the model is usually ready before the first suggestion is asked. */
export function createCategorizerApi(dependencies: CategorizerApiDependencies): CategorizerApi {
  const now = dependencies.now ?? (() => performance.now());
  const startedAt = now();
  const loading = load(dependencies).then((models): Loaded =>
    models.ok ? { models: models.value, loadMs: now() - startedAt } : { failed: models.message },
  );
  // Retrainings run one after the other, so the layer kept is the one from the latest call.
  let learning: Promise<unknown> = Promise.resolve();

  return {
    async ready() {
      const loaded = await loading;
      if ('failed' in loaded) return { failed: loaded.failed };
      const { model, personal } = loaded.models;
      return {
        backend: model.backend,
        modelVersion: model.modelVersion,
        loadMs: Math.round(loaded.loadMs),
        personalTrainedOn: personal?.trainedOn ?? 0,
      };
    },

    async suggest(operations, context) {
      const parsedOperations = parseCategorizeInputs(operations);
      if (!parsedOperations.success) {
        return fail('invalid_request', describeIssue('operations', parsedOperations.error));
      }
      const parsedContext = categorizeContextSchema.safeParse(context);
      if (!parsedContext.success) {
        return fail('invalid_request', describeIssue('context', parsedContext.error));
      }
      const loaded = await loading;
      const models = 'failed' in loaded ? null : loaded.models;
      const { memory, ...rest } = parsedContext.data;
      try {
        return ok(
          suggestCategories(parsedOperations.data, { ...rest, memory: new Map(memory) }, models),
        );
      } catch (error) {
        return fail('internal', `Categorisation failed: ${String(error)}`);
      }
    },

    learn(confirmed, categories) {
      const parsedConfirmed = confirmedOperationsSchema.safeParse(confirmed);
      if (!parsedConfirmed.success) {
        return Promise.resolve(
          fail('invalid_request', describeIssue('confirmed operations', parsedConfirmed.error)),
        );
      }
      const parsedCategories = learnCategoriesSchema.safeParse(categories);
      if (!parsedCategories.success) {
        return Promise.resolve(
          fail('invalid_request', describeIssue('categories', parsedCategories.error)),
        );
      }
      const run = learning.then(async (): Promise<Result<LearnReport, CategorizerError>> => {
        const loaded = await loading;
        // Without the model there is nothing to learn on top of: rules and memory still learn.
        if ('failed' in loaded) return ok({ trainedOn: 0, ms: 0 });
        try {
          return ok(
            await retrain(
              loaded.models,
              parsedConfirmed.data,
              parsedCategories.data,
              dependencies.personalLayers,
              now,
            ),
          );
        } catch (error) {
          return fail('internal', `The personal layer could not be trained: ${String(error)}`);
        }
      });
      learning = run;
      return run;
    },

    dispose() {
      void loading.then((loaded) => {
        if ('failed' in loaded) return;
        loaded.models.personal?.dispose();
        loaded.models.model.dispose();
      });
    },
  };
}

async function load(dependencies: CategorizerApiDependencies): Promise<Result<Models, 'no_model'>> {
  let model: TfjsCategoryModel;
  try {
    const loaded = await dependencies.loadModel();
    if (!loaded.ok) return fail('no_model', loaded.message);
    model = loaded.value;
  } catch (error) {
    return fail('no_model', `The model could not be loaded: ${String(error)}`);
  }
  let personal = null;
  try {
    personal = model.loadPersonal(await dependencies.personalLayers.load());
  } catch {
    // No storage (a private window) or a damaged record: it is retrained from the ledger.
  }
  return ok({ model, personal });
}

async function retrain(
  models: Models,
  confirmed: readonly ConfirmedOperation[],
  categories: readonly CategoryId[],
  store: PersonalLayerStore,
  now: () => number,
): Promise<LearnReport> {
  const { model } = models;
  const started = now();
  const layer = retrainPersonal(models, confirmed, categories);
  const ms = now() - started;
  try {
    await store.save(model.serializePersonal(layer));
  } catch {
    // Kept in memory for this session; the next session retrains it from the ledger.
  }
  return { trainedOn: layer.trainedOn, ms: Math.round(ms) };
}
