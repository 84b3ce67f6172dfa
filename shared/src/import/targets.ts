import type { Account, AccountDraft } from '../ledger/account.ts';
import type { AccountId } from '../ledger/ids.ts';
import { operationId } from '../ledger/ids.ts';
import type { Operation } from '../ledger/operation.ts';
import { minor } from '../money/money.ts';
import type { ImportBatch } from './batch.ts';
import { planImport, type ExistingOperation, type ImportPlan } from './dedup.ts';
import type { ParsedStatement } from './statement.ts';

export type AccountMatch =
  /** A file with this account number was imported into this account before. */
  | 'statement_id'
  /** The file names no account we know, and only one open account has its currency. */
  | 'only_account';

/** Bank account numbers are written with and without spaces, in either case. */
export function normaliseStatementAccountId(id: string): string {
  return id.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * Picks the account a statement goes into. The person can always change it in the preview; this
 * only saves them the choice when it is obvious.
 */
export function matchAccount(
  statement: ParsedStatement,
  accounts: readonly Account[],
  batches: readonly ImportBatch[],
): { readonly accountId: AccountId | null; readonly matchedBy: AccountMatch | null } {
  const open = accounts.filter((account) => !account.archived);
  const openIds = new Set(open.map((account) => account.id));
  const fileId = statement.account.id;
  if (fileId !== null) {
    const wanted = normaliseStatementAccountId(fileId);
    const previous = [...batches]
      .sort((a, b) => b.createdAt - a.createdAt)
      .find(
        (batch) =>
          batch.statementAccountId !== null &&
          normaliseStatementAccountId(batch.statementAccountId) === wanted &&
          openIds.has(batch.accountId),
      );
    if (previous) return { accountId: previous.accountId, matchedBy: 'statement_id' };
  }
  const currency = statementCurrency(statement);
  const sameCurrency = open.filter((account) => currency === null || account.currency === currency);
  const only = sameCurrency.length === 1 ? sameCurrency[0] : undefined;
  return only
    ? { accountId: only.id, matchedBy: 'only_account' }
    : { accountId: null, matchedBy: null };
}

/** The statement's currency: the account's, else its operations' (null when it has neither). */
export function statementCurrency(statement: ParsedStatement) {
  return statement.account.currency ?? statement.operations[0]?.currency ?? null;
}

/**
 * A new account for a statement that matches none: named after the bank and account number, its
 * opening balance worked back from the closing balance when the file states one, so the balance
 * shown after the import is the bank's.
 */
export function proposeAccount(
  statement: ParsedStatement,
  bank: string | null,
  fallbackCurrency: Account['currency'],
  /** The name when the file gives neither bank nor account number, in the person's language. */
  fallbackName = 'Imported account',
): AccountDraft {
  const operations = statement.operations;
  const firstDate = operations.reduce<string | null>(
    (earliest, op) => (earliest === null || op.date < earliest ? op.date : earliest),
    null,
  );
  const closing = statement.balances.find((b) => b.kind === 'closing');
  const total = operations.reduce<number>((sum, op) => sum + op.amountMinor, 0);
  const lastDigits = statement.account.id?.replace(/\s/g, '').slice(-4);
  const name = [bank, lastDigits ? `…${lastDigits}` : null].filter((part) => part).join(' ');
  return {
    name: (name || fallbackName).slice(0, 120),
    institution: (bank ?? '').slice(0, 120),
    type: 'checking',
    currency: statementCurrency(statement) ?? fallbackCurrency,
    openingBalanceMinor: minor(closing ? closing.amountMinor - total : 0),
    openingDate: (firstDate ?? closing?.date ?? '1970-01-01') as AccountDraft['openingDate'],
  };
}

export interface TargetToPlan {
  readonly statement: ParsedStatement;
  readonly accountId: AccountId | null;
}

/**
 * Plans every statement of one import against its account, in order. Rows that earlier files of
 * the same import will add count as already there for later ones, so two overlapping files dropped
 * together add each operation once.
 */
export function planTargets(
  targets: readonly TargetToPlan[],
  operationsOf: (accountId: AccountId) => readonly Operation[],
): (ImportPlan | null)[] {
  const pending = new Map<AccountId, ExistingOperation[]>();
  return targets.map((target, targetIndex) => {
    if (target.accountId === null) return null;
    let existing = pending.get(target.accountId);
    if (!existing) {
      existing = [...operationsOf(target.accountId)];
      pending.set(target.accountId, existing);
    }
    const plan = planImport(existing, target.statement.operations);
    plan.rows.forEach((row, rowIndex) => {
      if (row.status === 'duplicate') return;
      existing.push({
        id: operationId(`planned-${targetIndex}-${rowIndex}`),
        date: row.row.date,
        amountMinor: row.row.amountMinor,
        rawLabel: row.row.label,
        externalId: row.row.externalId,
        origin: 'import',
        importBatchId: null,
      });
    });
    return plan;
  });
}
