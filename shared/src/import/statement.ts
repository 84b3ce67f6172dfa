import type { CurrencyCode } from '../money/currency.ts';
import type { MinorUnits } from '../money/money.ts';
import type { IsoDate } from '../ledger/dates.ts';

/** The formats we read. The command-line contract (`npm run statement`) uses these names. */
export const STATEMENT_FORMATS = ['csv', 'ofx', 'qif', 'camt', 'mt940'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

export const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** One operation as the file states it, before it becomes an `Operation` of an account. */
export interface StatementOperation {
  readonly date: IsoDate;
  readonly valueDate: IsoDate | null;
  /** Signed: negative leaves the account. */
  readonly amountMinor: MinorUnits;
  readonly currency: CurrencyCode;
  /** The label exactly as the bank wrote it (joined with " " when the format splits it). */
  readonly label: string;
  /** The bank's own id for the operation (OFX FITID, CAMT AcctSvcrRef…), byte-exact; null if none. */
  readonly externalId: string | null;
  /** 1-based line where the operation starts in the decoded text, for messages. */
  readonly line: number;
}

export interface StatementAccount {
  /** The account number or IBAN the file names, or null. */
  readonly id: string | null;
  readonly currency: CurrencyCode | null;
}

export interface StatementBalance {
  readonly kind: 'opening' | 'closing' | 'available';
  readonly date: IsoDate;
  readonly amountMinor: MinorUnits;
}

export interface StatementWarning {
  /** Stable code, e.g. 'balance_mismatch', 'skipped_line', 'ambiguous_date'. */
  readonly code: string;
  readonly message: string;
  readonly line: number | null;
}

export interface ParsedStatement {
  readonly account: StatementAccount;
  readonly operations: readonly StatementOperation[];
  readonly balances: readonly StatementBalance[];
}

/** What every parser returns for a file it could read. */
export interface StatementFile {
  readonly format: StatementFormat;
  /** The bank or layout recognised (CSV preset, OFX <ORG>, CAMT servicer), when known. */
  readonly bank?: string | null;
  readonly statements: readonly ParsedStatement[];
  readonly warnings: readonly StatementWarning[];
}

export interface StatementParseOptions {
  /** Forces the order of day, month and year; otherwise inferred from the whole file. */
  readonly dateOrder?: DateOrder;
  /** Currency to assume when the file names none (QIF, most CSV). */
  readonly defaultCurrency?: CurrencyCode;
}

/** Why a file could not be read at all (as opposed to warnings about parts of it). */
export type StatementError =
  | 'not_this_format'
  | 'malformed'
  | 'no_operations'
  | 'unsupported'
  /** A CSV whose columns could not be recognised: the user maps them (remembered per account). */
  | 'needs_mapping'
  /** The file is a bank's error response (OFX STATUS severity ERROR), reported as such. */
  | 'bank_error';
