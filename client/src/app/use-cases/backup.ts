import {
  fail,
  ok,
  operationsToCsv,
  parseSnapshot,
  serializeSnapshot,
  type Language,
  type LedgerSnapshot,
  type RestoreError,
  type Result,
} from '@tirelire/shared';
import type { LedgerDeps } from '../deps.ts';

export async function readSnapshot(deps: LedgerDeps): Promise<LedgerSnapshot> {
  const [accounts, categories, operations, importBatches, rules] = await Promise.all([
    deps.store.listAccounts(),
    deps.store.listCategories(),
    deps.store.listOperations(),
    deps.store.listImportBatches(),
    deps.store.listRules(),
  ]);
  return { accounts, categories, operations, importBatches, rules };
}

export async function exportJson(deps: LedgerDeps): Promise<string> {
  return serializeSnapshot(await readSnapshot(deps), new Date(deps.clock.now()));
}

export async function exportCsv(deps: LedgerDeps, language: Language): Promise<string> {
  const snapshot = await readSnapshot(deps);
  return operationsToCsv(snapshot.operations, snapshot.accounts, snapshot.categories, language);
}

export interface RestoreSummary {
  readonly accounts: number;
  readonly categories: number;
  readonly operations: number;
}

/**
 * Replaces the whole ledger with an export. The file is fully parsed and checked before anything
 * is written: a bad file changes nothing.
 */
export async function restoreJson(
  deps: LedgerDeps,
  text: string,
): Promise<Result<RestoreSummary, RestoreError>> {
  const parsed = parseSnapshot(text);
  if (!parsed.ok) return fail(parsed.code, parsed.message);
  await deps.store.replaceAll(parsed.value);
  return ok({
    accounts: parsed.value.accounts.length,
    categories: parsed.value.categories.length,
    operations: parsed.value.operations.length,
  });
}
