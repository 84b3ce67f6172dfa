import { categoryId } from '@tirelire/shared';
import {
  createTfjsCategoryModel,
  randomModelFiles,
  type BackendName,
} from '@tirelire/models/runtime';
import { createCategorizerApi, type CategorizerApi } from './categorizer-api.ts';
import type { PersonalLayerStore } from './personal-layer-store.ts';

/** The classes of the tests' default model (random weights: only the plumbing is under test). */
export const TEST_MODEL_CLASSES = [
  categoryId('groceries'),
  categoryId('transport'),
  categoryId('salary'),
];

/** The categoriser's API over a small random model, for Node tests of every adapter. */
export function testCategorizerApi(
  personalLayers: PersonalLayerStore,
  backend: BackendName,
): CategorizerApi {
  const files = randomModelFiles({
    buckets: 4_096,
    dim: 16,
    classes: TEST_MODEL_CLASSES,
    seed: 11,
    modelVersion: 'test-1',
  });
  return createCategorizerApi({
    loadModel: () => createTfjsCategoryModel(files, { backend }),
    personalLayers,
  });
}
