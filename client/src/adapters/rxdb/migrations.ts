import type { MigrationStrategies } from 'rxdb';
import type { LedgerCollectionName } from './schemas.ts';

/**
 * How to bring a stored document of version N-1 to version N, per collection (key N). RxDB runs
 * them in order when a collection opens with a newer schema than the one on disk, so a device that
 * skipped releases still migrates step by step.
 *
 * Every schema is at version 0, so there is nothing to migrate yet; the map exists from day one so
 * the first schema change is a routine edit: bump `version` in schemas.ts, add `1: (doc) => …`
 * here. A strategy receives plain stored JSON (never trust its shape: it may predate every check
 * we have now) and returns the new document, or null to drop it.
 */
export const migrationStrategies: Readonly<Record<LedgerCollectionName, MigrationStrategies>> = {
  accounts: {},
  categories: {},
  operations: {},
  importBatches: {},
  rules: {},
  cache: {},
};

/**
 * The versions that lack a strategy, as "collection vN". Without dev-mode RxDB would only fail
 * half-way through migrating; we check up front instead (and in a test, so it never ships).
 */
export function missingMigrationStrategies(
  schemas: Readonly<Record<string, { readonly version: number }>>,
  strategies: Readonly<Record<string, MigrationStrategies | undefined>>,
): string[] {
  const missing: string[] = [];
  for (const [name, schema] of Object.entries(schemas)) {
    for (let version = 1; version <= schema.version; version += 1) {
      if (typeof strategies[name]?.[version] !== 'function') missing.push(`${name} v${version}`);
    }
  }
  return missing;
}
