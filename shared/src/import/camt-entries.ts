import { isCurrencyCode, type CurrencyCode } from '../money/currency.ts';
import { minor, type MinorUnits } from '../money/money.ts';
import { isIsoDate, type IsoDate } from '../ledger/dates.ts';
import { readCamtAmount } from './camt-amounts.ts';
import { entryLabel } from './camt-labels.ts';
import { attribute, child, children, text, textAt } from './camt-xml.ts';
import type { StatementOperation, StatementWarning } from './statement.ts';

/** What an entry needs from its statement and the file. */
export interface EntryContext {
  /** Acct/Ccy when valid, else the caller's default currency: used when Amt/@Ccy is unusable. */
  readonly fallbackCurrency: CurrencyCode | null;
  readonly warnings: StatementWarning[];
  /** Unusable currency codes already reported for this statement, to warn once per code. */
  readonly reportedCodes: Set<string>;
}

// Banks write these where a reference is mandatory but they have none; they identify nothing,
// and as ids they would make every operation of the file look like the same one.
const PLACEHOLDER_REFERENCES: ReadonlySet<string> = new Set(['NOTPROVIDED', 'NONREF']);

function reference(node: unknown, ...path: readonly string[]): string | null {
  const value = textAt(node, ...path);
  return value === null || PLACEHOLDER_REFERENCES.has(value.toUpperCase()) ? null : value;
}

/** A date element's Dt or DtTm, as the calendar day written, without any time-zone shift. */
export function dateOf(node: unknown): IsoDate | null {
  const written = textAt(node, 'Dt') ?? textAt(node, 'DtTm');
  const day = written?.slice(0, 10) ?? '';
  return isIsoDate(day) ? day : null;
}

/** CRDT is +1, DBIT is -1, anything else null. */
function direction(node: unknown): 1 | -1 | null {
  const indicator = textAt(node, 'CdtDbtInd');
  return indicator === 'CRDT' ? 1 : indicator === 'DBIT' ? -1 : null;
}

function signed(amount: MinorUnits, sign: 1 | -1): MinorUnits {
  return sign === 1 ? amount : minor(0 - amount);
}

/**
 * The operations of one <Ntry>: none when pending or unreadable (with a warning), one per
 * transaction detail when the details' amounts add up to the entry, else one for the entry.
 */
export function entryOperations(
  entry: unknown,
  line: number,
  context: EntryContext,
): StatementOperation[] {
  const warn = (code: string, message: string): StatementOperation[] => {
    context.warnings.push({ code, message, line });
    return [];
  };
  // Sts is a plain code up to version 7 and Sts/Cd (or Sts/Prtry) from version 8.
  const status =
    textAt(entry, 'Sts') ?? textAt(entry, 'Sts', 'Cd') ?? textAt(entry, 'Sts', 'Prtry');
  if (status === 'PDNG') return warn('pending_skipped', 'Pending entry skipped (status PDNG)');

  const amountNode = child(entry, 'Amt');
  const amountText = text(amountNode);
  if (amountText === null) return warn('skipped_entry', 'Entry without an amount skipped');
  const written = attribute(amountNode, 'Ccy');
  const code = entryCurrency(written, context);
  if (code === null) {
    return warn('unknown_currency', `No usable currency for this entry ("${written ?? ''}")`);
  }
  // The indicator is the direction of this booking. A reversal (RvslInd true) is booked in the
  // opposite direction of the entry it cancels, and ISO 20022 already writes it that way: the
  // reversal of a debit is a CRDT entry. So the sign comes from CdtDbtInd alone and RvslInd never
  // flips it a second time (unlike MT940, whose RC/RD marks name the original direction).
  const sign = direction(entry);
  if (sign === null) return warn('skipped_entry', 'Entry without a CRDT/DBIT indicator skipped');
  const amount = readCamtAmount(amountText, code);
  if (amount === null) return warn('skipped_entry', `Unreadable amount "${amountText}"`);
  if (amount.rounded) warnRounded(amountText, code, line, context);

  const valueDate = dateOf(child(entry, 'ValDt'));
  const date = dateOf(child(entry, 'BookgDt')) ?? valueDate;
  if (date === null) return warn('invalid_date', 'Entry without a readable booking or value date');

  const entryAmount = signed(amount.minor, sign);
  const details = children(entry, 'NtryDtls').flatMap((d) => children(d, 'TxDtls'));
  const entryRef = reference(entry, 'AcctSvcrRef');
  const base = { date, valueDate, currency: code, line };
  const whole = (): StatementOperation[] => {
    const only = details.length === 1 ? details[0] : undefined;
    return [
      {
        ...base,
        amountMinor: entryAmount,
        label: entryLabel(entry, details, sign),
        externalId:
          reference(only, 'Refs', 'AcctSvcrRef') ??
          entryRef ??
          reference(only, 'Refs', 'EndToEndId'),
      },
    ];
  };
  // A lone detail describes the whole entry, whose amount is what was booked (charges or a
  // foreign-currency view may make the detail's own amount differ).
  if (details.length <= 1) return whole();
  const parts = details.map((detail) => detailAmount(detail, written, code, sign, line, context));
  // Details without any amount are the norm for batch bookings: the entry is what was booked.
  if (parts.every((part) => part === 'absent')) return whole();
  let total = 0;
  for (const part of parts) total += typeof part === 'number' ? part : Number.NaN;
  if (total !== entryAmount) {
    context.warnings.push({
      code: 'entry_details_mismatch',
      message: `The ${details.length} transaction details do not add up to the entry amount ${amountText} ${code}; imported as one operation`,
      line,
    });
    return whole();
  }
  return details.map((detail, index) => {
    const part = parts[index];
    const partSign = direction(detail) ?? sign;
    return {
      ...base,
      amountMinor: typeof part === 'number' ? part : entryAmount,
      label: entryLabel(entry, [detail], partSign),
      // Several operations come from one booked entry here. When only the entry carries the
      // bank's reference, a position suffix keeps each externalId unique, so a re-import
      // recognises every part instead of taking them all for the first one.
      externalId:
        reference(detail, 'Refs', 'AcctSvcrRef') ??
        (entryRef === null ? null : `${entryRef}#${index + 1}`) ??
        reference(detail, 'Refs', 'EndToEndId'),
    };
  });
}

/**
 * A detail's signed amount (TxDtls/Amt, else AmtDtls/TxAmt/Amt), 'absent' when it states none,
 * 'unusable' when it states one we cannot compare with the entry (other currency, unreadable).
 */
function detailAmount(
  detail: unknown,
  entryCode: string | null,
  code: CurrencyCode,
  entrySign: 1 | -1,
  line: number,
  context: EntryContext,
): MinorUnits | 'absent' | 'unusable' {
  const node = child(detail, 'Amt') ?? child(child(child(detail, 'AmtDtls'), 'TxAmt'), 'Amt');
  const amountText = text(node);
  if (node === undefined || amountText === null) return 'absent';
  const written = attribute(node, 'Ccy');
  if (written !== null && written !== (entryCode ?? code)) return 'unusable';
  const amount = readCamtAmount(amountText, code);
  if (amount === null) return 'unusable';
  if (amount.rounded) warnRounded(amountText, code, line, context);
  return signed(amount.minor, direction(detail) ?? entrySign);
}

function entryCurrency(written: string | null, context: EntryContext): CurrencyCode | null {
  if (written !== null && isCurrencyCode(written)) return written;
  const fallback = context.fallbackCurrency;
  if (fallback !== null && written !== null && !context.reportedCodes.has(written)) {
    context.reportedCodes.add(written);
    context.warnings.push({
      code: 'unknown_currency',
      message: `"${written}" is not an ISO 4217 currency; amounts read as ${fallback}`,
      line: null,
    });
  }
  return fallback;
}

function warnRounded(text: string, code: CurrencyCode, line: number, context: EntryContext): void {
  context.warnings.push({
    code: 'amount_rounded',
    message: `Amount "${text}" has more decimals than ${code} allows; rounded`,
    line,
  });
}
