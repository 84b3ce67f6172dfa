// The TF.js runtime of the category model (docs/categorisation.md, "Runtime"): used by the
// browser worker and the `categorize` command. Named exports only.
export {
  BACKENDS,
  chooseBackend,
  probeBackendEnvironment,
  type BackendName,
  type BackendEnvironment,
} from './choose-backend.ts';
export { startBackend, type StartBackendOptions, type WasmBinaryUrls } from './start-backend.ts';
export {
  createTfjsCategoryModel,
  TfjsCategoryModel,
  type BatchPredictions,
  type CategoryModelFiles,
  type PersonalExample,
  type TfjsCategoryModelOptions,
} from './tfjs-category-model.ts';
export type { EmbeddingStrategy } from './embedding-bag.ts';
export { randomModelFiles, type RandomModelShape } from './random-model.ts';
export type { PersonalLayerState, SerializedPersonalLayer } from './personal-layer.ts';
export type { PersonalTrainingOptions } from './personal-training.ts';
export {
  suggestCategories,
  retrainPersonal,
  type ConfirmedExample,
  type Models,
  type SuggestContext,
  type OperationToCategorize,
} from './suggest-categories.ts';
