import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { CategoryId } from '@tirelire/shared';
import {
  CATEGORY_MODEL_FORMAT,
  CATEGORY_MODEL_FORMAT_VERSION,
  encodeEmbeddingScale,
  parseModelFiles,
  predictDefault,
  type CategoryModelManifest,
  type LoadedModel,
} from '@tirelire/shared/categorize';
import type { Predict } from './cross-validation.ts';
import type { RankedPrediction } from './metrics.ts';
import { quantizeRows, zeroUnusedRows } from './quantize.ts';
import type { TrainedModel } from './train.ts';

export const EMBEDDING_FILE = 'embedding.i8';
export const EMBEDDING_SCALE_FILE = 'embedding-scale.f32';
export const MANIFEST_FILE = 'manifest.json';

/** The three files of docs/categorisation.md, as bytes. */
export interface ModelFiles {
  readonly manifest: CategoryModelManifest;
  readonly embedding: Uint8Array;
  readonly embeddingScale: Uint8Array;
}

export interface ManifestExtras {
  readonly modelVersion: string;
  /** The fitted softmax temperature, folded into the head (W / T, b / T). */
  readonly temperature: number;
  readonly thresholds: Readonly<Record<string, number | null>>;
  readonly metrics: Readonly<Record<string, unknown>>;
}

/**
 * JSON keeps float32 weights exactly when written with the shortest decimal that reads back as
 * the same float32 (9 significant digits always do).
 */
const float32Numbers = (values: Float32Array, divisor: number): number[] =>
  Array.from(values, (value) => Number(Math.fround(value / divisor).toPrecision(9)));

/** The shipped form of a trained model: unused rows zeroed, E quantised per row to int8. */
export function toModelFiles(
  model: TrainedModel,
  classes: readonly CategoryId[],
  extras: ManifestExtras,
): ModelFiles {
  const { buckets, dim } = model.shape;
  const embedding = zeroUnusedRows(model.weights.embedding, model.usedRows, dim);
  const quantized = quantizeRows(embedding, buckets, dim);
  const manifest: CategoryModelManifest = {
    format: CATEGORY_MODEL_FORMAT,
    formatVersion: CATEGORY_MODEL_FORMAT_VERSION,
    modelVersion: extras.modelVersion,
    buckets,
    dim,
    classes: [...classes],
    embeddingFile: EMBEDDING_FILE,
    embeddingScaleFile: EMBEDDING_SCALE_FILE,
    head: {
      weights: float32Numbers(model.weights.head, extras.temperature),
      bias: float32Numbers(model.weights.bias, extras.temperature),
    },
    thresholds: { ...extras.thresholds },
    metrics: { ...extras.metrics },
  };
  return {
    manifest,
    embedding: new Uint8Array(
      quantized.bytes.buffer,
      quantized.bytes.byteOffset,
      quantized.bytes.byteLength,
    ),
    embeddingScale: encodeEmbeddingScale(quantized.scales),
  };
}

export function manifestJson(manifest: CategoryModelManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The files as the app reads them back (the JSON goes through text, as over the network). */
export function loadModelFiles(files: ModelFiles): LoadedModel {
  const parsed = parseModelFiles(
    JSON.parse(manifestJson(files.manifest)),
    files.embedding,
    files.embeddingScale,
  );
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

/** Predictions as the app computes them: the reference forward pass over the loaded files. */
export function predictorOf(loaded: LoadedModel): Predict {
  const classes = loaded.manifest.classes;
  return (features) => {
    const probabilities = predictDefault(loaded, features);
    const ranking: RankedPrediction[] = classes.map((categoryId, index) => ({
      categoryId,
      p: probabilities[index] ?? 0,
    }));
    return ranking.sort((a, b) => b.p - a.p);
  };
}

/** The shipped path for a trained model: export, read back, predict with the reference model. */
export function shippedPredictor(
  model: TrainedModel,
  classes: readonly CategoryId[],
  temperature: number,
): Predict {
  const files = toModelFiles(model, classes, {
    modelVersion: 'evaluation',
    temperature,
    thresholds: {},
    metrics: {},
  });
  return predictorOf(loadModelFiles(files));
}

/**
 * The manifest as committed: JSON laid out by the repository's Prettier settings, so
 * `npm run format:check` passes on a freshly trained model.
 */
export async function committedManifest(
  manifest: CategoryModelManifest,
  directory: string,
): Promise<string> {
  const file = join(directory, MANIFEST_FILE);
  const options = (await resolveConfig(file)) ?? {};
  return format(manifestJson(manifest), { ...options, filepath: file });
}

/** What the app downloads: the three files, in bytes. */
export function modelFileBytes(files: ModelFiles, manifestText: string): number {
  return (
    Buffer.byteLength(manifestText) + files.embedding.byteLength + files.embeddingScale.byteLength
  );
}

export function writeModelFiles(files: ModelFiles, manifestText: string, directory: string): void {
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, MANIFEST_FILE), manifestText);
  writeFileSync(join(directory, EMBEDDING_FILE), files.embedding);
  writeFileSync(join(directory, EMBEDDING_SCALE_FILE), files.embeddingScale);
}
