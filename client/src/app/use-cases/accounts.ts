import {
  accountDraftSchema,
  createAccount,
  fail,
  ok,
  type Account,
  type AccountDraft,
  type Result,
} from '@tirelire/shared';
import type { LedgerDeps } from '../deps.ts';

export type AccountError = 'invalid' | 'not_found' | 'has_operations';

export async function addAccount(
  deps: LedgerDeps,
  draft: AccountDraft,
): Promise<Result<Account, AccountError>> {
  const parsed = accountDraftSchema.safeParse(draft);
  if (!parsed.success) return fail('invalid', parsed.error.issues[0]?.message ?? 'Invalid account');
  const account = createAccount(parsed.data, deps);
  await deps.store.saveAccounts([account]);
  return ok(account);
}

/**
 * Edits an account. Its currency cannot change once it has operations: every amount is stored in
 * that currency, and silently reinterpreting them would falsify the ledger.
 */
export async function updateAccount(
  deps: LedgerDeps,
  account: Account,
  draft: AccountDraft,
): Promise<Result<Account, AccountError>> {
  const parsed = accountDraftSchema.safeParse(draft);
  if (!parsed.success) return fail('invalid', parsed.error.issues[0]?.message ?? 'Invalid account');
  if (parsed.data.currency !== account.currency) {
    const operations = await deps.store.listOperationsOfAccount(account.id);
    if (operations.length > 0)
      return fail('has_operations', 'The currency of an account with operations cannot change');
  }
  const updated: Account = { ...account, ...parsed.data, updatedAt: deps.clock.now() };
  await deps.store.saveAccounts([updated]);
  return ok(updated);
}

export async function setAccountArchived(
  deps: LedgerDeps,
  account: Account,
  archived: boolean,
): Promise<Account> {
  const updated: Account = { ...account, archived, updatedAt: deps.clock.now() };
  await deps.store.saveAccounts([updated]);
  return updated;
}

/**
 * Deletes an account and all its operations. The other halves of its transfers stay (they are
 * real movements of the other account) but are unlinked and become ordinary manual operations.
 */
export async function deleteAccount(deps: LedgerDeps, account: Account): Promise<void> {
  const operations = await deps.store.listOperationsOfAccount(account.id);
  const ownIds = new Set(operations.map((operation) => operation.id));
  const peerIds = operations
    .map((operation) => operation.transferPeerId)
    .filter((id) => id !== null && !ownIds.has(id));
  if (peerIds.length > 0) {
    const now = deps.clock.now();
    const everything = await deps.store.listOperations();
    const peers = everything.filter((operation) => peerIds.includes(operation.id));
    await deps.store.saveOperations(
      peers.map((peer) => ({ ...peer, transferPeerId: null, origin: 'manual', updatedAt: now })),
    );
  }
  const batches = await deps.store.listImportBatches();
  await deps.store.deleteImportBatches(
    batches.filter((batch) => batch.accountId === account.id).map((batch) => batch.id),
  );
  // A rule limited to this account could never match again.
  const rules = await deps.store.listRules();
  await deps.store.deleteRules(
    rules.filter((rule) => rule.accountId === account.id).map((rule) => rule.id),
  );
  await deps.store.deleteOperations([...ownIds]);
  await deps.store.deleteAccounts([account.id]);
}
