import type { IsoDate } from '@tirelire/shared';
import { featuresOf, type FeatureVector } from '@tirelire/shared/categorize';

/**
 * Many feature vectors in three flat arrays (CSR): row r's features are
 * `hashes/values[offsets[r] .. offsets[r + 1])`. Features are computed once for the corpus and
 * shared by every fold.
 */
export interface SparseRows {
  readonly count: number;
  readonly offsets: Int32Array;
  readonly hashes: Uint32Array;
  readonly values: Float32Array;
}

export interface FeatureSource {
  readonly label: string;
  readonly amountMinor: number;
  readonly date: IsoDate;
}

export function toSparseRows(vectors: readonly FeatureVector[]): SparseRows {
  const offsets = new Int32Array(vectors.length + 1);
  vectors.forEach((vector, row) => {
    offsets[row + 1] = (offsets[row] as number) + vector.indices.length;
  });
  const total = offsets[vectors.length] as number;
  const hashes = new Uint32Array(total);
  const values = new Float32Array(total);
  vectors.forEach((vector, row) => {
    hashes.set(vector.indices, offsets[row]);
    values.set(vector.values, offsets[row]);
  });
  return { count: vectors.length, offsets, hashes, values };
}

/** The features of each operation, by the one shared implementation (features.ts). */
export function featurize(sources: readonly FeatureSource[]): SparseRows {
  return toSparseRows(
    sources.map((source) =>
      featuresOf({ label: source.label, amountMinor: source.amountMinor, date: source.date }),
    ),
  );
}

/** Row `row` as a FeatureVector (views, no copy). */
export function rowVector(rows: SparseRows, row: number): FeatureVector {
  const from = rows.offsets[row] as number;
  const to = rows.offsets[row + 1] as number;
  return { indices: rows.hashes.subarray(from, to), values: rows.values.subarray(from, to) };
}

/** The rows at `picks`, in that order, as their own SparseRows (a fold's training part). */
export function subsetRows(rows: SparseRows, picks: readonly number[]): SparseRows {
  return toSparseRows(picks.map((row) => rowVector(rows, row)));
}
