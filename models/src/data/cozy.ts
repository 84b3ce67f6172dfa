import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CATEGORY_IDS, type CategoryId } from '@tirelire/shared';
import Papa from 'papaparse';

/** The reference data lives beside the checkout (../shared/data), never inside the repo. */
export const REFERENCE_DATA_DIR = resolve(
  import.meta.dirname,
  '../../../../shared/data/categorization',
);
export const COZY_LABELS_FILE = resolve(REFERENCE_DATA_DIR, 'fr_cozy_train_label_category.csv');

const EXPECTED_HEADER = ['label', 'cozy_category_id', 'cozy_category_name', 'tirelire_coarse'];

/**
 * Cozy files mortgage repayments ("ECHEANCE PRET", "CREDIT FONCIER") under realEstateLoan, which
 * their map sends to housing; our taxonomy defines loans_credit as "mortgage and consumer loan
 * repayments", so the Cozy id wins over the coarse column for these.
 */
const COZY_ID_OVERRIDES: ReadonlyMap<string, string> = new Map([['401010', 'loans_credit']]);

/** One row of the Cozy file, as read: `line` is its 1-based line number (file order). */
export interface LabelledRow {
  readonly label: string;
  readonly categoryId: CategoryId;
  readonly line: number;
}

export interface CozyParseResult {
  readonly rows: LabelledRow[];
  /** Rows dropped: wrong field count, empty label, non-numeric Cozy id or unknown category. */
  readonly malformed: number;
}

const KNOWN_CATEGORIES: ReadonlyMap<string, CategoryId> = new Map(
  DEFAULT_CATEGORY_IDS.map((id) => [String(id), id]),
);

/** Reads the Cozy CSV text; malformed rows are counted and dropped, never guessed at. */
export function parseCozyLabels(text: string): CozyParseResult {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const records = parsed.data;
  const header = records[0];
  if (!header || header.join(',') !== EXPECTED_HEADER.join(',')) {
    throw new Error(`unexpected header in the Cozy file: ${header?.join(',') ?? '(empty)'}`);
  }
  // Papaparse reports structural errors (unbalanced quotes, ...) per row index.
  const brokenRows = new Set(parsed.errors.map((error) => error.row));
  const rows: LabelledRow[] = [];
  let malformed = 0;
  for (let index = 1; index < records.length; index++) {
    const row = toLabelledRow(records[index], index + 1);
    if (row === null || brokenRows.has(index)) malformed++;
    else rows.push(row);
  }
  return { rows, malformed };
}

function toLabelledRow(record: string[] | undefined, line: number): LabelledRow | null {
  if (!record || record.length !== EXPECTED_HEADER.length) return null;
  const [rawLabel, cozyId, , coarse] = record as [string, string, string, string];
  const label = rawLabel.trim();
  if (label === '' || !/^\d+$/.test(cozyId.trim())) return null;
  const categoryId = KNOWN_CATEGORIES.get(COZY_ID_OVERRIDES.get(cozyId.trim()) ?? coarse.trim());
  return categoryId === undefined ? null : { label, categoryId, line };
}

export function loadCozyLabels(file: string = COZY_LABELS_FILE): CozyParseResult {
  return parseCozyLabels(readFileSync(file, 'utf8'));
}
