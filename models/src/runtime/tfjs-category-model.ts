import * as tf from '@tensorflow/tfjs-core';
import { ok, type Result } from '@tirelire/shared';
import {
  parseModelFiles,
  type CategoryModelManifest,
  type FeatureVector,
  type LoadedModel,
} from '@tirelire/shared/categorize';
import { BACKENDS, type BackendName } from './choose-backend.ts';
import { embedChunk, type EmbeddingStrategy } from './embedding-bag.ts';
import {
  applyPersonalLayer,
  deserializePersonalLayer,
  serializePersonalLayer,
  type PersonalLayerState,
  type SerializedPersonalLayer,
} from './personal-layer.ts';
import { trainPersonalLayer, type PersonalTrainingOptions } from './personal-training.ts';
import { startBackend, type WasmBinaryUrls } from './start-backend.ts';

/** The three files of docs/categorisation.md, as fetched or read from disk. */
export interface CategoryModelFiles {
  manifest: unknown;
  embedding: ArrayBuffer | Uint8Array;
  scale: ArrayBuffer | Uint8Array;
}

export interface TfjsCategoryModelOptions {
  /**
   * Start this backend first (falling back down webgl → wasm → cpu); default: the one running,
   * or cpu.
   */
  backend?: BackendName;
  wasmBinaries?: WasmBinaryUrls;
  /** Operations per TF.js pass: bounds the memory of the gathered rows ([entries, D] floats). */
  chunkSize?: number;
  /** Force one way of computing the embedding bag (tests); default: the backend's best. */
  embedding?: EmbeddingStrategy;
}

export interface PersonalExample {
  features: FeatureVector;
  categoryId: string;
}

/** Both models' probabilities for a batch, computed from one embedding pass. */
export interface BatchPredictions {
  /** Over the default model's classes (manifest.classes). */
  defaults: Float32Array[];
  /** Over the personal layer's classes; null without a personal layer. */
  personal: Float32Array[] | null;
}

const DEFAULT_CHUNK_SIZE = 2_000;

/** Loads the model files into TF.js; 'invalid_model' when they do not parse or do not agree. */
export async function createTfjsCategoryModel(
  files: CategoryModelFiles,
  options: TfjsCategoryModelOptions = {},
): Promise<Result<TfjsCategoryModel, 'invalid_model'>> {
  const parsed = parseModelFiles(files.manifest, files.embedding, files.scale);
  if (!parsed.ok) return parsed;
  const backend = await startBackend(
    options.backend ?? runningBackend() ?? 'cpu',
    options.wasmBinaries ? { wasmBinaries: options.wasmBinaries } : {},
  );
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  return ok(new TfjsCategoryModel(parsed.value, backend, chunkSize, options.embedding ?? null));
}

/** The backend TF.js runs now, if it is one of ours (null before any has started). */
function runningBackend(): BackendName | null {
  const name: unknown = tf.getBackend();
  return BACKENDS.find((backend) => backend === name) ?? null;
}

/**
 * The hashed embedding bag of docs/categorisation.md on TF.js: gather each feature's row,
 * weight it, sum per operation, then the dense head and a softmax. Proven equal to the shared
 * reference-model.ts by tfjs-category-model.test.ts. Every call cleans up its tensors.
 */
export class TfjsCategoryModel {
  readonly manifest: CategoryModelManifest;
  readonly classes: readonly string[];
  /** The embedding table, dequantised once: E[r] = byte · scale[r]. */
  private readonly table: tf.Tensor2D;
  private readonly headWeights: tf.Tensor2D;
  private readonly headBias: tf.Tensor1D;
  /** null: by backend, see embedding-bag.ts. */
  private readonly strategy: EmbeddingStrategy | null;

  constructor(
    model: LoadedModel,
    readonly backend: BackendName,
    private readonly chunkSize: number,
    strategy: EmbeddingStrategy | null = null,
  ) {
    const { manifest, embedding, scale } = model;
    const { buckets, dim, classes } = manifest;
    this.manifest = manifest;
    this.classes = classes;
    // One more row than buckets, left at zero: see embedding-bag.ts.
    const table = new Float32Array((buckets + 1) * dim);
    for (let row = 0; row < buckets; row += 1) {
      const rowScale = scale[row] ?? 0;
      for (let d = 0; d < dim; d += 1) {
        table[row * dim + d] = (embedding[row * dim + d] ?? 0) * rowScale;
      }
    }
    this.table = tf.tensor2d(table, [buckets + 1, dim]);
    this.strategy = strategy;
    this.headWeights = tf.tensor2d(manifest.head.weights, [dim, classes.length]);
    this.headBias = tf.tensor1d(manifest.head.bias);
  }

  get modelVersion(): string {
    return this.manifest.modelVersion;
  }

  /** Size of the personal layer's input: the embedding then the default probabilities. */
  get personalInputSize(): number {
    return this.manifest.dim + this.classes.length;
  }

  /** Each operation's mean embedding e (D values). */
  embed(batch: readonly FeatureVector[]): Float32Array[] {
    return this.inChunks(batch, (chunk) => [this.embedChunk(chunk)])[0] ?? [];
  }

  /** The default model's probabilities over `classes`, one array per operation. */
  predict(batch: readonly FeatureVector[]): Float32Array[] {
    return this.inChunks(batch, (chunk) => [this.defaultProbs(this.embedChunk(chunk))])[0] ?? [];
  }

  /** The personal layer's probabilities over its own classes. */
  predictPersonal(layer: PersonalLayerState, batch: readonly FeatureVector[]): Float32Array[] {
    return this.predictBoth(batch, layer).personal ?? [];
  }

  /** Default and personal probabilities together: the embedding is computed once. */
  predictBoth(batch: readonly FeatureVector[], layer: PersonalLayerState | null): BatchPredictions {
    if (!layer) return { defaults: this.predict(batch), personal: null };
    const [defaults = [], personal = []] = this.inChunks(batch, (chunk) => {
      const embedded = this.embedChunk(chunk);
      const probs = this.defaultProbs(embedded);
      return [probs, applyPersonalLayer(layer, tf.concat([embedded, probs], 1))];
    });
    return { defaults, personal };
  }

  /**
   * Trains a personal layer over `classes` (the person's categories, which may include some the
   * default model does not know) on their confirmed operations; examples in other categories
   * are left out. The caller owns the result and disposes it.
   */
  trainPersonal(
    examples: readonly PersonalExample[],
    classes: readonly string[],
    options: PersonalTrainingOptions = {},
  ): PersonalLayerState {
    const classIndex = new Map(classes.map((id, index) => [id, index]));
    const kept = examples.filter((example) => classIndex.has(example.categoryId));
    const labels = Int32Array.from(kept, (example) => classIndex.get(example.categoryId) ?? 0);
    const inputs = this.personalInputs(kept.map((example) => example.features));
    return trainPersonalLayer(
      {
        modelVersion: this.modelVersion,
        classes,
        inputs,
        inputSize: this.personalInputSize,
        labels,
      },
      options,
    );
  }

  serializePersonal(layer: PersonalLayerState): SerializedPersonalLayer {
    return serializePersonalLayer(layer);
  }

  /** null when `data` is not a layer trained on this very model (another version, damaged). */
  loadPersonal(data: unknown): PersonalLayerState | null {
    return deserializePersonalLayer(data, {
      modelVersion: this.modelVersion,
      inputSize: this.personalInputSize,
    });
  }

  dispose(): void {
    tf.dispose([this.table, this.headWeights, this.headBias]);
  }

  /** [e, default probabilities] of every example, row-major [n, personalInputSize]. */
  private personalInputs(batch: readonly FeatureVector[]): Float32Array {
    const rows = this.inChunks(batch, (chunk) => {
      const embedded = this.embedChunk(chunk);
      return [tf.concat([embedded, this.defaultProbs(embedded)], 1)];
    })[0];
    const inputs = new Float32Array(batch.length * this.personalInputSize);
    rows?.forEach((row, i) => inputs.set(row, i * this.personalInputSize));
    return inputs;
  }

  private embedChunk(chunk: readonly FeatureVector[]): tf.Tensor2D {
    const strategy = this.strategy ?? (tf.getBackend() === 'webgl' ? 'gather' : 'weight-groups');
    return embedChunk(this.table, chunk, strategy);
  }

  private defaultProbs(embedded: tf.Tensor2D): tf.Tensor2D {
    return tf.softmax(tf.add<tf.Tensor2D>(tf.matMul(embedded, this.headWeights), this.headBias));
  }

  /**
   * Runs `compute` on chunks of `batch` inside tf.tidy and reads its outputs back as one
   * Float32Array per operation, output by output. Each output is [chunk length, width].
   */
  private inChunks(
    batch: readonly FeatureVector[],
    compute: (chunk: readonly FeatureVector[]) => tf.Tensor2D[],
  ): Float32Array[][] {
    const outputs: Float32Array[][] = [];
    for (let start = 0; start < batch.length; start += this.chunkSize) {
      const chunk = batch.slice(start, start + this.chunkSize);
      // Tensors out of tidy, read after: tidy walks whatever it returns, element by element.
      const tensors = tf.tidy(() => compute(chunk));
      const values = tensors.map((tensor) => tensor.dataSync<'float32'>());
      tf.dispose(tensors);
      values.forEach((flat, output) => {
        const width = flat.length / chunk.length;
        const rows = (outputs[output] ??= []);
        // Copies, not views: a view posted to another thread would carry the whole chunk.
        for (let i = 0; i < chunk.length; i += 1) rows.push(flat.slice(i * width, (i + 1) * width));
      });
    }
    return outputs;
  }
}
