import {
  createManualOperation,
  createTransfer,
  editOperation,
  fail,
  minor,
  ok,
  operationDraftSchema,
  type Account,
  type Operation,
  type OperationDraft,
  type OperationId,
  type Result,
  type TransferDraft,
  type TransferError,
} from '@tirelire/shared';
import type { LedgerDeps } from '../deps.ts';

export type OperationError = 'invalid' | 'unknown_account';

export async function addOperation(
  deps: LedgerDeps,
  draft: OperationDraft,
  accounts: readonly Account[],
): Promise<Result<Operation, OperationError>> {
  const parsed = operationDraftSchema.safeParse(draft);
  if (!parsed.success)
    return fail('invalid', parsed.error.issues[0]?.message ?? 'Invalid operation');
  const account = accounts.find((candidate) => candidate.id === parsed.data.accountId);
  if (!account) return fail('unknown_account', 'This account does not exist');
  const operation = createManualOperation(parsed.data, account, deps);
  await deps.store.saveOperations([operation]);
  return ok(operation);
}

/**
 * Saves a person's edit. The account of a transfer half cannot move (its peer points at it), and
 * editing the amount of one half of a same-currency transfer mirrors it on the other half.
 */
export async function updateOperation(
  deps: LedgerDeps,
  operation: Operation,
  draft: OperationDraft,
  peer: Operation | null,
): Promise<Result<Operation, OperationError>> {
  const parsed = operationDraftSchema.safeParse(draft);
  if (!parsed.success)
    return fail('invalid', parsed.error.issues[0]?.message ?? 'Invalid operation');
  const accountId = operation.transferPeerId === null ? parsed.data.accountId : operation.accountId;
  const updated = editOperation(operation, { ...parsed.data, accountId }, deps.clock);
  const changes: Operation[] = [updated];
  if (peer && peer.currency === operation.currency && peer.transferPeerId === operation.id) {
    changes.push({
      ...peer,
      date: updated.date,
      amountMinor: minor(0 - updated.amountMinor),
      updatedAt: updated.updatedAt,
    });
  }
  await deps.store.saveOperations(changes);
  return ok(updated);
}

/** Deletes operations; deleting one half of a transfer deletes the other half too. */
export async function deleteOperations(
  deps: LedgerDeps,
  operations: readonly Operation[],
): Promise<void> {
  const ids = new Set<OperationId>();
  for (const operation of operations) {
    ids.add(operation.id);
    if (operation.transferPeerId !== null) ids.add(operation.transferPeerId);
  }
  await deps.store.deleteOperations([...ids]);
}

export async function addTransfer(
  deps: LedgerDeps,
  draft: TransferDraft,
): Promise<Result<readonly [Operation, Operation], TransferError>> {
  const created = createTransfer(draft, deps);
  if (!created.ok) return created;
  await deps.store.saveOperations(created.value);
  return ok(created.value);
}
