import {
  GatherV2,
  getKernel,
  registerKernel,
  unregisterKernel,
  UnsortedSegmentSum,
  util,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs';
import { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * Two kernels the embedding bag needs on tfjs-backend-wasm 4.22, in plain TypeScript over the
 * wasm heap:
 * - UnsortedSegmentSum is missing, and it is the gradient of tf.gather: without it the bag
 *   cannot train on wasm.
 * - GatherV2 exists but copies one float at a time (about 1 ms per 1,000 rows of 32): a training
 *   step gathers ~20,000 rows twice. Rows along axis 0 are copied whole here; other gathers go
 *   to the original kernel.
 * Both are sequential, so results are the same on every run.
 */
function wasmBackendOf(backend: unknown): BackendWasm {
  if (!(backend instanceof BackendWasm)) throw new Error('this kernel is for the wasm backend');
  return backend;
}

function tensorInput(inputs: Record<string, TensorInfo | undefined>, name: string): TensorInfo {
  const input = inputs[name];
  if (!input) throw new Error(`missing input ${name}`);
  return input;
}

const unsortedSegmentSum: KernelFunc = ({ inputs, attrs, backend }) => {
  const wasm = wasmBackendOf(backend);
  const x = tensorInput(inputs, 'x');
  const segmentIds = tensorInput(inputs, 'segmentIds');
  const numSegments = attrs?.['numSegments'];
  if (typeof numSegments !== 'number') throw new Error('UnsortedSegmentSum needs numSegments');
  if (
    segmentIds.shape.length !== 1 ||
    segmentIds.shape[0] !== x.shape[0] ||
    x.dtype !== 'float32'
  ) {
    throw new Error('UnsortedSegmentSum (wasm): float32 values, segment ids over the first axis');
  }
  const inner = util.sizeFromShape(x.shape.slice(1));
  const output = wasm.makeOutput([numSegments, ...x.shape.slice(1)], 'float32');
  const out = wasm.typedArrayFromHeap(output);
  out.fill(0);
  const values = wasm.typedArrayFromHeap(x);
  const ids = wasm.typedArrayFromHeap(segmentIds);
  for (let row = 0; row < ids.length; row++) {
    const segment = ids[row] as number;
    if (segment < 0 || segment >= numSegments) continue;
    const from = row * inner;
    const to = segment * inner;
    for (let j = 0; j < inner; j++)
      out[to + j] = (out[to + j] as number) + (values[from + j] as number);
  }
  return output;
};

function rowGather(original: KernelFunc): KernelFunc {
  return (args) => {
    const { inputs, attrs, backend } = args;
    const x = tensorInput(inputs, 'x');
    const indices = tensorInput(inputs, 'indices');
    const alongRows = (attrs?.['axis'] ?? 0) === 0 && (attrs?.['batchDims'] ?? 0) === 0;
    if (!alongRows || x.dtype !== 'float32' || indices.dtype !== 'int32') return original(args);
    const wasm = wasmBackendOf(backend);
    const rows = x.shape[0] ?? 0;
    const inner = util.sizeFromShape(x.shape.slice(1));
    const output = wasm.makeOutput([...indices.shape, ...x.shape.slice(1)], 'float32');
    const out = wasm.typedArrayFromHeap(output);
    const values = wasm.typedArrayFromHeap(x);
    const ids = wasm.typedArrayFromHeap(indices);
    for (let i = 0; i < ids.length; i++) {
      const row = ids[i] as number;
      if (row < 0 || row >= rows) throw new Error(`gather index ${row} is outside [0, ${rows})`);
      out.set(values.subarray(row * inner, (row + 1) * inner), i * inner);
    }
    return output;
  };
}

let registered = false;

export function registerWasmKernels(): void {
  if (registered) return;
  registered = true;
  if (!getKernel(UnsortedSegmentSum, 'wasm')) {
    registerKernel({
      kernelName: UnsortedSegmentSum,
      backendName: 'wasm',
      kernelFunc: unsortedSegmentSum,
    });
  }
  const gather: KernelConfig | undefined = getKernel(GatherV2, 'wasm');
  if (gather) {
    unregisterKernel(GatherV2, 'wasm');
    registerKernel({ ...gather, kernelFunc: rowGather(gather.kernelFunc) });
  }
}
