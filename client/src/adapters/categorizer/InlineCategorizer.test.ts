import { describeCategorizerContract } from '../../ports/category-model.contract.ts';
import { InlineCategorizer, openRulesAndMemoryCategorizer } from './InlineCategorizer.ts';
import { MemoryPersonalLayerStore } from './personal-layer-store.ts';
import { TEST_MODEL_CLASSES, testCategorizerApi } from './test-categorizer.ts';

describeCategorizerContract('inline, TF.js cpu backend', {
  newDevice: () => new MemoryPersonalLayerStore(),
  open: (store) => new InlineCategorizer(testCategorizerApi(store, 'cpu')),
  modelClasses: TEST_MODEL_CLASSES,
});

describeCategorizerContract('inline, rules and memory only (the fallback)', {
  newDevice: () => null,
  open: () => openRulesAndMemoryCategorizer(),
  modelClasses: null,
});
