import { z } from 'zod';
import { categorySchema, type Category } from '../categories/category.ts';
import { accountSchema, type Account } from '../ledger/account.ts';
import { operationSchema, type Operation } from '../ledger/operation.ts';
import { importBatchSchema, type ImportBatch } from '../import/batch.ts';
import { ruleSchema, type Rule } from '../categorize/rule.ts';
import { fail, ok, type Result } from '../util/result.ts';

/** Everything a person owns, as one value: what export writes and restore reads. */
export interface LedgerSnapshot {
  readonly accounts: readonly Account[];
  readonly categories: readonly Category[];
  readonly operations: readonly Operation[];
  /** Imports that can be undone; absent from version 1 exports and from demo data. */
  readonly importBatches?: readonly ImportBatch[];
  /** Categorisation rules; absent from older exports. */
  readonly rules?: readonly Rule[];
}

export const EXPORT_FORMAT = 'tirelire-export';
/** Bump when the export shape changes; restore keeps reading every older version. */
export const EXPORT_VERSION = 2;
/** Version 1 had no import batches; it is read as a ledger without any. */
const READABLE_VERSIONS: readonly unknown[] = [1, 2];

const exportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  exportedAt: z.string(),
  accounts: z.array(accountSchema),
  categories: z.array(categorySchema),
  operations: z.array(operationSchema),
  importBatches: z.array(importBatchSchema).default([]),
  rules: z.array(ruleSchema).default([]),
});

export function serializeSnapshot(snapshot: LedgerSnapshot, exportedAt: Date): string {
  return JSON.stringify(
    {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: exportedAt.toISOString(),
      accounts: snapshot.accounts,
      categories: snapshot.categories,
      operations: snapshot.operations,
      importBatches: snapshot.importBatches ?? [],
      rules: snapshot.rules ?? [],
    },
    null,
    1,
  );
}

export type RestoreError =
  'not_json' | 'not_tirelire' | 'unsupported_version' | 'invalid' | 'inconsistent';

/**
 * Reads an export file. Anything short of a complete, self-consistent ledger is refused with a
 * reason, so a restore can never leave half a ledger behind.
 */
export function parseSnapshot(text: string): Result<LedgerSnapshot, RestoreError> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('not_json', 'This file is not JSON.');
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    !('format' in data) ||
    data.format !== EXPORT_FORMAT
  )
    return fail('not_tirelire', 'This file is not a Tirelire export.');
  if (!('version' in data) || !READABLE_VERSIONS.includes(data.version))
    return fail(
      'unsupported_version',
      'This export comes from a version of Tirelire this one cannot read.',
    );
  const parsed = exportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    return fail(
      'invalid',
      `The export is damaged at ${where || 'its top level'}: ${issue?.message ?? ''}`,
    );
  }
  const { accounts, categories, operations, importBatches, rules } = parsed.data;
  const snapshot: LedgerSnapshot = { accounts, categories, operations, importBatches, rules };
  const problem = findInconsistency(snapshot);
  return problem ? fail('inconsistent', problem) : ok(snapshot);
}

function findInconsistency(snapshot: LedgerSnapshot): string | null {
  const accounts = new Map(snapshot.accounts.map((account) => [account.id, account]));
  const categories = new Set(snapshot.categories.map((category) => category.id));
  const operations = new Map(snapshot.operations.map((operation) => [operation.id, operation]));
  if (accounts.size !== snapshot.accounts.length) return 'Two accounts share one id.';
  if (categories.size !== snapshot.categories.length) return 'Two categories share one id.';
  if (operations.size !== snapshot.operations.length) return 'Two operations share one id.';
  const batches = snapshot.importBatches ?? [];
  if (new Set(batches.map((b) => b.id)).size !== batches.length) return 'Two imports share one id.';
  for (const batch of batches) {
    if (!accounts.has(batch.accountId))
      return `Import ${batch.id} belongs to an account that does not exist.`;
  }
  for (const rule of snapshot.rules ?? []) {
    if (!categories.has(rule.categoryId))
      return `Rule ${rule.id} gives a category that does not exist.`;
    if (rule.accountId !== null && !accounts.has(rule.accountId))
      return `Rule ${rule.id} is limited to an account that does not exist.`;
  }
  const parents = new Map(snapshot.categories.map((category) => [category.id, category.parentId]));
  for (const category of snapshot.categories) {
    if (category.parentId !== null && !categories.has(category.parentId))
      return `Category ${category.id} has a parent that does not exist.`;
    // Walking up from any category must reach the top: a loop would hang every tree view.
    const seen = new Set([category.id]);
    for (let parent = category.parentId; parent !== null; parent = parents.get(parent) ?? null) {
      if (seen.has(parent)) return `Category ${category.id} is its own ancestor.`;
      seen.add(parent);
    }
  }
  for (const operation of snapshot.operations) {
    const account = accounts.get(operation.accountId);
    if (!account) return `Operation ${operation.id} belongs to an account that does not exist.`;
    if (account.currency !== operation.currency)
      return `Operation ${operation.id} is not in its account's currency.`;
    if (operation.categoryId !== null && !categories.has(operation.categoryId))
      return `Operation ${operation.id} has a category that does not exist.`;
    if (operation.transferPeerId !== null) {
      const peer = operations.get(operation.transferPeerId);
      if (
        peer?.transferPeerId !== operation.id ||
        peer.id === operation.id ||
        peer.accountId === operation.accountId
      )
        return `Transfer ${operation.id} is not linked to its other half.`;
    }
  }
  return null;
}
