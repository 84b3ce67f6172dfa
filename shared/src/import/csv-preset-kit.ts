import { currency, type CurrencyCode } from '../money/currency.ts';
import type { OptionalColumn } from './csv-mapping.ts';

/** How a bank writes its export, whether we know it by its header or by its content. */
export interface CsvStyle {
  readonly name: string;
  /** The bank writes day before month, so an all-ambiguous date column reads that way. */
  readonly dayFirst: boolean;
  /** The bank writes decimal commas ("1 234,56"). */
  readonly decimalComma: boolean;
  /** The currency of a bank whose export never states it (Lloyds: GBP). */
  readonly currency?: CurrencyCode;
}

/** A bank's export layout: recognised by its header names, it fixes which column is what. */
export interface CsvPreset extends CsvStyle {
  /** Header names that must all be present (compared as `headerIndex` does). */
  readonly signature: readonly string[];
  /** Columns by the bank's header names; optional ones the file lacks are left out. */
  readonly columns: PresetColumns;
}

type OptionalNames = { readonly [K in OptionalColumn]?: string };
export type PresetColumns = OptionalNames & {
  readonly date: string;
  readonly label: readonly string[];
};

/** Label parts are "|"-separated, joined in this order. */
type Columns = OptionalNames & { readonly date: string; readonly label: string };

export function preset(
  name: string,
  signature: string,
  columns: Columns,
  style: Omit<CsvStyle, 'name'>,
): CsvPreset {
  return {
    name,
    signature: signature.split('|'),
    columns: { ...columns, label: columns.label.split('|') },
    ...style,
  };
}

// How banks of each country write dates and numbers; British banks never name their currency.
export const FRENCH = { dayFirst: true, decimalComma: true };
export const BRITISH = { dayFirst: true, decimalComma: false, currency: currency('GBP') };
export const INTERNATIONAL = { dayFirst: true, decimalComma: false };
