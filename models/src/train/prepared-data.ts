import { DEFAULT_CATEGORY_IDS, type CategoryId } from '@tirelire/shared';
import type { Corpus, Example } from '../data/dataset.ts';
import { featurize, type SparseRows } from './sparse-rows.ts';

/** The corpus as training and evaluation consume it, features computed once. */
export interface PreparedData {
  readonly examples: readonly Example[];
  /** Features of `label` (names masked): what the model learns from. */
  readonly trainRows: SparseRows;
  /** Features of `rawLabel` (as a bank prints it): what evaluation reads. */
  readonly evalRows: SparseRows;
  /** Class index of each example in `classes`. */
  readonly labels: Int32Array;
  /** The default categories, in the order of the model's outputs. */
  readonly classes: readonly CategoryId[];
}

export function prepareData(corpus: Corpus): PreparedData {
  const classes = DEFAULT_CATEGORY_IDS;
  const classIndex = new Map(classes.map((id, index) => [id, index]));
  const labels = Int32Array.from(corpus.examples, (example) => {
    const index = classIndex.get(example.categoryId);
    if (index === undefined) throw new Error(`unknown category ${example.categoryId}`);
    return index;
  });
  return {
    examples: corpus.examples,
    trainRows: featurize(corpus.examples),
    evalRows: featurize(
      corpus.examples.map((example) => ({ ...example, label: example.rawLabel })),
    ),
    labels,
    classes,
  };
}

/** The evaluation subsets reported separately: real labels first, then what we generated. */
export const SUBSETS = {
  'Cozy labels (real)': (example: Example) =>
    example.source === 'cozy' && example.variant === 'clean',
  'Cozy, raw bank styles (augmented)': (example: Example) =>
    example.source === 'cozy' && example.variant === 'raw',
  'English (templates)': (example: Example) => example.source === 'english',
  All: () => true,
} as const satisfies Record<string, (example: Example) => boolean>;

export type SubsetName = keyof typeof SUBSETS;
