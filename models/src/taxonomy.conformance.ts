import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CATEGORY_IDS, defaultCategories } from '@tirelire/shared';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

/**
 * The default categories must be exactly the taxonomy of the reference data the default model is
 * trained on (../shared/data/categorization/taxonomy.csv, beside the checkout): same ids, same
 * names. Run by `npm run test:conformance`, which CI calls when that folder exists.
 */
const TAXONOMY = resolve(import.meta.dirname, '../../../shared/data/categorization/taxonomy.csv');

interface TaxonomyRow {
  readonly id: string;
  readonly name_en: string;
  readonly name_fr: string;
}

describe('default categories conform to the reference taxonomy', () => {
  const parsed = Papa.parse<TaxonomyRow>(readFileSync(TAXONOMY, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });

  it('reads the reference file cleanly', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.length).toBe(17);
  });

  it('has the same ids, in the same order', () => {
    expect(DEFAULT_CATEGORY_IDS).toEqual(parsed.data.map((row) => row.id));
  });

  it('has the same English and French names', () => {
    const categories = defaultCategories(0);
    expect(categories.map((c) => [c.id, c.name.en, c.name.fr])).toEqual(
      parsed.data.map((row) => [row.id, row.name_en, row.name_fr]),
    );
  });
});
