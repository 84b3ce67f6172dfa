import { foldText } from '../util/text.ts';
import { looksLikeDate } from './csv-dates.ts';
import { headerIndex } from './csv-headers.ts';
import { OPTIONAL_COLUMNS, type CsvColumnMapping } from './csv-mapping.ts';
import { looksLikeAmount } from './csv-numbers.ts';
import { FRENCH, type CsvPreset, type CsvStyle } from './csv-preset-kit.ts';
import { CSV_PRESETS } from './csv-presets.ts';
import { isBlankRow, type CsvRow } from './csv-records.ts';

/** The preset whose header set the row holds; the most specific one when several do. */
export function matchPreset(headers: readonly string[]): CsvPreset | null {
  let best: CsvPreset | null = null;
  for (const candidate of CSV_PRESETS) {
    if (!candidate.signature.every((name) => headerIndex(headers, name) >= 0)) continue;
    if (best === null || candidate.signature.length > best.signature.length) best = candidate;
  }
  return best;
}

/** The preset's columns in this file, named as the file writes them. */
export function presetMapping(found: CsvPreset, headers: readonly string[]): CsvColumnMapping {
  const at = (name: string | undefined): string | undefined => {
    if (name === undefined) return undefined;
    const index = headerIndex(headers, name);
    return index < 0 ? undefined : (headers[index] ?? '').trim();
  };
  const mapping: { -readonly [K in keyof CsvColumnMapping]: CsvColumnMapping[K] } = {
    version: 1,
    hasHeader: true,
    date: at(found.columns.date) ?? found.columns.date,
    label: found.columns.label.flatMap((name) => at(name) ?? []),
  };
  for (const column of OPTIONAL_COLUMNS) {
    const header = at(found.columns[column]);
    if (header !== undefined) mapping[column] = header;
  }
  return mapping;
}

// LCL's export has no header row: date; signed amount; means of payment; cheque number; label.
const LCL_PAYMENT_MEANS = new Set(
  'carte|cb|virement|vir|prelevement|prlv|cheque|especes|retrait|remise|frais|depot|paiement'.split(
    '|',
  ),
);

/**
 * Headerless layouts we recognise by content: LCL writes a date, an amount, then its means of
 * payment ("Carte", "Virement", "Prélèvement", "Chèque"). The columns themselves come from the
 * content detection; the preset names the bank and says how it writes dates and numbers.
 */
export function recogniseHeaderless(rows: readonly CsvRow[]): CsvStyle | null {
  const sample = rows.filter((r) => !isBlankRow(r.cells)).slice(0, 50);
  let matching = 0;
  for (const row of sample) {
    const [date = '', amount = '', means = ''] = row.cells;
    const known = LCL_PAYMENT_MEANS.has(foldText(means).trim());
    if (
      /^\d{2}\/\d{2}\/\d{4}$/.test(date.trim()) &&
      looksLikeDate(date) &&
      looksLikeAmount(amount) &&
      known
    ) {
      matching += 1;
    }
  }
  if (sample.length === 0 || matching < sample.length * 0.8) return null;
  return { name: 'LCL', ...FRENCH };
}
