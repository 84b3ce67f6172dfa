import { isCurrencyCode, type CurrencyCode } from '../money/currency.ts';
import { minor } from '../money/money.ts';
import { fail, ok, type Result } from '../util/result.ts';
import { checkStatementBalances } from './balance-check.ts';
import { readCamtAmount } from './camt-amounts.ts';
import { dateOf, entryOperations, type EntryContext } from './camt-entries.ts';
import { at, attribute, child, children, entryLines, parseXml, textAt } from './camt-xml.ts';
import type {
  ParsedStatement,
  StatementBalance,
  StatementError,
  StatementFile,
  StatementOperation,
  StatementParseOptions,
  StatementWarning,
} from './statement.ts';

const CAMT_NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:camt\.(05[234])\.001\.(\d\d)$/;
const CAMT_HINT =
  /urn:iso:std:iso:20022:tech:xsd:camt\.|<(?:[\w.-]+:)?BkToCstmr(?:Stmt|AcctRpt|DbtCdtNtfctn)[\s/>]/;

// The message element and its repeated report, per message: account report (intraday), statement,
// debit/credit notification. All three carry the same Acct, Bal and Ntry content.
const MESSAGES = {
  '052': ['BkToCstmrAcctRpt', 'Rpt'],
  '053': ['BkToCstmrStmt', 'Stmt'],
  '054': ['BkToCstmrDbtCdtNtfctn', 'Ntfctn'],
} as const;

const BALANCE_KINDS: Readonly<Record<string, StatementBalance['kind']>> = {
  OPBD: 'opening',
  PRCD: 'opening', // previously closed booked: the opening balance of intraday reports
  CLBD: 'closing',
  CLAV: 'available',
};

// BIC shape (ISO 9362); anonymised samples put placeholders such as "BANK BIC" there.
const BIC = /^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/;

/** Format detection: XML naming a camt namespace or a bank-to-customer message element. */
export function looksLikeCamt(text: string): boolean {
  return /^\uFEFF?\s*</.test(text) && CAMT_HINT.test(text);
}

/**
 * Reads an ISO 20022 camt.052 (account report), camt.053 (statement) or camt.054 (debit/credit
 * notification), schema versions 02 to 08, one ParsedStatement per Rpt/Stmt/Ntfctn.
 */
export function parseCamt(
  text: string,
  options: StatementParseOptions = {},
): Result<StatementFile, StatementError> {
  if (!/^\uFEFF?\s*</.test(text)) return fail('not_this_format', 'Not an XML document');
  const parsed = parseXml(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return parsed;
  const { root, tree } = parsed.value;
  const namespace = root?.namespace ?? null;
  const version = CAMT_NAMESPACE.exec(namespace ?? '');
  const kind = version?.[1];
  const schema = Number(version?.[2]);
  if (root?.name !== 'Document' || (kind !== '052' && kind !== '053' && kind !== '054')) {
    const other = root && root.name !== 'Document' ? `<${root.name}>` : null;
    return unsupported(namespace ?? other);
  }
  if (schema < 2 || schema > 8) return unsupported(namespace);

  const [messageName, reportName] = MESSAGES[kind];
  const reports = children(at(tree, 'Document', messageName), reportName);
  if (reports.length === 0) {
    return fail('malformed', `The camt.${kind} document holds no ${reportName} element`);
  }
  const warnings: StatementWarning[] = [];
  const lines = entryLines(text);
  let entryIndex = 0;
  let bank: string | null = null;
  const statements = reports.map((report) => {
    bank ??= servicer(child(report, 'Acct'));
    const statement = readReport(report, options, warnings, () => {
      // The n-th entry of the file is the n-th <Ntry> tag of the text.
      const line = lines[entryIndex] ?? 1;
      entryIndex += 1;
      return line;
    });
    const mismatch = checkStatementBalances(statement);
    if (mismatch) warnings.push(mismatch);
    return statement;
  });
  return ok({ format: 'camt', bank, statements, warnings });
}

function unsupported(what: string | null | undefined): Result<never, StatementError> {
  return fail('unsupported', `Unsupported CAMT document: ${what ?? '(no namespace)'}`);
}

function readReport(
  report: unknown,
  options: StatementParseOptions,
  warnings: StatementWarning[],
  nextLine: () => number,
): ParsedStatement {
  const account = child(report, 'Acct');
  const accountCode = textAt(account, 'Ccy');
  const declared = accountCode !== null && isCurrencyCode(accountCode) ? accountCode : null;
  const context: EntryContext = {
    fallbackCurrency: declared ?? options.defaultCurrency ?? null,
    warnings,
    reportedCodes: new Set(),
  };
  const operations: StatementOperation[] = children(report, 'Ntry').flatMap((entry) =>
    entryOperations(entry, nextLine(), context),
  );
  const balanceNodes = children(report, 'Bal');
  const currency =
    declared ??
    operations[0]?.currency ??
    balanceNodes.map((b) => attribute(child(b, 'Amt'), 'Ccy')).find(isKnownCode) ??
    null;
  const balances = balanceNodes.flatMap((node) => {
    const balance = readBalance(node, currency, context);
    return balance ? [balance] : [];
  });
  return {
    account: { id: textAt(account, 'Id', 'IBAN') ?? textAt(account, 'Id', 'Othr', 'Id'), currency },
    operations,
    balances,
  };
}

function isKnownCode(code: string | null): code is CurrencyCode {
  return code !== null && isCurrencyCode(code);
}

/** Bal with a code we use (opening, closing, available); other types are left out on purpose. */
function readBalance(
  node: unknown,
  statementCurrency: CurrencyCode | null,
  context: EntryContext,
): StatementBalance | null {
  const kind = BALANCE_KINDS[textAt(node, 'Tp', 'CdOrPrtry', 'Cd') ?? ''];
  if (kind === undefined) return null;
  const skip = (message: string): null => {
    context.warnings.push({ code: 'skipped_balance', message, line: null });
    return null;
  };
  const amountNode = child(node, 'Amt');
  const written = attribute(amountNode, 'Ccy');
  const code = isKnownCode(written) ? written : (statementCurrency ?? context.fallbackCurrency);
  if (code === null) return skip(`Balance in an unknown currency ("${written ?? ''}") skipped`);
  const amountText = textAt(amountNode) ?? '';
  const amount = readCamtAmount(amountText, code);
  if (amount === null) return skip(`Unreadable balance amount "${amountText}"`);
  const date = dateOf(child(node, 'Dt'));
  if (date === null) return skip('Balance without a readable date skipped');
  if (amount.rounded) {
    context.warnings.push({
      code: 'amount_rounded',
      message: `Balance "${amountText}" has more decimals than ${code} allows; rounded`,
      line: null,
    });
  }
  if (statementCurrency !== null && code !== statementCurrency) {
    // The balance is kept as written, but it cannot be compared with the operations.
    context.warnings.push({
      code: 'currency_mismatch',
      message: `The ${kind} balance is in ${code}, the statement in ${statementCurrency}`,
      line: null,
    });
  }
  const negative = textAt(node, 'CdtDbtInd') === 'DBIT';
  return { kind, date, amountMinor: negative ? minor(0 - amount.minor) : amount.minor };
}

/** The account servicer: its BIC when it looks like one, else its name. */
function servicer(account: unknown): string | null {
  const institution = at(account, 'Svcr', 'FinInstnId');
  const bic = textAt(institution, 'BICFI') ?? textAt(institution, 'BIC');
  if (bic !== null && BIC.test(bic)) return bic;
  return textAt(institution, 'Nm');
}
