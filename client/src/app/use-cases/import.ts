import {
  buildImport,
  fail,
  importBatchId,
  ok,
  statementCurrency,
  type Account,
  type ImportBatch,
  type ImportChanges,
  type ImportPlan,
  type ParsedStatement,
  type Result,
  type StatementFormat,
} from '@tirelire/shared';
import type { LedgerDeps } from '../deps.ts';

/** One statement, ready to write: where it goes and what the person chose in the preview. */
export interface ImportItem {
  readonly fileName: string;
  readonly format: StatementFormat;
  readonly bank: string | null;
  readonly statement: ParsedStatement;
  readonly account: Account;
  readonly plan: ImportPlan;
  /** Indexes of possible duplicates to merge with the hand-typed entry they match. */
  readonly merges: ReadonlySet<number>;
  readonly csvMapping: ImportBatch['csvMapping'];
}

export interface ImportSummary {
  readonly batch: ImportBatch;
  readonly added: number;
  readonly merged: number;
  readonly duplicates: number;
}

export type ImportError = 'currency_mismatch' | 'account_missing';

/** Operations are written in slices so the progress bar moves and the page stays responsive. */
const WRITE_SLICE = 2_000;

/** Checked for every item before anything is written: an import is refused whole, not half-done. */
function checkItems(
  items: readonly ImportItem[],
  accounts: readonly Account[],
): Result<null, ImportError> {
  const known = new Set(accounts.map((account) => account.id));
  for (const item of items) {
    if (!known.has(item.account.id))
      return fail('account_missing', `The account ${item.account.name} no longer exists.`);
    const currency = statementCurrency(item.statement);
    const foreign = item.statement.operations.find((op) => op.currency !== item.account.currency);
    if ((currency !== null && currency !== item.account.currency) || foreign)
      return fail(
        'currency_mismatch',
        `${item.fileName} is in ${foreign?.currency ?? currency ?? '?'}, ${item.account.name} in ${item.account.currency}.`,
      );
  }
  return ok(null);
}

/**
 * Writes an import, one batch per statement. The batch is written first: if the page dies half-way,
 * the batch already lists every operation it adds, so undo still removes exactly those.
 */
export async function commitImport(
  deps: LedgerDeps,
  items: readonly ImportItem[],
  onProgress: (written: number, total: number) => void = () => undefined,
): Promise<Result<ImportSummary[], ImportError>> {
  const checked = checkItems(items, await deps.store.listAccounts());
  if (!checked.ok) return checked;
  const changes: ImportChanges[] = [];
  for (const item of items) {
    const byId = new Map(
      (await deps.store.listOperationsOfAccount(item.account.id)).map((op) => [op.id, op]),
    );
    changes.push(
      buildImport(
        {
          plan: item.plan,
          account: item.account,
          batchId: importBatchId(deps.newId()),
          fileName: item.fileName,
          format: item.format,
          bank: item.bank,
          statementAccountId: item.statement.account.id,
          csvMapping: item.csvMapping,
          merges: item.merges,
          findOperation: (id) => byId.get(id),
        },
        deps,
      ),
    );
  }
  const total = changes.reduce((sum, c) => sum + c.added.length + c.merged.length, 0);
  let written = 0;
  onProgress(written, total);
  for (const change of changes) {
    // A file with nothing new leaves no trace: no empty batch cluttering the history.
    if (change.added.length + change.merged.length === 0) continue;
    await deps.store.saveImportBatches([change.batch]);
    for (let start = 0; start < change.added.length; start += WRITE_SLICE) {
      const slice = change.added.slice(start, start + WRITE_SLICE);
      await deps.store.saveOperations(slice);
      written += slice.length;
      onProgress(written, total);
    }
    await deps.store.saveOperations(change.merged);
    written += change.merged.length;
    onProgress(written, total);
  }
  return ok(
    changes.map((change) => ({
      batch: change.batch,
      added: change.added.length,
      merged: change.merged.length,
      duplicates: change.batch.duplicates,
    })),
  );
}

export type UndoError = 'already_undone';

/**
 * Puts the account back as it was before the import: the operations it added are removed (edited
 * since or not), the hand-typed ones it merged get their earlier form back. The batch is kept,
 * marked undone, for the history and for its CSV mapping.
 */
export async function undoImport(
  deps: LedgerDeps,
  batch: ImportBatch,
): Promise<Result<ImportBatch, UndoError>> {
  if (batch.undoneAt !== null) return fail('already_undone', 'This import was already undone.');
  const now = deps.clock.now();
  await deps.store.deleteOperations(batch.addedIds);
  // A newer write than the merge, so the older form wins everywhere the ledger is copied.
  await deps.store.saveOperations(batch.merged.map((op) => ({ ...op, updatedAt: now })));
  const undone = { ...batch, undoneAt: now };
  await deps.store.saveImportBatches([undone]);
  return ok(undone);
}
