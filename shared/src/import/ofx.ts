import { currency as currencyCode, isCurrencyCode, type CurrencyCode } from '../money/currency.ts';
import { fail, ok, type Result } from '../util/result.ts';
import { parseOfxAmount } from './ofx-amounts.ts';
import { ofxDate } from './ofx-dates.ts';
import { readInvestmentTransactions, readSecurities } from './ofx-invest.ts';
import {
  bankTransactionDraft,
  nonBlank,
  toOperation,
  type StatementContext,
} from './ofx-operations.ts';
import { childOf, findAll, leafOf, readOfxTree, type OfxElement } from './ofx-tokens.ts';
import type {
  ParsedStatement,
  StatementBalance,
  StatementError,
  StatementFile,
  StatementOperation,
  StatementParseOptions,
  StatementWarning,
} from './statement.ts';

// An OFX 1.x header ("OFXHEADER:100"), a 2.x processing instruction ("<?OFX …?>") or the body.
const SIGNATURE = /^\s*OFXHEADER\s*:|<\?OFX[\s?]|<OFX[\s>]/i;
const BODY = /<OFX[\s>]/i;

const STATEMENTS = ['STMTRS', 'CCSTMTRS', 'INVSTMTRS'];
const ACCOUNTS: ReadonlySet<string> = new Set(['BANKACCTFROM', 'CCACCTFROM', 'INVACCTFROM']);
// What the file-wide search collects, in one walk of the tree.
const WANTED: ReadonlySet<string> = new Set([...STATEMENTS, 'STATUS', 'FI', 'ACCTINFO', 'SECINFO']);
const STMTTRN: ReadonlySet<string> = new Set(['STMTTRN']);
const ACCTID: ReadonlySet<string> = new Set(['ACCTID']);
const CURSYM: ReadonlySet<string> = new Set(['CURSYM']);

/**
 * Elements that are always aggregates: if one is left unclosed, it keeps its content instead
 * of being read as an empty SGML leaf (see ofx-tokens.ts). Only the ones we read from.
 */
const AGGREGATES: ReadonlySet<string> = new Set([
  'OFX',
  'SIGNONMSGSRSV1',
  'SONRS',
  'STATUS',
  'FI',
  'BANKMSGSRSV1',
  'CREDITCARDMSGSRSV1',
  'INVSTMTMSGSRSV1',
  'STMTTRNRS',
  'CCSTMTTRNRS',
  'INVSTMTTRNRS',
  ...STATEMENTS,
  ...ACCOUNTS,
  'BANKTRANLIST',
  'STMTTRN',
  'LEDGERBAL',
  'AVAILBAL',
  'INVTRANLIST',
  'INVBANKTRAN',
  'INVBAL',
]);

/** Format detection: an OFX header or an <OFX> element anywhere (text may precede it). */
export function looksLikeOfx(text: string): boolean {
  return SIGNATURE.test(text);
}

/**
 * Reads OFX 1.x (SGML), 2.x (XML) and QFX files: bank, credit-card and investment statements,
 * any number per file, one ParsedStatement each, in file order. The text is already decoded
 * (decodeStatement trusts the bytes); the header's CHARSET/ENCODING are not read, since banks
 * declare one and write another.
 *
 * Fails with 'bank_error' when the file is the bank's error response (a STATUS of severity
 * ERROR and no statement), and with 'no_operations' when it holds no statement at all (an
 * account listing, say). A statement whose every row was skipped still parses, with warnings.
 * OFX has no opening balance, so no balance check is possible: LEDGERBAL is the closing
 * balance at its DTASOF, AVAILBAL (and an investment's AVAILCASH) the available one.
 */
export function parseOfx(
  text: string,
  options: StatementParseOptions = {},
): Result<StatementFile, StatementError> {
  if (!looksLikeOfx(text)) return fail('not_this_format', 'No OFX header or <OFX> element');
  const start = text.search(BODY);
  if (start < 0) return fail('malformed', 'The OFX header is followed by no <OFX> body');
  const tree = readOfxTree(text, start, AGGREGATES);
  const ofx = childOf(tree.root, 'OFX') ?? tree.root;
  const found = findAll(ofx, WANTED);
  const named = (...names: string[]): OfxElement[] =>
    found.filter((element) => names.includes(element.name));

  const warnings: StatementWarning[] = [];
  if (!tree.isComplete) {
    warnings.push({
      code: 'truncated_file',
      message: 'The file ends before its last elements are closed: it may be cut short',
      line: null,
    });
  }
  const errors = named('STATUS').filter(
    (status) => leafOf(status, 'SEVERITY')?.trim().toUpperCase() === 'ERROR',
  );
  const statementElements = named(...STATEMENTS);
  if (statementElements.length === 0) {
    if (errors.length > 0) return fail('bank_error', errors.map(statusMessage).join('; '));
    return fail('no_operations', noStatementMessage(named('ACCTINFO')));
  }
  for (const status of errors) {
    warnings.push({
      code: 'bank_error',
      message: `The bank reports an error: ${statusMessage(status)}`,
      line: status.line,
    });
  }

  const securities = readSecurities(named('SECINFO'));
  const statements = statementElements.map((element) =>
    readStatement(element, securities, options, warnings),
  );
  const bank = nonBlank(leafOf(named('FI')[0], 'ORG'))?.trim() ?? null;
  return ok({ format: 'ofx', bank, statements, warnings });
}

function statusMessage(status: OfxElement): string {
  const code = leafOf(status, 'CODE')?.trim() ?? '';
  const message = leafOf(status, 'MESSAGE')?.trim() ?? '';
  return `${code} ${message}`.trim() || 'error without a code';
}

function noStatementMessage(accountInfos: readonly OfxElement[]): string {
  if (accountInfos.length === 0) return 'The OFX file holds no statement';
  const accounts = accountInfos.map((info) => {
    const id = findAll(info, ACCTID)[0]?.value?.trim() ?? '?';
    const description = leafOf(info, 'DESC')?.trim() ?? '';
    return description === '' ? id : `${description} ${id}`;
  });
  return (
    `This OFX file only lists accounts (${accounts.join(', ')}) and holds no operations: ` +
    'download a statement of transactions from the bank instead'
  );
}

function readStatement(
  statement: OfxElement,
  securities: ReadonlyMap<string, string>,
  options: StatementParseOptions,
  warnings: StatementWarning[],
): ParsedStatement {
  const curdef = leafOf(statement, 'CURDEF')?.trim().toUpperCase() ?? '';
  const stated = isCurrencyCode(curdef) ? curdef : null;
  const context: StatementContext = {
    currency: stated ?? assumeCurrency(statement, curdef, options, warnings),
    warnings,
    foreignCurrencyRows: 0,
  };
  const account = statement.children.find((child) => ACCOUNTS.has(child.name));
  const accountId = nonBlank(leafOf(account, 'ACCTID'));

  let operations: StatementOperation[];
  const balances: StatementBalance[] = [];
  const addBalance = (balance: StatementBalance | null): void => {
    if (balance) balances.push(balance);
  };
  if (statement.name === 'INVSTMTRS') {
    const list = childOf(statement, 'INVTRANLIST');
    operations = readInvestmentTransactions(list, securities, context);
    const invBal = childOf(statement, 'INVBAL');
    const asOf = leafOf(statement, 'DTASOF');
    addBalance(readBalance(invBal, 'AVAILCASH', asOf, 'available', context));
  } else {
    operations = readBankTransactions(childOf(statement, 'BANKTRANLIST') ?? statement, context);
    for (const [name, kind] of [
      ['LEDGERBAL', 'closing'],
      ['AVAILBAL', 'available'],
    ] as const) {
      const aggregate = childOf(statement, name);
      addBalance(readBalance(aggregate, 'BALAMT', leafOf(aggregate, 'DTASOF'), kind, context));
    }
  }
  if (context.foreignCurrencyRows > 0) {
    warnings.push({
      code: 'transaction_currency_ignored',
      message:
        `${context.foreignCurrencyRows} operation(s) name another currency than ` +
        `${context.currency}; their amounts are read in ${context.currency}, the account's`,
      line: statement.line,
    });
  }
  return { account: { id: accountId, currency: stated }, operations, balances };
}

/**
 * CURDEF missing or no ISO code: the one currency the rows' CURRENCY aggregates name, if they
 * agree (Newcastle Permanent leaves CURDEF empty but tags each row AUD); else the caller's
 * default currency; else EUR. Said in a 'currency_assumed' warning either way.
 */
function assumeCurrency(
  statement: OfxElement,
  curdef: string,
  options: StatementParseOptions,
  warnings: StatementWarning[],
): CurrencyCode {
  const named = new Set(findAll(statement, CURSYM).map((c) => c.value?.trim().toUpperCase()));
  const [only] = named;
  const fromRows = named.size === 1 && only !== undefined && isCurrencyCode(only) ? only : null;
  const assumed = fromRows ?? options.defaultCurrency ?? currencyCode('EUR');
  const why = curdef === '' ? 'names no currency (empty CURDEF)' : `has CURDEF "${curdef}"`;
  const source = fromRows ? ', the currency its operations name' : '';
  warnings.push({
    code: 'currency_assumed',
    message: `The statement ${why}: amounts read as ${assumed}${source}`,
    line: statement.line,
  });
  return assumed;
}

function readBankTransactions(list: OfxElement, context: StatementContext): StatementOperation[] {
  const operations: StatementOperation[] = [];
  for (const transaction of findAll(list, STMTTRN)) {
    const draft = bankTransactionDraft(transaction, context);
    const operation = draft ? toOperation(draft, context) : null;
    if (operation) operations.push(operation);
  }
  return operations;
}

/**
 * A balance, or null when the file gives none: an absent aggregate or an empty or blank amount
 * (<BALAMT/>, "<BALAMT> </BALAMT>") is no balance, silently. An amount or date that cannot be
 * read is skipped with a warning; no date is ever invented.
 */
function readBalance(
  aggregate: OfxElement | undefined,
  amountField: string,
  asOf: string | undefined,
  kind: StatementBalance['kind'],
  context: StatementContext,
): StatementBalance | null {
  const amountText = leafOf(aggregate, amountField);
  if (aggregate === undefined || nonBlank(amountText) === null) return null;
  const amount = parseOfxAmount(amountText, context.currency);
  const date = ofxDate(asOf);
  if (amount !== null && date !== null) return { kind, date, amountMinor: amount.amountMinor };
  context.warnings.push({
    code: 'balance_skipped',
    message: `${aggregate.name} skipped: ${amount === null ? `${amountField} "${amountText?.trim()}"` : `date "${asOf?.trim() ?? ''}"`} cannot be read`,
    line: aggregate.line,
  });
  return null;
}
