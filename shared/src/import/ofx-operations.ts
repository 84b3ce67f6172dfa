import type { CurrencyCode } from '../money/currency.ts';
import { parseOfxAmount } from './ofx-amounts.ts';
import { ofxDate } from './ofx-dates.ts';
import { childOf, leafOf, type OfxElement } from './ofx-tokens.ts';
import type { StatementOperation, StatementWarning } from './statement.ts';

/** What one statement's rows share while they are read. */
export interface StatementContext {
  readonly currency: CurrencyCode;
  readonly warnings: StatementWarning[];
  /** Rows whose CURRENCY aggregate names another currency than the statement's. */
  foreignCurrencyRows: number;
}

/** One row as the file states it, bank (STMTTRN) or investment (BUYSTOCK, INCOME…) alike. */
export interface OperationDraft {
  readonly line: number;
  readonly dateField: string;
  readonly date: string | undefined;
  readonly valueDate: string | undefined;
  readonly amountField: string;
  readonly amount: string | undefined;
  readonly label: string;
  readonly externalId: string | null;
  /** CURSYM of the row's CURRENCY aggregate, when it has one. */
  readonly statedCurrency: string | undefined;
}

/**
 * Turns a draft into an operation, or explains in a warning why the row is left out: no valid
 * date or amount ('skipped_operation', the whole row, never a crash), or a zero amount
 * ('zero_amount_skipped': banks send "-0" placeholder rows that move no money).
 */
export function toOperation(
  draft: OperationDraft,
  context: StatementContext,
): StatementOperation | null {
  const date = ofxDate(draft.date);
  const amount = parseOfxAmount(draft.amount, context.currency);
  if (date === null || amount === null) {
    const problems = [
      date === null ? describe(draft.dateField, draft.date, 'date') : '',
      amount === null ? describe(draft.amountField, draft.amount, 'amount') : '',
    ];
    const message = `Operation skipped: ${problems.filter(Boolean).join('; ')}`;
    context.warnings.push({ code: 'skipped_operation', message, line: draft.line });
    return null;
  }
  if (amount.amountMinor === 0) {
    const message = `Zero-amount row skipped ("${draft.label}")`;
    context.warnings.push({ code: 'zero_amount_skipped', message, line: draft.line });
    return null;
  }
  if (amount.isRounded) {
    const message = `${draft.amountField} "${draft.amount?.trim()}" rounded to the cent`;
    context.warnings.push({ code: 'amount_rounded', message, line: draft.line });
  }
  // OFX says a CURRENCY aggregate puts a row's amounts in CURSYM, yet exporters also write it
  // beside amounts in the account's currency, and reading those as CURSYM would split one
  // account across currencies. We keep the statement's currency for every row, and say so once
  // per statement so that the user can check.
  const stated = draft.statedCurrency?.trim().toUpperCase();
  if (stated !== undefined && stated !== '' && stated !== context.currency) {
    context.foreignCurrencyRows += 1;
  }
  return {
    date,
    valueDate: ofxDate(draft.valueDate),
    amountMinor: amount.amountMinor,
    currency: context.currency,
    label: draft.label,
    externalId: draft.externalId,
    line: draft.line,
  };
}

function describe(field: string, value: string | undefined, what: string): string {
  if (value === undefined) return `no ${field}`;
  if (value.trim() === '') return `empty ${field}`;
  return `${field} "${value.trim()}" is not a valid ${what}`;
}

/**
 * A bank transaction (STMTTRN, also inside an investment INVBANKTRAN) as a draft, or null when
 * it only deletes an earlier one.
 *
 * Corrections: CORRECTACTION REPLACE sends a row that supersedes the one whose FITID is
 * CORRECTFITID. We keep the row as a normal operation under its own FITID (most banks reuse the
 * same FITID, and the importer's dedup then sees the same operation again); when the FITIDs
 * differ we warn, since the superseded row may already be imported. CORRECTACTION DELETE only
 * cancels an earlier row, so it is no operation: skipped with a warning naming that FITID.
 */
export function bankTransactionDraft(
  transaction: OfxElement,
  context: StatementContext,
): OperationDraft | null {
  const fitId = nonBlank(leafOf(transaction, 'FITID'));
  const action = leafOf(transaction, 'CORRECTACTION')?.trim().toUpperCase();
  const corrected = nonBlank(leafOf(transaction, 'CORRECTFITID'));
  if (action === 'DELETE') {
    context.warnings.push({
      code: 'deleted_operation',
      message: `The bank cancels operation ${corrected ?? '(no CORRECTFITID)'}; remove it if it was imported`,
      line: transaction.line,
    });
    return null;
  }
  if (corrected !== null && corrected !== fitId) {
    context.warnings.push({
      code: 'corrected_operation',
      message: `This operation replaces operation ${corrected}; remove that one if it was imported`,
      line: transaction.line,
    });
  }
  return {
    line: transaction.line,
    dateField: 'DTPOSTED',
    date: leafOf(transaction, 'DTPOSTED'),
    // DTAVAIL is when the funds are available: the value date.
    valueDate: leafOf(transaction, 'DTAVAIL'),
    amountField: 'TRNAMT',
    amount: leafOf(transaction, 'TRNAMT'),
    label: bankLabel(transaction),
    externalId: fitId,
    statedCurrency: leafOf(childOf(transaction, 'CURRENCY'), 'CURSYM'),
  };
}

/**
 * NAME and MEMO joined with " "; MEMO alone counts when NAME is empty, and MEMO is left out
 * when empty or equal to NAME. OFX 1.x caps NAME at 32 characters and many banks then repeat
 * the whole text in MEMO ("DIVIDEND EARNED FOR PERIOD OF 03" / "DIVIDEND EARNED FOR PERIOD OF
 * 03/01/2011 THROUGH…"): when MEMO starts with NAME, MEMO alone is the label. A payee sent as a
 * PAYEE aggregate gives its NAME. With neither, TRNTYPE and CHECKNUM ("CHECK 1000") still say
 * something the bank wrote. Inner spacing is kept as written (normalising is the app's job).
 */
function bankLabel(transaction: OfxElement): string {
  const name = (
    leafOf(transaction, 'NAME') ??
    leafOf(childOf(transaction, 'PAYEE'), 'NAME') ??
    ''
  ).trim();
  const memo = (leafOf(transaction, 'MEMO') ?? '').trim();
  if (memo === '' || memo === name) {
    if (name !== '') return name;
  } else {
    return name === '' || memo.startsWith(name) ? memo : `${name} ${memo}`;
  }
  return [leafOf(transaction, 'TRNTYPE'), leafOf(transaction, 'CHECKNUM')]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');
}

export function nonBlank(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value;
}
