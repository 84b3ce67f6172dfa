import * as tf from '@tensorflow/tfjs-core';

/**
 * The personal layer as plain data, for IndexedDB or a postMessage. `weights` is row-major
 * [inputSize, classes.length]; the input is the default model's embedding then its
 * probabilities, so a layer only fits the default model it was trained on (`modelVersion`).
 */
export interface SerializedPersonalLayer {
  format: 'tirelire-personal-layer';
  modelVersion: string;
  inputSize: number;
  classes: string[];
  weights: Float32Array;
  bias: Float32Array;
  /** Confirmed operations it learnt from: the blend's weight grows with it. */
  trainedOn: number;
}

/** A trained personal layer, held as TF.js tensors; dispose() frees them. */
export interface PersonalLayerState {
  readonly modelVersion: string;
  readonly inputSize: number;
  readonly classes: readonly string[];
  readonly trainedOn: number;
  readonly weights: tf.Tensor2D;
  readonly bias: tf.Tensor1D;
  dispose(): void;
}

/** Each class's probability for each row of `inputs` ([n, inputSize]). Call inside tf.tidy. */
export function applyPersonalLayer(layer: PersonalLayerState, inputs: tf.Tensor2D): tf.Tensor2D {
  return tf.softmax(tf.add<tf.Tensor2D>(tf.matMul(inputs, layer.weights), layer.bias));
}

export function serializePersonalLayer(layer: PersonalLayerState): SerializedPersonalLayer {
  return {
    format: 'tirelire-personal-layer',
    modelVersion: layer.modelVersion,
    inputSize: layer.inputSize,
    classes: [...layer.classes],
    weights: layer.weights.dataSync<'float32'>().slice(),
    bias: layer.bias.dataSync<'float32'>().slice(),
    trainedOn: layer.trainedOn,
  };
}

/**
 * Rebuilds a layer from what serializePersonalLayer wrote, after checking it still fits: data
 * read back from storage may be from another model version, or damaged.
 */
export function deserializePersonalLayer(
  data: unknown,
  expected: { modelVersion: string; inputSize: number },
): PersonalLayerState | null {
  if (!isSerializedPersonalLayer(data)) return null;
  if (data.modelVersion !== expected.modelVersion || data.inputSize !== expected.inputSize) {
    return null;
  }
  const classCount = data.classes.length;
  if (classCount === 0 || new Set(data.classes).size !== classCount) return null;
  if (data.weights.length !== data.inputSize * classCount || data.bias.length !== classCount) {
    return null;
  }
  if (!data.weights.every(Number.isFinite) || !data.bias.every(Number.isFinite)) return null;
  return personalLayerState(
    data.modelVersion,
    data.classes,
    data.trainedOn,
    tf.tensor2d(data.weights, [data.inputSize, classCount]),
    tf.tensor1d(data.bias),
  );
}

function isSerializedPersonalLayer(data: unknown): data is SerializedPersonalLayer {
  if (typeof data !== 'object' || data === null) return false;
  const layer = data as Partial<Record<keyof SerializedPersonalLayer, unknown>>;
  return (
    layer.format === 'tirelire-personal-layer' &&
    typeof layer.modelVersion === 'string' &&
    Number.isInteger(layer.inputSize) &&
    Array.isArray(layer.classes) &&
    layer.classes.every((id) => typeof id === 'string') &&
    layer.weights instanceof Float32Array &&
    layer.bias instanceof Float32Array &&
    Number.isInteger(layer.trainedOn) &&
    (layer.trainedOn as number) >= 0
  );
}

/** Wraps trained or restored tensors as a layer; also disposes `alsoDispose`. */
export function personalLayerState(
  modelVersion: string,
  classes: readonly string[],
  trainedOn: number,
  weights: tf.Tensor2D,
  bias: tf.Tensor1D,
  alsoDispose: tf.Tensor[] = [],
): PersonalLayerState {
  tf.dispose(alsoDispose);
  return {
    modelVersion,
    inputSize: weights.shape[0],
    classes: [...classes],
    trainedOn,
    weights,
    bias,
    dispose: () => tf.dispose([weights, bias]),
  };
}
