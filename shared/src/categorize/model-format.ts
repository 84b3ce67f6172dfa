import { z } from 'zod';
import { categoryIdSchema } from '../ledger/ids.ts';
import { fail, ok, type Result } from '../util/result.ts';

/**
 * The shipped category model (docs/categorisation.md, "The model"): a JSON manifest and two
 * binary files, served from /models/default/.
 * - `embedding.i8`: B × D signed bytes, row-major; row r's real values are `byte · scale[r]`;
 * - `embedding-scale.f32`: B little-endian float32, one scale per row;
 * - the manifest: sizes, the classes the model predicts, the dense head (W: D × C row-major,
 *   bias: C), per-category auto-apply thresholds and training metrics.
 */
export const CATEGORY_MODEL_FORMAT = 'tirelire-category-model';
export const CATEGORY_MODEL_FORMAT_VERSION = 1;

// Generous bounds, far above the ≤ 2 MB model, so a damaged manifest cannot make us allocate
// gigabytes.
export const MAX_MODEL_BUCKETS = 1 << 22;
export const MAX_MODEL_DIM = 1_024;
export const MAX_MODEL_CLASSES = 1_000;

/** A plain file name beside the manifest: no path, nothing hidden. */
const fileNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'must be a plain file name');

export const categoryModelManifestSchema = z
  .object({
    format: z.literal(CATEGORY_MODEL_FORMAT),
    formatVersion: z.literal(CATEGORY_MODEL_FORMAT_VERSION),
    modelVersion: z.string().min(1).max(100),
    buckets: z.number().int().min(1).max(MAX_MODEL_BUCKETS),
    dim: z.number().int().min(1).max(MAX_MODEL_DIM),
    classes: z
      .array(categoryIdSchema)
      .min(1)
      .max(MAX_MODEL_CLASSES)
      .refine((classes) => new Set(classes).size === classes.length, 'has a class twice'),
    embeddingFile: fileNameSchema,
    embeddingScaleFile: fileNameSchema,
    head: z.object({
      /** D × C, row-major: the weight from embedding value d to class c is at d · C + c. */
      weights: z.array(z.number()),
      bias: z.array(z.number()),
    }),
    /** Per class, the probability from which its prediction may be applied without asking. */
    thresholds: z.record(categoryIdSchema, z.number().min(0).max(1).nullable()),
    metrics: z.record(z.string(), z.unknown()),
  })
  .superRefine((manifest, context) => {
    const classes = manifest.classes.length;
    if (manifest.head.weights.length !== manifest.dim * classes) {
      context.addIssue({
        code: 'custom',
        path: ['head', 'weights'],
        message: `has ${manifest.head.weights.length} values instead of dim × classes = ${manifest.dim * classes}`,
      });
    }
    if (manifest.head.bias.length !== classes) {
      context.addIssue({
        code: 'custom',
        path: ['head', 'bias'],
        message: `has ${manifest.head.bias.length} values instead of ${classes}`,
      });
    }
    const known = new Set<string>(manifest.classes);
    for (const id of Object.keys(manifest.thresholds)) {
      if (!known.has(id)) {
        context.addIssue({ code: 'custom', path: ['thresholds', id], message: 'is not a class' });
      }
    }
  });

export type CategoryModelManifest = z.output<typeof categoryModelManifestSchema>;

export interface LoadedModel {
  readonly manifest: CategoryModelManifest;
  /** B × D, row-major; a view over the bytes given to parseModelFiles, not a copy. */
  readonly embedding: Int8Array;
  /** B row scales, read as little-endian float32. */
  readonly scale: Float32Array;
}

function bytesOf(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** Checks the three files against each other; any mismatch is an invalid model. */
export function parseModelFiles(
  manifestJson: unknown,
  embedding: Uint8Array | ArrayBuffer,
  scale: ArrayBuffer | Uint8Array,
): Result<LoadedModel, 'invalid_model'> {
  const parsed = categoryModelManifestSchema.safeParse(manifestJson);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return fail('invalid_model', `The model manifest is invalid: ${where}${issue?.message ?? ''}`);
  }
  const manifest = parsed.data;
  const { buckets, dim } = manifest;

  const embeddingBytes = bytesOf(embedding);
  if (embeddingBytes.byteLength !== buckets * dim) {
    return fail(
      'invalid_model',
      `${manifest.embeddingFile} has ${embeddingBytes.byteLength} bytes instead of buckets × dim = ${buckets * dim}`,
    );
  }
  const scaleBytes = bytesOf(scale);
  if (scaleBytes.byteLength !== buckets * 4) {
    return fail(
      'invalid_model',
      `${manifest.embeddingScaleFile} has ${scaleBytes.byteLength} bytes instead of buckets × 4 = ${buckets * 4}`,
    );
  }

  // Explicitly little-endian, whatever the platform, and from any byte offset.
  const view = new DataView(scaleBytes.buffer, scaleBytes.byteOffset, scaleBytes.byteLength);
  const scales = new Float32Array(buckets);
  for (let row = 0; row < buckets; row += 1) {
    const value = view.getFloat32(row * 4, true);
    if (!Number.isFinite(value)) {
      return fail(
        'invalid_model',
        `${manifest.embeddingScaleFile}: row ${row} has no finite scale`,
      );
    }
    scales[row] = value;
  }

  return ok({
    manifest,
    embedding: new Int8Array(
      embeddingBytes.buffer,
      embeddingBytes.byteOffset,
      embeddingBytes.byteLength,
    ),
    scale: scales,
  });
}

/** The bytes of an embedding-scale file: little-endian float32 (for training, which writes it). */
export function encodeEmbeddingScale(scales: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(scales.length * 4);
  const view = new DataView(bytes.buffer);
  for (let row = 0; row < scales.length; row += 1) view.setFloat32(row * 4, scales[row]!, true);
  return bytes;
}
