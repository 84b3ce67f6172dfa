import { defaultCategories, generateDemoLedger, isoDateFromEpoch } from '@tirelire/shared';
import type { LedgerDeps } from '../deps.ts';

/** First run: the 17 default categories, so the ledger is usable before any import. */
export async function ensureDefaultCategories(deps: LedgerDeps): Promise<void> {
  const existing = await deps.store.listCategories();
  if (existing.length === 0) await deps.store.saveCategories(defaultCategories(deps.clock.now()));
}

/**
 * Loads a generated demo ledger (three accounts, two years) so a newcomer sees a living app in
 * one click. It replaces nothing: it is only offered while the ledger is empty.
 */
export async function loadDemoLedger(deps: LedgerDeps, seed: number): Promise<number> {
  const now = deps.clock.now();
  const demo = generateDemoLedger({
    seed,
    now,
    until: isoDateFromEpoch(now),
    years: 2,
    accountCount: 3,
    targetOperations: 1500,
  });
  // Accounts last: the welcome screen gives way when accounts appear, and by then every
  // operation is already stored (a reload in between must not leave empty accounts).
  await deps.store.saveCategories(demo.categories);
  await deps.store.saveOperations(demo.operations);
  await deps.store.saveAccounts(demo.accounts);
  return demo.operations.length;
}
