import * as tf from '@tensorflow/tfjs-core';
import { BACKENDS, type BackendName } from './choose-backend.ts';

/**
 * The wasm binaries as URLs of the app's own origin. In the browser the bundler must serve them
 * (Vite: `import simd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'`),
 * so they are precached with the app and never fetched from a CDN. Node needs none: the wasm
 * backend then loads them from node_modules/@tensorflow/tfjs-backend-wasm/dist/, beside itself.
 */
export interface WasmBinaryUrls {
  /** tfjs-backend-wasm-simd.wasm: every current browser. */
  simd: string;
  /** tfjs-backend-wasm.wasm: engines without wasm SIMD. */
  plain: string;
}

export interface StartBackendOptions {
  wasmBinaries?: WasmBinaryUrls;
}

/**
 * Makes `preferred` TF.js's backend, or the next one down webgl → wasm → cpu when it cannot
 * start (no WebGL after all, the .wasm not reachable); resolves to the one running. Backends are
 * imported on demand so a device only ever downloads and evaluates the one it uses.
 */
export async function startBackend(
  preferred: BackendName,
  options: StartBackendOptions = {},
): Promise<BackendName> {
  for (const name of BACKENDS.slice(BACKENDS.indexOf(preferred))) {
    if (tf.getBackend() === name) return name;
    if (await tryStart(name, options)) return name;
  }
  throw new Error('No TF.js backend could start, not even the JavaScript one.');
}

async function tryStart(name: BackendName, options: StartBackendOptions): Promise<boolean> {
  try {
    await register(name, options);
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

async function register(name: BackendName, options: StartBackendOptions): Promise<void> {
  switch (name) {
    case 'webgl':
      await import('@tensorflow/tfjs-backend-webgl');
      return;
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      return;
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      // Single-threaded on purpose: the threaded build needs cross-origin isolation (COOP/COEP
      // headers), and it starts its threads from a function's source text, which minification
      // breaks. The flag only exists once the wasm backend module has been evaluated.
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      if (options.wasmBinaries) {
        const { simd, plain } = options.wasmBinaries;
        wasm.setWasmPaths({
          'tfjs-backend-wasm.wasm': plain,
          'tfjs-backend-wasm-simd.wasm': simd,
          // Never loaded (threads are off above), but setWasmPaths wants all three names.
          'tfjs-backend-wasm-threaded-simd.wasm': simd,
        });
      }
      return;
    }
  }
}
