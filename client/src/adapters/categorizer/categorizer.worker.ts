import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import { expose } from 'comlink';
import { createCategorizerApi } from './categorizer-api.ts';
import { loadDefaultModel } from './load-default-model.ts';
import { withPackedSuggestions } from './packed-suggestions.ts';
import { IndexedDbPersonalLayerStore } from './personal-layer-store.ts';

// Categorisation runs here, off the main thread: the model loads and classifies thousands of
// operations without freezing the page. The wasm binaries are bundled by Vite (`?url`), so they
// come from the app's own origin and are precached with it.
expose(
  withPackedSuggestions(
    createCategorizerApi({
      loadModel: () =>
        loadDefaultModel({
          baseUrl: new URL('/models/default/', self.location.href),
          fetch: (url) => fetch(url),
          wasmBinaries: { simd: simdWasm, plain: plainWasm },
          scope: self,
        }),
      personalLayers: new IndexedDbPersonalLayerStore(),
    }),
  ),
);
