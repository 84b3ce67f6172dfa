import { describe, expect, it } from 'vitest';
import {
  CATEGORY_MODEL_FORMAT,
  encodeEmbeddingScale,
  parseModelFiles,
  type CategoryModelManifest,
} from './model-format.ts';

/** A model with B = 3 buckets, D = 2, C = 2 classes. */
function manifest(overrides: Partial<Record<keyof CategoryModelManifest, unknown>> = {}) {
  return {
    format: CATEGORY_MODEL_FORMAT,
    formatVersion: 1,
    modelVersion: '2024-03-12',
    buckets: 3,
    dim: 2,
    classes: ['groceries', 'transport'],
    embeddingFile: 'embedding.i8',
    embeddingScaleFile: 'embedding-scale.f32',
    head: { weights: [1, 0, 0, 1], bias: [0, 0.5] },
    thresholds: { groceries: 0.8, transport: null },
    metrics: { accuracy: 0.9, perCategory: { groceries: { f1: 0.9 } } },
    ...overrides,
  };
}

const embedding = Int8Array.from([1, -2, 127, -128, 0, 5]);
const scale = encodeEmbeddingScale([0.5, 0.25, 1.5]);

function embeddingBytes(): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(embedding, (value) => value & 0xff);
}

describe('parseModelFiles', () => {
  it('loads a valid model: signed bytes, little-endian scales', () => {
    const result = parseModelFiles(manifest(), embeddingBytes(), scale);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Array.from(result.value.embedding)).toEqual([1, -2, 127, -128, 0, 5]);
    expect(Array.from(result.value.scale)).toEqual([0.5, 0.25, 1.5]);
    expect(result.value.manifest.classes).toEqual(['groceries', 'transport']);
  });

  it('reads float32 little-endian whatever the platform, from any byte offset', () => {
    // 1.5 is 0x3fc00000: little-endian bytes 00 00 c0 3f.
    expect(Array.from(encodeEmbeddingScale([1.5]))).toEqual([0, 0, 0xc0, 0x3f]);
    const padded = new Uint8Array(3 * 4 + 1);
    padded.set(scale, 1); // an odd offset: no Float32Array view could read it
    const result = parseModelFiles(manifest(), embeddingBytes().buffer, padded.subarray(1));
    expect(result.ok && Array.from(result.value.scale)).toEqual([0.5, 0.25, 1.5]);
  });

  it.each([
    ['another format', manifest({ format: 'something-else' })],
    ['another version', manifest({ formatVersion: 2 })],
    ['no classes', manifest({ classes: [], head: { weights: [], bias: [] } })],
    ['a class twice', manifest({ classes: ['groceries', 'groceries'] })],
    ['a bad class id', manifest({ classes: ['groceries', 'no spaces'] })],
    ['a head of the wrong size', manifest({ head: { weights: [1, 0, 0], bias: [0, 0] } })],
    ['a bias of the wrong size', manifest({ head: { weights: [1, 0, 0, 1], bias: [0] } })],
    ['a threshold for an unknown class', manifest({ thresholds: { food: 0.9 } })],
    ['a threshold above 1', manifest({ thresholds: { groceries: 1.5 } })],
    ['a path as a file name', manifest({ embeddingFile: '../secret' })],
    ['a zero size', manifest({ buckets: 0 })],
    ['not an object', 'manifest'],
    ['nothing', null],
  ])('rejects %s', (_what, json) => {
    const result = parseModelFiles(json, embeddingBytes(), scale);
    expect(result).toMatchObject({ ok: false, code: 'invalid_model' });
  });

  it('rejects binary files whose sizes do not match the manifest', () => {
    expect(parseModelFiles(manifest(), new Uint8Array(5), scale)).toMatchObject({ ok: false });
    expect(parseModelFiles(manifest(), embeddingBytes(), new Uint8Array(11))).toMatchObject({
      ok: false,
    });
    expect(
      parseModelFiles(
        manifest({ dim: 3, head: { weights: [0, 0, 0, 0, 0, 0], bias: [0, 0] } }),
        embeddingBytes(),
        scale,
      ),
    ).toMatchObject({ ok: false });
  });

  it('rejects a scale that is not a finite number', () => {
    const result = parseModelFiles(
      manifest(),
      embeddingBytes(),
      encodeEmbeddingScale([0.5, Number.NaN, 1]),
    );
    expect(result).toMatchObject({ ok: false, code: 'invalid_model' });
    if (!result.ok) expect(result.message).toContain('row 1');
  });

  it('says what is wrong', () => {
    const result = parseModelFiles(
      manifest({ head: { weights: [1], bias: [0, 0] } }),
      embeddingBytes(),
      scale,
    );
    expect(!result.ok && result.message).toMatch(/head\.weights.*dim × classes = 4/);
  });
});
