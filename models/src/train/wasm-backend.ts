import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmKernels } from './wasm-kernels.ts';

let ready: Promise<void> | null = null;

/**
 * TF.js on its wasm backend, in Node (tfjs-node does not install here). Node gets the
 * single-threaded build, so float sums happen in one order and training is reproducible.
 */
export function useWasmBackend(): Promise<void> {
  ready ??= (async () => {
    registerWasmKernels();
    const require = createRequire(import.meta.url);
    const wasmFile = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
    setWasmPaths(`${dirname(wasmFile)}/`);
    if (!(await tf.setBackend('wasm'))) throw new Error('the TF.js wasm backend did not start');
    await tf.ready();
  })();
  return ready;
}
