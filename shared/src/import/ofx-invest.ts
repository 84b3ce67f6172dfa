import {
  bankTransactionDraft,
  nonBlank,
  toOperation,
  type StatementContext,
} from './ofx-operations.ts';
import { childOf, findAll, leafOf, type OfxElement } from './ofx-tokens.ts';
import type { StatementOperation } from './statement.ts';

/**
 * Investment statements (INVSTMTRS) as cash accounts. Tirelire tracks money, not positions, so
 * an investment account is read as its cash: every row that moves cash becomes an operation.
 * - INVBANKTRAN wraps a plain STMTTRN (deposits, fees, interest): read as a bank row.
 * - Buys, sells, income, expenses, margin interest and returns of capital move cash by their
 *   TOTAL (negative for buys, positive for sells and income, as written): one operation each,
 *   dated DTTRADE (DTSETTLE as the value date), labelled with MEMO (else the transaction type)
 *   and the security's name from SECLIST.
 * - REINVEST, TRANSFER, SPLIT, JRNLSEC, JRNLFUND and CLOSUREOPT move units or shift cash between
 *   sub-accounts, not in or out of the account: skipped, with one
 *   'investment_transactions_skipped' warning giving the count and types.
 * This matches what the fixtures' source projects book on the cash side: beancount-import's
 * fidelity_treasury (INVBANKTRAN +1111.00, BUYDEBT -95325.01, SELLOTHER +96000.00) and
 * beancount_reds_importers' Vanguard 401(k) (two BUYMF with cash legs, three TRANSFER without).
 */
const CASH_TRANSACTIONS: ReadonlySet<string> = new Set([
  'BUYDEBT',
  'BUYMF',
  'BUYOPT',
  'BUYOTHER',
  'BUYSTOCK',
  'SELLDEBT',
  'SELLMF',
  'SELLOPT',
  'SELLOTHER',
  'SELLSTOCK',
  'INCOME',
  'INVEXPENSE',
  'MARGININTEREST',
  'RETOFCAP',
]);

const INVTRAN = new Set(['INVTRAN']);
const TOTAL = new Set(['TOTAL']);
const SECID = new Set(['SECID']);
const CURRENCY = new Set(['CURRENCY']);

/** Security names by UNIQUEID, from the SECINFO aggregates of the SECLIST (SECNAME, else TICKER). */
export function readSecurities(infos: readonly OfxElement[]): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const info of infos) {
    const id = leafOf(childOf(info, 'SECID'), 'UNIQUEID')?.trim();
    const name = nonBlank(leafOf(info, 'SECNAME')) ?? nonBlank(leafOf(info, 'TICKER'));
    if (id !== undefined && name !== null && !names.has(id)) names.set(id, name.trim());
  }
  return names;
}

export function readInvestmentTransactions(
  list: OfxElement | undefined,
  securities: ReadonlyMap<string, string>,
  context: StatementContext,
): StatementOperation[] {
  const operations: StatementOperation[] = [];
  const skipped = new Map<string, number>();
  for (const row of list?.children ?? []) {
    if (row.value !== null) continue; // DTSTART, DTEND
    if (row.name === 'INVBANKTRAN') {
      const transaction = childOf(row, 'STMTTRN');
      const draft = transaction && bankTransactionDraft(transaction, context);
      const operation = draft ? toOperation(draft, context) : null;
      if (operation) operations.push(operation);
    } else if (CASH_TRANSACTIONS.has(row.name)) {
      const operation = toOperation(investmentDraft(row, securities), context);
      if (operation) operations.push(operation);
    } else {
      skipped.set(row.name, (skipped.get(row.name) ?? 0) + 1);
    }
  }
  if (skipped.size > 0) {
    const count = [...skipped.values()].reduce((sum, n) => sum + n, 0);
    const kinds = [...skipped].map(([name, n]) => `${name} ×${n}`).join(', ');
    context.warnings.push({
      code: 'investment_transactions_skipped',
      message: `${count} investment transaction(s) without a cash movement not read (${kinds})`,
      line: list?.line ?? null,
    });
  }
  return operations;
}

function investmentDraft(row: OfxElement, securities: ReadonlyMap<string, string>) {
  const invTran = findAll(row, INVTRAN)[0];
  const uniqueId = leafOf(findAll(row, SECID)[0], 'UNIQUEID')?.trim();
  const security = uniqueId === undefined ? undefined : (securities.get(uniqueId) ?? uniqueId);
  const memo = nonBlank(leafOf(invTran, 'MEMO'))?.trim();
  const kind = [row.name, leafOf(row, 'INCOMETYPE')?.trim()].filter(Boolean).join(' ');
  return {
    line: row.line,
    dateField: 'DTTRADE',
    date: leafOf(invTran, 'DTTRADE'),
    valueDate: leafOf(invTran, 'DTSETTLE'),
    amountField: 'TOTAL',
    amount: findAll(row, TOTAL)[0]?.value ?? undefined,
    label: [memo ?? kind, security].filter(Boolean).join(' '),
    externalId: nonBlank(leafOf(invTran, 'FITID')),
    statedCurrency: leafOf(findAll(row, CURRENCY)[0], 'CURSYM'),
  };
}
