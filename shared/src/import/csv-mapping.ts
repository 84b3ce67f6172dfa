import { z } from 'zod';
import { DATE_ORDERS, type DateOrder } from './statement.ts';

/** The separators we sniff. Anything else is not a bank CSV we have met. */
export const CSV_DELIMITERS = [';', ',', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/**
 * One column of the file: its header text when the table has a header row (matched ignoring
 * case, accents, spacing and punctuation, so "Date opération" finds "DATE OPERATION"), or its
 * 0-based position when it has none. Names survive a bank adding or reordering columns, which
 * is why the app stores them rather than positions whenever it can.
 */
export type CsvColumnRef = string | number;

/**
 * Which column plays which part, as the app remembers it per account. Plain JSON, validated by
 * `csvColumnMappingSchema` when read back from storage.
 *
 * The amount is either one signed `amount` column, or `debit` and/or `credit` columns (each
 * row fills one of them). A debit column may hold positive numbers (negated on reading) or
 * already negative ones (kept). `fee` is charged on top of the amount (Revolut) and subtracted.
 */
export interface CsvColumnMapping {
  /** Format version of the stored mapping, so later versions can migrate it. */
  readonly version: 1;
  /** Whether the table starts with a header row; without one every ref must be a position. */
  readonly hasHeader: boolean;
  /** Forces the separator instead of sniffing it. */
  readonly delimiter?: CsvDelimiter;
  /** Booking date: when the operation hit the account. */
  readonly date: CsvColumnRef;
  readonly valueDate?: CsvColumnRef;
  /** One or several columns, joined with " " (empty cells, and parts another part repeats, dropped). */
  readonly label: readonly CsvColumnRef[];
  readonly amount?: CsvColumnRef;
  readonly debit?: CsvColumnRef;
  readonly credit?: CsvColumnRef;
  readonly fee?: CsvColumnRef;
  /** Running balance after each row: the newest becomes the statement's closing balance. */
  readonly balance?: CsvColumnRef;
  /** ISO 4217 code per row; otherwise the account's default currency. */
  readonly currency?: CsvColumnRef;
  /** The bank's own id of the operation, kept byte for byte. */
  readonly externalId?: CsvColumnRef;
  /** Booked / pending state: rows not booked yet (pending, declined, reverted…) are skipped. */
  readonly status?: CsvColumnRef;
  /** Account number per row, when one file holds several accounts: one statement each. */
  readonly account?: CsvColumnRef;
  /** Forces the order of day, month and year; otherwise inferred from the whole column. */
  readonly dateOrder?: DateOrder;
  /** Forces the decimal separator; otherwise inferred from each amount column. */
  readonly decimalSeparator?: ',' | '.';
  /** Credit-card exports that write purchases as positive numbers: every amount is negated. */
  readonly invertAmounts?: boolean;
}

/** What `inspectCsv` finds, for the UI's mapping step. */
export interface CsvLayout {
  readonly delimiter: CsvDelimiter;
  /** 1-based line of the header row, or of the first row when the table has no header. */
  readonly headerLine: number;
  /** The header cells as written (trimmed); empty when the table has no header row. */
  readonly headers: string[];
  /** The first five rows of the table after the header, cells as written. */
  readonly sampleRows: string[][];
  /** The mapping detection found, or null when the person must map the columns. */
  readonly mapping: CsvColumnMapping | null;
  /** The bank or layout recognised, e.g. "Crédit Agricole". */
  readonly preset: string | null;
}

/** The optional single-column parts of a mapping, in the order they are documented above. */
export const OPTIONAL_COLUMNS = [
  'valueDate',
  'amount',
  'debit',
  'credit',
  'fee',
  'balance',
  'currency',
  'externalId',
  'status',
  'account',
] as const satisfies readonly (keyof CsvColumnMapping)[];
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];

const columnRefSchema = z.union([z.string().trim().min(1), z.number().int().nonnegative()]);

export const csvColumnMappingSchema: z.ZodType<CsvColumnMapping> = z
  .object({
    version: z.literal(1),
    hasHeader: z.boolean(),
    delimiter: z.enum(CSV_DELIMITERS).optional(),
    date: columnRefSchema,
    valueDate: columnRefSchema.optional(),
    label: z.array(columnRefSchema).min(1),
    amount: columnRefSchema.optional(),
    debit: columnRefSchema.optional(),
    credit: columnRefSchema.optional(),
    fee: columnRefSchema.optional(),
    balance: columnRefSchema.optional(),
    currency: columnRefSchema.optional(),
    externalId: columnRefSchema.optional(),
    status: columnRefSchema.optional(),
    account: columnRefSchema.optional(),
    dateOrder: z.enum(DATE_ORDERS).optional(),
    decimalSeparator: z.enum([',', '.']).optional(),
    invertAmounts: z.boolean().optional(),
  })
  .refine((m) => m.amount !== undefined || m.debit !== undefined || m.credit !== undefined, {
    message: 'needs an amount column, or debit and/or credit columns',
  })
  .refine((m) => m.hasHeader || allRefs(m).every((ref) => typeof ref === 'number'), {
    message: 'a table without a header row can only name columns by position',
  });

/** Every column the mapping names, label parts included. */
export function allRefs(
  mapping: Pick<CsvColumnMapping, 'date' | 'label' | OptionalColumn>,
): CsvColumnRef[] {
  const refs: CsvColumnRef[] = [mapping.date, ...mapping.label];
  for (const key of OPTIONAL_COLUMNS) {
    const ref = mapping[key];
    if (ref !== undefined) refs.push(ref);
  }
  return refs;
}
