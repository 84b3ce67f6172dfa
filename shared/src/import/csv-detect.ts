import { fail, ok, type Result } from '../util/result.ts';
import { columnsFromContent } from './csv-content.ts';
import { columnsFromHeaders, headerIndex, type SingleRole } from './csv-headers.ts';
import {
  allRefs,
  OPTIONAL_COLUMNS,
  type CsvColumnMapping,
  type CsvColumnRef,
  type OptionalColumn,
} from './csv-mapping.ts';
import type { CsvStyle } from './csv-preset-kit.ts';
import { matchPreset, presetMapping, recogniseHeaderless } from './csv-preset-match.ts';
import type { CsvRow } from './csv-records.ts';

/** A mapping with every column turned into its position in this file. */
export type ResolvedColumns = { readonly [K in OptionalColumn]?: number } & {
  readonly date: number;
  readonly label: readonly number[];
};

export interface Detection {
  readonly mapping: CsvColumnMapping;
  /** The bank recognised, by its header set or (LCL) its content. */
  readonly style: CsvStyle | null;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Finds the columns: a bank preset when the header set is one we know; otherwise the header
 * names, with the content filling what they leave out (and deciding alone when there is no
 * header). Fails with the message for the person when the date, the amount or the label stays
 * unknown: they map the columns themselves.
 */
export function detectMapping(
  header: readonly string[] | null,
  rows: readonly CsvRow[],
): Result<Detection, 'needs_mapping'> {
  const preset = header === null ? null : matchPreset(header);
  if (header !== null && preset !== null) {
    return ok({ mapping: presetMapping(preset, header), style: preset });
  }
  const named = header === null ? { single: {}, label: [] } : columnsFromHeaders(header);
  const single: Partial<Record<SingleRole, number>> = { ...named.single };
  let label = named.label;
  const hasMoney = (): boolean =>
    single.amount !== undefined || single.debit !== undefined || single.credit !== undefined;
  const needed = {
    date: single.date === undefined,
    amount: !hasMoney(),
    label: label.length === 0,
  };
  if (needed.date || needed.amount || needed.label) {
    const taken = new Set([...Object.values(single), ...label]);
    const content = columnsFromContent(rows, taken, needed);
    for (const [role, index] of Object.entries(content.single) as [SingleRole, number?][]) {
      if (index !== undefined) single[role] ??= index;
    }
    if (label.length === 0) label = content.label;
  }
  const missing = [
    single.date === undefined ? 'the date' : null,
    hasMoney() ? null : 'the amount',
    label.length === 0 ? 'the label' : null,
  ].filter((m) => m !== null);
  const { date } = single;
  if (date === undefined || missing.length > 0) {
    const columns = header === null ? '' : ` (columns: ${header.join(', ')})`;
    return fail(
      'needs_mapping',
      `Could not tell which columns hold ${missing.join(', ')}: please map them${columns}.`,
    );
  }
  const ref = (index: number): CsvColumnRef => {
    const name = header?.[index]?.trim() ?? '';
    return header !== null && name !== '' && headerIndex(header, name) === index ? name : index;
  };
  const mapping: Mutable<CsvColumnMapping> = {
    version: 1,
    hasHeader: header !== null,
    date: ref(date),
    label: label.map(ref),
  };
  for (const column of OPTIONAL_COLUMNS) {
    const index = single[column];
    if (index !== undefined) mapping[column] = ref(index);
  }
  return ok({ mapping, style: header === null ? recogniseHeaderless(rows) : null });
}

/** Positions of the mapping's columns in this file; fails naming the columns it lacks. */
export function resolveMapping(
  mapping: CsvColumnMapping,
  header: readonly string[] | null,
): Result<ResolvedColumns, 'needs_mapping'> {
  const missing: string[] = [];
  const position = (ref: CsvColumnRef): number => {
    if (typeof ref === 'number') return ref;
    const index = header === null ? -1 : headerIndex(header, ref);
    if (index < 0) missing.push(`"${ref}"`);
    return index;
  };
  const resolved: Mutable<ResolvedColumns> = {
    date: position(mapping.date),
    label: mapping.label.map(position),
  };
  for (const column of OPTIONAL_COLUMNS) {
    const ref = mapping[column];
    if (ref !== undefined) resolved[column] = position(ref);
  }
  if (missing.length > 0) {
    return fail(
      'needs_mapping',
      `The file has no column ${missing.join(', ')}: please map the columns again.`,
    );
  }
  return ok(resolved);
}

/** Whether a header row holds every column a saved mapping names. */
export function headerFitsMapping(mapping: CsvColumnMapping, cells: readonly string[]): boolean {
  return allRefs(mapping).every((ref) => typeof ref === 'number' || headerIndex(cells, ref) >= 0);
}
