import type { ParsedStatement, StatementWarning } from './statement.ts';

/**
 * Opening balance + operations must give the closing balance. Banks do get this wrong
 * (anonymised samples, statements cut short), so a mismatch is a warning for the preview,
 * never a reason to refuse the file.
 */
export function checkStatementBalances(statement: ParsedStatement): StatementWarning | null {
  const opening = statement.balances.find((b) => b.kind === 'opening');
  const closing = statement.balances.find((b) => b.kind === 'closing');
  if (!opening || !closing) return null;
  const total = statement.operations.reduce<number>(
    (sum, op) => sum + op.amountMinor,
    opening.amountMinor,
  );
  if (total === closing.amountMinor) return null;
  const account = statement.account.id === null ? '' : ` (${statement.account.id})`;
  return {
    code: 'balance_mismatch',
    message: `Opening balance ${opening.amountMinor} + operations = ${total}, but the closing balance says ${closing.amountMinor}${account}`,
    line: null,
  };
}
