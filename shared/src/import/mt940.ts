import { isCurrencyCode, type CurrencyCode } from '../money/currency.ts';
import { minor, type MinorUnits } from '../money/money.ts';
import { parseAmount } from '../money/parse.ts';
import { daysInMonth, isoDate, type IsoDate } from '../ledger/dates.ts';
import { fail, ok, type Result } from '../util/result.ts';
import { detailsLabel } from './mt940-details.ts';
import { splitFields, type Mt940Field } from './mt940-fields.ts';
import type {
  ParsedStatement,
  StatementBalance,
  StatementError,
  StatementFile,
  StatementOperation,
  StatementParseOptions,
  StatementWarning,
} from './statement.ts';

const MT940_TAG = /^:(?:20|25|28C?|60[FM]|61|62[FM]):/m;

/** Format detection: the text has at least one of the fields every MT940/MT942 carries. */
export function looksLikeMt940(text: string): boolean {
  return MT940_TAG.test(text);
}

// Mark (RC/RD before C/D so "RC" is not read as C + funds code R), optional funds code letter,
// amount, type code "N…"/"F…"/"S…", references, e.g. "1003190319CR27,00NTRF100323//32-P1".
const STATEMENT_LINE = /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?(\d+,\d*)(?:([NFS][A-Z0-9 ]{3})(.*))?$/;
const BALANCE = /^([CD])(\d{6})([A-Z]{3})(\d+,\d*)/;

interface Draft {
  accountId: string | null;
  currency: CurrencyCode | null;
  operations: StatementOperation[];
  balances: StatementBalance[];
}

interface Context {
  readonly warnings: StatementWarning[];
  readonly options: StatementParseOptions;
}

/** Parses an MT940 (or MT942 interim) file, one ParsedStatement per ":20:" block. */
export function parseMt940(
  text: string,
  options: StatementParseOptions = {},
): Result<StatementFile, StatementError> {
  if (!looksLikeMt940(text)) return fail('not_this_format', 'No MT940 fields found');
  const { fields, cleanedLines } = splitFields(text);
  const context: Context = { warnings: [], options };
  for (const line of cleanedLines) {
    context.warnings.push({
      code: 'control_characters',
      message: 'Non-printable characters replaced by spaces',
      line,
    });
  }
  const drafts: Draft[] = [];
  let draft: Draft | null = null;
  let last: { op: StatementOperation; index: number; labelled: string[] } | null = null;
  const newDraft = (): Draft => {
    const created: Draft = { accountId: null, currency: null, operations: [], balances: [] };
    drafts.push(created);
    return created;
  };
  for (const field of fields) {
    if (field.tag === '20') {
      draft = newDraft();
      last = null;
      continue;
    }
    const current: Draft = draft ?? (draft = newDraft());
    const value = (field.lines[0] ?? '').trim();
    switch (field.tag) {
      case '25':
        current.accountId = value;
        break;
      case '34F': {
        // MT942 floor limit "PLN0": only its currency is useful.
        const code = value.slice(0, 3);
        if (current.currency === null && isCurrencyCode(code)) current.currency = code;
        break;
      }
      case '60F':
      case '60M':
      case '62F':
      case '62M':
      case '64': {
        last = null;
        const kind =
          field.tag === '64' ? 'available' : field.tag.startsWith('60') ? 'opening' : 'closing';
        const balance = parseBalance(value, kind, field.line, current, context);
        if (balance) current.balances.push(balance);
        break;
      }
      case '61': {
        const op = parseStatementLine(field, current, context);
        last = op ? { op, index: current.operations.length, labelled: [] } : null;
        if (op) current.operations.push(op);
        break;
      }
      case '86':
        // Rabobank repeats ":86:" for each line of the same operation.
        if (last !== null) {
          last.labelled.push(...field.lines);
          const label = detailsLabel(last.labelled);
          if (label !== '') current.operations[last.index] = { ...last.op, label };
        }
        break;
      default:
        break; // :28C:, :13D:, :90D:, :65:, :NS:… carry nothing we store
    }
  }
  const statements: ParsedStatement[] = drafts
    .filter((d) => d.operations.length > 0 || d.balances.length > 0)
    .map((d) => {
      checkBalances(d, context);
      return {
        account: { id: d.accountId, currency: d.currency },
        operations: d.operations,
        balances: d.balances,
      };
    });
  if (statements.length === 0) return fail('malformed', 'No MT940 statement could be read');
  return ok({ format: 'mt940', statements, warnings: context.warnings });
}

/** Minus without producing -0 (minor() normalises it). */
function negate(amount: MinorUnits): MinorUnits {
  return minor(0 - amount);
}

function amountOf(text: string, code: CurrencyCode): MinorUnits | null {
  // "15000," and "0," are legal MT940 amounts: the decimal part may be empty.
  const parsed = parseAmount(text.endsWith(',') ? `${text}0` : text, code, {
    decimalSeparator: ',',
  });
  return parsed.ok ? parsed.value : null;
}

function parseBalance(
  value: string,
  kind: StatementBalance['kind'],
  line: number,
  draft: Draft,
  context: Context,
): StatementBalance | null {
  const match = BALANCE.exec(value);
  const code = match?.[3] ?? '';
  const date = match ? yymmdd(match[2] ?? '') : null;
  const amount = isCurrencyCode(code) ? amountOf(match?.[4] ?? '', code) : null;
  if (!match || !date || amount === null || !isCurrencyCode(code)) {
    context.warnings.push({ code: 'skipped_line', message: `Unreadable balance "${value}"`, line });
    return null;
  }
  if (draft.currency === null) draft.currency = code;
  const signed = match[1] === 'D' ? negate(amount) : amount;
  return { kind, date: date.date, amountMinor: signed };
}

function parseStatementLine(
  field: Mt940Field,
  draft: Draft,
  context: Context,
): StatementOperation | null {
  const value = (field.lines[0] ?? '').trim();
  const match = STATEMENT_LINE.exec(value);
  const skip = (code: string, message: string): null => {
    context.warnings.push({ code, message, line: field.line });
    return null;
  };
  if (!match) return skip('skipped_line', `Unreadable statement line "${value}"`);
  const [, valueText = '', entryText, mark = '', , amountText = '', , refs = ''] = match;
  const code = draft.currency ?? context.options.defaultCurrency ?? null;
  if (code === null) return skip('unknown_currency', 'No currency known for this line');
  const amount = amountOf(amountText, code);
  if (amount === null) return skip('skipped_line', `Unreadable amount "${amountText}"`);
  const valueDate = yymmdd(valueText);
  if (!valueDate) return skip('invalid_date', `Not a date: "${valueText}"`);
  let date = valueDate.date;
  if (entryText !== undefined) {
    const entry = entryDate(entryText, valueText);
    if (entry) date = entry.date;
    if (!entry?.exact) {
      context.warnings.push({
        code: 'invalid_date',
        message: `Entry date "${entryText}" is not a calendar day`,
        line: field.line,
      });
    }
  }
  if (!valueDate.exact) {
    context.warnings.push({
      code: 'invalid_date',
      message: `Value date "${valueText}" is not a calendar day; moved to ${valueDate.date}`,
      line: field.line,
    });
  }
  // Debits and reversals of credits leave the account.
  const negative = mark === 'D' || mark === 'RC';
  const [customerRef = '', bankRef] = refs.split('//', 2);
  const supplementary = field.lines.slice(1).join(' ').trim();
  const customer = customerRef.trim();
  return {
    date,
    valueDate: valueDate.date,
    amountMinor: negative ? negate(amount) : amount,
    currency: code,
    label: supplementary !== '' ? supplementary : customer === 'NONREF' ? '' : customer,
    externalId: bankRef !== undefined && bankRef.trim() !== '' ? bankRef.trim() : null,
    line: field.line,
  };
}

interface DayResult {
  readonly date: IsoDate;
  /** False when the day was past the month's end and clamped to it (e.g. Feb 30). */
  readonly exact: boolean;
}

function day(year: number, month: number, dayOfMonth: number): DayResult | null {
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) return null;
  const last = daysInMonth(year, month);
  const clamped = Math.min(dayOfMonth, last);
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return {
    date: isoDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(clamped, 2)}`),
    exact: clamped === dayOfMonth,
  };
}

/** YYMMDD; SWIFT dates are this century (MT940 predates 2000 but files that old are not imported). */
function yymmdd(text: string): DayResult | null {
  if (!/^\d{6}$/.test(text)) return null;
  return day(2000 + Number(text.slice(0, 2)), Number(text.slice(2, 4)), Number(text.slice(4, 6)));
}

/** MMDD booked around the value date: a December entry of a January value is the year before. */
function entryDate(entry: string, valueText: string): DayResult | null {
  const valueYear = 2000 + Number(valueText.slice(0, 2));
  const valueMonth = Number(valueText.slice(2, 4));
  const month = Number(entry.slice(0, 2));
  let year = valueYear;
  if (month - valueMonth > 6) year -= 1;
  else if (valueMonth - month > 6) year += 1;
  return day(year, month, Number(entry.slice(2, 4)));
}

/** Opening + lines must give the closing balance; a mismatch is reported, never rejected. */
function checkBalances(draft: Draft, context: Context): void {
  const opening = draft.balances.find((b) => b.kind === 'opening');
  const closing = draft.balances.find((b) => b.kind === 'closing');
  if (!opening || !closing) return;
  const total = draft.operations.reduce<number>(
    (sum, op) => sum + op.amountMinor,
    opening.amountMinor,
  );
  if (total !== closing.amountMinor) {
    context.warnings.push({
      code: 'balance_mismatch',
      message: `Opening ${opening.amountMinor} + operations = ${total}, closing says ${closing.amountMinor}`,
      line: null,
    });
  }
}
