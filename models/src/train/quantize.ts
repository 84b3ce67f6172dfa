/**
 * Per-row int8 quantisation of the embedding (docs/categorisation.md): row r is stored as bytes
 * q with scale s_r = max|row| / 127, and read back as q · s_r. A quarter of the float32 size for
 * an error of at most s_r / 2 per value.
 */
export interface QuantizedEmbedding {
  readonly rows: number;
  readonly dim: number;
  /** rows × dim, row-major. */
  readonly bytes: Int8Array;
  /** One scale per row. */
  readonly scales: Float32Array;
}

export function quantizeRows(values: Float32Array, rows: number, dim: number): QuantizedEmbedding {
  if (values.length !== rows * dim)
    throw new Error(`expected ${rows * dim} values, got ${values.length}`);
  const bytes = new Int8Array(rows * dim);
  const scales = new Float32Array(rows);
  for (let row = 0; row < rows; row++) {
    const from = row * dim;
    let max = 0;
    for (let j = 0; j < dim; j++) max = Math.max(max, Math.abs(values[from + j] as number));
    // Math.fround: the scale is stored as float32, so quantise with exactly the stored value.
    const scale = Math.fround(max / 127);
    scales[row] = scale;
    if (scale === 0) continue;
    for (let j = 0; j < dim; j++) {
      const q = Math.round((values[from + j] as number) / scale);
      bytes[from + j] = Math.max(-127, Math.min(127, q));
    }
  }
  return { rows, dim, bytes, scales };
}

export function dequantizeRows(quantized: QuantizedEmbedding): Float32Array {
  const { rows, dim, bytes, scales } = quantized;
  const values = new Float32Array(rows * dim);
  for (let row = 0; row < rows; row++) {
    const scale = scales[row] as number;
    for (let j = 0; j < dim; j++) values[row * dim + j] = (bytes[row * dim + j] as number) * scale;
  }
  return values;
}

/**
 * Rows no training feature used still hold their random initial values; zeroing them before
 * quantising means an unseen feature adds nothing (it only dilutes the mean) instead of noise.
 */
export function zeroUnusedRows(
  embedding: Float32Array,
  usedRows: Uint8Array,
  dim: number,
): Float32Array {
  const out = Float32Array.from(embedding);
  usedRows.forEach((used, row) => {
    if (!used) out.fill(0, row * dim, (row + 1) * dim);
  });
  return out;
}
