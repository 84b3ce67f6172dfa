import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxCollectionCreator,
  type RxDatabase,
  type RxDatabaseCreator,
} from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import type { Account, Category, ImportBatch, Operation, Rule } from '@tirelire/shared';
import { migrationStrategies, missingMigrationStrategies } from './migrations.ts';
import { ledgerConflictHandler } from './replication/conflict-handler.ts';
import { ledgerSchemas, type CacheDocument, type LedgerCollectionName } from './schemas.ts';

export interface LedgerCollections {
  readonly accounts: RxCollection<Account>;
  readonly categories: RxCollection<Category>;
  readonly operations: RxCollection<Operation>;
  readonly importBatches: RxCollection<ImportBatch>;
  readonly rules: RxCollection<Rule>;
  readonly cache: RxCollection<CacheDocument>;
}

export type LedgerDatabase = RxDatabase<LedgerCollections>;
export type LedgerRxStorage = RxDatabaseCreator['storage'];

export interface LedgerDatabaseOptions {
  /** Same name, same data (how it is laid out in IndexedDB is the storage's business). */
  readonly name: string;
  readonly storage: LedgerRxStorage;
  /** True in browsers, so tabs see each other's writes; false in single-process tests. */
  readonly multiInstance: boolean;
  /** Tests only: other schemas and strategies, to prove that migrations run. */
  readonly schemas?: Readonly<Record<LedgerCollectionName, RxCollectionCreator['schema']>>;
  readonly migrationStrategies?: Readonly<
    Record<LedgerCollectionName, NonNullable<RxCollectionCreator['migrationStrategies']>>
  >;
}

/**
 * Documents migrated per storage round trip. RxDB's default (10 per `migratePromise` call) would
 * take minutes over 100k operations; larger batches cost only memory.
 */
const MIGRATION_BATCH_SIZE = 1_000;

/**
 * Opens (or creates) the ledger's RxDB database and brings every collection to its current schema
 * before anything reads it. Free RxDB allows 13 open collections per page; this uses 6.
 */
export async function createLedgerDatabase(
  options: LedgerDatabaseOptions,
): Promise<LedgerDatabase> {
  const schemas = options.schemas ?? ledgerSchemas;
  const strategies = options.migrationStrategies ?? migrationStrategies;
  const missing = missingMigrationStrategies(schemas, strategies);
  if (missing.length > 0) throw new Error(`Missing migration strategies: ${missing.join(', ')}`);

  // Plugins are process-wide in RxDB and adding one twice is a no-op. Never dev-mode: it loads an
  // iframe from rxdb.info; the schema checks it would add are covered by our own tests.
  addRxPlugin(RxDBMigrationSchemaPlugin);
  const database = await createRxDatabase<LedgerCollections>({
    name: options.name,
    storage: options.storage,
    multiInstance: options.multiInstance,
    // Nothing here observes RxDB queries; event-reduce only costs time on every write.
    eventReduce: false,
  });
  try {
    const collections = await database.addCollections({
      accounts: creator(schemas.accounts, strategies.accounts),
      categories: creator(schemas.categories, strategies.categories),
      operations: creator(schemas.operations, strategies.operations),
      importBatches: creator(schemas.importBatches, strategies.importBatches),
      rules: creator(schemas.rules, strategies.rules),
      cache: creator(schemas.cache, strategies.cache),
    });
    // Migrate before the store exists, so no read ever sees an old document shape. In multi-tab
    // use RxDB elects one tab to migrate; the others wait here until it is done.
    for (const collection of Object.values(collections)) {
      await collection.migratePromise(MIGRATION_BATCH_SIZE);
    }
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

function creator(
  schema: RxCollectionCreator['schema'],
  strategies: RxCollectionCreator['migrationStrategies'],
): RxCollectionCreator {
  // autoMigrate would migrate inside addCollections with RxDB's tiny default batch size.
  // The conflict handler only matters to synced collections, and is the same for all (P-MERGE-1).
  return {
    schema,
    migrationStrategies: strategies,
    autoMigrate: false,
    conflictHandler: ledgerConflictHandler(),
  };
}
