import { currency } from '../money/currency.ts';
import type { MinorUnits } from '../money/money.ts';
import { parseAmount } from '../money/parse.ts';
import { fail, ok, type Result } from '../util/result.ts';
import { inferDateOrder, qifIsoDate, splitQifDate, type QifDateParts } from './qif-dates.ts';
import type {
  ParsedStatement,
  StatementBalance,
  StatementError,
  StatementFile,
  StatementOperation,
  StatementParseOptions,
  StatementWarning,
} from './statement.ts';

/** One field line: its one-letter code, the rest of the line, and where it stands. */
interface Field {
  readonly code: string;
  readonly value: string;
  readonly line: number;
}

interface RawRecord {
  readonly account: string | null;
  readonly fields: readonly Field[];
}

// Cash-like registers we read; Invst is refused, the lists (Cat, Class, Memorized…) are skipped.
const REGISTER_TYPES = new Set(['bank', 'ccard', 'cash', 'oth a', 'oth l']);
const HEADER = /^!(type|account|option|clear)\b/i;
// A QIF date after "D", in any of the shapes qif-dates.ts accepts.
const DATE_FIELD = /^D\s*\d{1,4}\s*[/.'-]/m;
const AMOUNT_FIELD = /^[TU]\s*[-+]?[\d,.]/m;

/** Cheap detection for the format picker: a QIF header, or headerless D/T fields. */
export function looksLikeQif(text: string): boolean {
  const lines = splitLines(text);
  const first = lines.find((line) => line.trim() !== '')?.trim() ?? '';
  if (first.startsWith('!')) return HEADER.test(first);
  return /^[DTUPMNLSE$^]/.test(first) && DATE_FIELD.test(text) && AMOUNT_FIELD.test(text);
}

/**
 * Reads a QIF export (Quicken, Microsoft Money, GnuCash, many banks). QIF has no ids, no
 * currency and no fixed date or number format, so the date order and decimal separator are
 * inferred from the whole file and the currency comes from the options (EUR by default).
 */
export function parseQif(
  text: string,
  options: StatementParseOptions = {},
): Result<StatementFile, StatementError> {
  if (!looksLikeQif(text)) return fail('not_this_format', 'Not a QIF file');
  const collected = collectRecords(splitLines(text));
  if (!collected.ok) return collected;
  const records = collected.value;
  const warnings: StatementWarning[] = [];
  const cur = options.defaultCurrency ?? currency('EUR');

  const dates = records.flatMap((r) => {
    const parts = splitQifDate(fieldValue(r, 'D') ?? '');
    return parts ? [parts] : [];
  });
  const order = resolveOrder(dates, options, warnings);
  const decimalSeparator = inferDecimalSeparator(
    records.flatMap((r) => r.fields.filter((f) => 'TU$'.includes(f.code)).map((f) => f.value)),
  );
  const amount = (value: string): MinorUnits | null => {
    const parsed = parseAmount(dropLeadingGrouping(value, decimalSeparator), cur, {
      decimalSeparator,
    });
    return parsed.ok ? parsed.value : null;
  };

  const byAccount = new Map<
    string | null,
    { ops: StatementOperation[]; balances: StatementBalance[] }
  >();
  for (const record of records) {
    const line = record.fields[0]?.line ?? null;
    const parts = splitQifDate(fieldValue(record, 'D') ?? '');
    const date = parts ? qifIsoDate(parts, order) : null;
    const amountText = fieldValue(record, 'T') ?? fieldValue(record, 'U');
    const amountMinor = amountText === undefined ? null : amount(amountText);
    if (date === null || amountMinor === null) {
      warnings.push({
        code: 'skipped_record',
        message: 'Record without a valid date or amount',
        line,
      });
      continue;
    }
    let bucket = byAccount.get(record.account);
    if (!bucket) {
      bucket = { ops: [], balances: [] };
      byAccount.set(record.account, bucket);
    }
    const payee = fieldValue(record, 'P')?.trim() ?? '';
    const category = fieldValue(record, 'L')?.trim() ?? '';
    // Quicken writes the starting balance as a transfer from the account to itself.
    if (/^opening balance$/i.test(payee) && /^\[.*\]$/.test(category)) {
      bucket.balances.push({ kind: 'opening', date, amountMinor });
      continue;
    }
    checkSplits(record, amountMinor, amount, warnings);
    bucket.ops.push({
      date,
      valueDate: null,
      amountMinor,
      currency: cur,
      label: payee !== '' ? payee : (fieldValue(record, 'M')?.trim() ?? ''),
      externalId: null,
      line: line ?? 1,
    });
  }

  const statements: ParsedStatement[] = [...byAccount].map(([id, bucket]) => ({
    account: { id, currency: null },
    operations: bucket.ops,
    balances: bucket.balances,
  }));
  if (statements.length === 0) return fail('no_operations', 'The QIF file holds no operations');
  return ok({ format: 'qif', statements, warnings });
}

function splitLines(text: string): string[] {
  return text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
}

/** Walks the lines into transaction records, keeping which `!Account` they belong to. */
function collectRecords(lines: readonly string[]): Result<RawRecord[], StatementError> {
  const records: RawRecord[] = [];
  // No header at all: assume a bank register, as most readers do.
  let section: 'register' | 'account' | 'skip' = 'register';
  let account: string | null = null;
  let fields: Field[] = [];
  const flush = (): void => {
    if (fields.length === 0) return;
    if (section === 'register') records.push({ account, fields });
    if (section === 'account') {
      const name = fields.find((f) => f.code === 'N')?.value.trim();
      account = name === undefined || name === '' ? null : name;
    }
    fields = [];
  };
  for (const [index, raw] of lines.entries()) {
    const line = raw.trimEnd();
    if (line.trim() === '') continue;
    if (line.startsWith('!')) {
      flush();
      const type = /^!type:(.*)$/i.exec(line)?.[1]?.trim().toLowerCase();
      if (type === 'invst') {
        return fail('unsupported', 'Investment registers (!Type:Invst) are not supported');
      }
      if (type !== undefined) section = REGISTER_TYPES.has(type) ? 'register' : 'skip';
      else if (/^!account/i.test(line)) section = 'account';
      // !Option:AutoSwitch / !Clear:AutoSwitch only toggle Quicken's list mode: nothing to do.
      continue;
    }
    if (line.startsWith('^')) {
      flush();
      continue;
    }
    fields.push({ code: line.charAt(0).toUpperCase(), value: line.slice(1), line: index + 1 });
  }
  flush(); // The last record may lack its "^".
  return ok(records);
}

function fieldValue(record: RawRecord, code: string): string | undefined {
  return record.fields.find((f) => f.code === code)?.value;
}

function resolveOrder(
  dates: readonly QifDateParts[],
  options: StatementParseOptions,
  warnings: StatementWarning[],
): 'dmy' | 'mdy' {
  // The person (or --date-order) has the last word, even over what the file suggests: that is how
  // a wrong guess gets corrected. 'ymd' cannot describe slashed QIF dates; ISO dates need no order.
  if (options.dateOrder === 'dmy' || options.dateOrder === 'mdy') return options.dateOrder;
  const inferred = inferDateOrder(dates);
  if (inferred) return inferred;
  if (dates.some((d) => d.kind === 'pair')) {
    warnings.push({
      code: 'ambiguous_date_order',
      message: 'No date tells day from month; read as day/month/year',
      line: null,
    });
  }
  return 'dmy';
}

/**
 * The file's decimal separator: an amount with both marks, or one mark followed by one or two
 * digits, tells; "1,234" alone does not. Majority wins, "." on a tie (QIF's historical default).
 */
function inferDecimalSeparator(amounts: readonly string[]): ',' | '.' {
  let comma = 0;
  let dot = 0;
  for (const value of amounts) {
    const v = value.trim();
    const last = Math.max(v.lastIndexOf(','), v.lastIndexOf('.'));
    if (last < 0) continue;
    const both = v.includes(',') && v.includes('.');
    if (both || /^\d{1,2}$/.test(v.slice(last + 1))) {
      if (v.charAt(last) === ',') comma += 1;
      else dot += 1;
    }
  }
  return comma > dot ? ',' : '.';
}

/** "T,300.00": some exporters leave a grouping mark before the first digit. */
function dropLeadingGrouping(value: string, decimalSeparator: ',' | '.'): string {
  const grouping = decimalSeparator === '.' ? ',' : '.';
  const trimmed = value.trim();
  const sign = /^[-+]/.test(trimmed) ? trimmed.charAt(0) : '';
  const rest = trimmed.slice(sign.length);
  return rest.startsWith(grouping) ? sign + rest.slice(1) : trimmed;
}

/** Splits stay inside their operation, but a sum that disagrees with T is worth saying. */
function checkSplits(
  record: RawRecord,
  total: MinorUnits,
  amount: (value: string) => MinorUnits | null,
  warnings: StatementWarning[],
): void {
  const splits = record.fields.filter((f) => f.code === '$');
  if (splits.length === 0) return;
  let sum = 0;
  for (const split of splits) {
    const value = amount(split.value);
    if (value === null) sum = Number.NaN;
    else sum += value;
  }
  if (sum !== total) {
    warnings.push({
      code: 'split_mismatch',
      message: 'The split amounts do not add up to the total',
      line: record.fields[0]?.line ?? null,
    });
  }
}
