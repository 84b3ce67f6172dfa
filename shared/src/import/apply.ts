import type { Account } from '../ledger/account.ts';
import type { Factories } from '../ledger/create.ts';
import { operationId, type ImportBatchId } from '../ledger/ids.ts';
import { MAX_LABEL_LENGTH, type Operation } from '../ledger/operation.ts';
import type { ImportBatch } from './batch.ts';
import type { ImportPlan } from './dedup.ts';
import type { StatementFormat, StatementOperation } from './statement.ts';

export interface ImportRequest {
  readonly plan: ImportPlan;
  readonly account: Account;
  readonly batchId: ImportBatchId;
  readonly fileName: string;
  readonly format: StatementFormat;
  readonly bank: string | null;
  readonly statementAccountId: string | null;
  readonly csvMapping: ImportBatch['csvMapping'];
  /** Indexes (in `plan.rows`) of possible duplicates the person chose to merge. */
  readonly merges: ReadonlySet<number>;
  /** Looks up the hand-typed operations named as merge candidates. */
  readonly findOperation: (id: Operation['id']) => Operation | undefined;
}

export interface ImportChanges {
  readonly batch: ImportBatch;
  /** New operations, in file order. */
  readonly added: readonly Operation[];
  /** Hand-typed operations updated with the bank's data (their old form is in the batch). */
  readonly merged: readonly Operation[];
}

const MAX_EXTERNAL_ID_LENGTH = 255;
const NO_LABEL = '—';

/**
 * Turns a planned file into the operations to write and the batch that can undo them. Duplicates
 * are left out; a possible duplicate becomes a merge only when the person said so, otherwise a new
 * operation (never dropped silently).
 */
export function buildImport(request: ImportRequest, { clock, newId }: Factories): ImportChanges {
  const now = clock.now();
  const added: Operation[] = [];
  const merged: Operation[] = [];
  const before: Operation[] = [];
  request.plan.rows.forEach((planned, index) => {
    if (planned.status === 'duplicate') return;
    const candidate =
      planned.mergeCandidate !== null && request.merges.has(index)
        ? request.findOperation(planned.mergeCandidate)
        : undefined;
    if (candidate) {
      before.push(candidate);
      merged.push(mergeInto(candidate, planned.row, request.batchId, now));
      return;
    }
    added.push(newImportedOperation(planned.row, request, operationId(newId()), now));
  });
  const batch: ImportBatch = {
    id: request.batchId,
    accountId: request.account.id,
    fileName: request.fileName.slice(0, 255),
    format: request.format,
    bank: request.bank === null ? null : request.bank.slice(0, 120),
    statementAccountId:
      request.statementAccountId === null ? null : request.statementAccountId.slice(0, 64),
    addedIds: added.map((op) => op.id),
    merged: before,
    duplicates: request.plan.counts.duplicate,
    csvMapping: request.csvMapping,
    createdAt: now,
    undoneAt: null,
  };
  return { batch, added, merged };
}

function rawLabelOf(row: StatementOperation): string {
  return row.label.slice(0, MAX_LABEL_LENGTH);
}

function externalIdOf(row: StatementOperation): string | null {
  return row.externalId === null ? null : row.externalId.slice(0, MAX_EXTERNAL_ID_LENGTH);
}

function newImportedOperation(
  row: StatementOperation,
  request: ImportRequest,
  id: Operation['id'],
  now: number,
): Operation {
  const rawLabel = rawLabelOf(row);
  return {
    id,
    accountId: request.account.id,
    date: row.date,
    valueDate: row.valueDate,
    amountMinor: row.amountMinor,
    currency: request.account.currency,
    rawLabel,
    label: rawLabel.replace(/\s+/g, ' ').trim() || NO_LABEL,
    categoryId: null,
    categorySource: null,
    note: '',
    origin: 'import',
    externalId: externalIdOf(row),
    importBatchId: request.batchId,
    transferPeerId: null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The bank's facts (date, raw label, id) win; what the person wrote (label, category, note) and a
 * transfer link are kept; the batch id marks it as matched, so the next import sees it as imported.
 */
function mergeInto(
  operation: Operation,
  row: StatementOperation,
  batchId: ImportBatchId,
  now: number,
): Operation {
  return {
    ...operation,
    date: row.date,
    valueDate: row.valueDate,
    rawLabel: rawLabelOf(row),
    externalId: externalIdOf(row),
    importBatchId: batchId,
    updatedAt: now,
  };
}
