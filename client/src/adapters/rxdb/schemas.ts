import type { RxJsonSchema } from 'rxdb';
import type { Account, Category, ImportBatch, Operation, Rule } from '@tirelire/shared';

/**
 * How each collection is stored in IndexedDB. The document shapes are the domain types as they are:
 * no storage-only fields, so mapping in and out is only a matter of validating (see documents.ts).
 *
 * RxDB rules these schemas follow:
 * - Indexed and primary-key strings need `maxLength` (ids are at most 64 characters, dates 10).
 * - Indexed fields must be required, and nullable fields (`['string', 'null']`) cannot be indexed,
 *   which is why `importBatchId` and `transferPeerId` have no index.
 * - Every field is required, nulls included, so a stored document has exactly the domain's keys.
 * - Changing a schema in any way means bumping its `version` and adding a strategy in
 *   migrations.ts (migrations.test.ts fails otherwise); indexes are part of the schema.
 * We do not add RxDB's schema validation plugins: reads are validated with the shared zod schemas,
 * and writes are typed domain values that already passed them.
 */

/** The stored form of a cache entry: JSON text, so every adapter round-trips values the same way. */
export interface CacheDocument {
  readonly key: string;
  readonly json: string;
}

/** Ids are 1–64 characters (shared/src/ledger/ids.ts). */
const ID = { type: 'string', maxLength: 64 } as const;
const NULLABLE_STRING = { type: ['string', 'null'] } as const;
const INTEGER = { type: 'integer' } as const;
const STRING = { type: 'string' } as const;

export const accountsSchema = {
  title: 'accounts',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: ID,
    name: STRING,
    institution: STRING,
    type: STRING,
    currency: STRING,
    openingBalanceMinor: INTEGER,
    openingDate: STRING,
    archived: { type: 'boolean' },
    createdAt: INTEGER,
    updatedAt: INTEGER,
  },
  required: [
    'id',
    'name',
    'institution',
    'type',
    'currency',
    'openingBalanceMinor',
    'openingDate',
    'archived',
    'createdAt',
    'updatedAt',
  ],
} as const satisfies RxJsonSchema<Account>;

export const categoriesSchema = {
  title: 'categories',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: ID,
    name: {
      type: 'object',
      properties: { en: STRING, fr: STRING },
      required: ['en', 'fr'],
    },
    color: STRING,
    icon: STRING,
    parentId: NULLABLE_STRING,
    isDefault: { type: 'boolean' },
    createdAt: INTEGER,
    updatedAt: INTEGER,
  },
  required: ['id', 'name', 'color', 'icon', 'parentId', 'isDefault', 'createdAt', 'updatedAt'],
} as const satisfies RxJsonSchema<Category>;

export const operationsSchema = {
  title: 'operations',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: ID,
    accountId: ID,
    /** "YYYY-MM-DD": sorts chronologically as a string, so range queries on it work. */
    date: { type: 'string', maxLength: 10 },
    valueDate: NULLABLE_STRING,
    amountMinor: INTEGER,
    currency: STRING,
    rawLabel: STRING,
    label: STRING,
    categoryId: NULLABLE_STRING,
    categorySource: NULLABLE_STRING,
    note: STRING,
    origin: STRING,
    externalId: NULLABLE_STRING,
    importBatchId: NULLABLE_STRING,
    transferPeerId: NULLABLE_STRING,
    createdAt: INTEGER,
    updatedAt: INTEGER,
  },
  required: [
    'id',
    'accountId',
    'date',
    'valueDate',
    'amountMinor',
    'currency',
    'rawLabel',
    'label',
    'categoryId',
    'categorySource',
    'note',
    'origin',
    'externalId',
    'importBatchId',
    'transferPeerId',
    'createdAt',
    'updatedAt',
  ],
  // An account's register (by account, in date order) and the all-accounts timeline (by date).
  indexes: [['accountId', 'date'], 'date'],
} as const satisfies RxJsonSchema<Operation>;

export const importBatchesSchema = {
  title: 'importBatches',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: ID,
    accountId: ID,
    fileName: STRING,
    format: STRING,
    bank: NULLABLE_STRING,
    statementAccountId: NULLABLE_STRING,
    addedIds: { type: 'array', items: STRING },
    // The operations as they were before a merge: validated on read with the shared schema.
    merged: { type: 'array', items: { type: 'object' } },
    duplicates: INTEGER,
    csvMapping: { type: ['object', 'null'] },
    createdAt: INTEGER,
    undoneAt: { type: ['integer', 'null'] },
  },
  required: [
    'id',
    'accountId',
    'fileName',
    'format',
    'bank',
    'statementAccountId',
    'addedIds',
    'merged',
    'duplicates',
    'csvMapping',
    'createdAt',
    'undoneAt',
  ],
} as const satisfies RxJsonSchema<ImportBatch>;

const NULLABLE_INTEGER = { type: ['integer', 'null'] } as const;

export const rulesSchema = {
  title: 'rules',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: ID,
    name: STRING,
    categoryId: STRING,
    labelContains: NULLABLE_STRING,
    labelPattern: NULLABLE_STRING,
    amountMinMinor: NULLABLE_INTEGER,
    amountMaxMinor: NULLABLE_INTEGER,
    accountId: NULLABLE_STRING,
    enabled: { type: 'boolean' },
    createdAt: INTEGER,
    updatedAt: INTEGER,
  },
  required: [
    'id',
    'name',
    'categoryId',
    'labelContains',
    'labelPattern',
    'amountMinMinor',
    'amountMaxMinor',
    'accountId',
    'enabled',
    'createdAt',
    'updatedAt',
  ],
} as const satisfies RxJsonSchema<Rule>;

export const cacheSchema = {
  title: 'cache',
  version: 0,
  primaryKey: 'key',
  type: 'object',
  properties: {
    key: { type: 'string', maxLength: 128 },
    json: STRING,
  },
  required: ['key', 'json'],
} as const satisfies RxJsonSchema<CacheDocument>;

/** The current schema of every collection; the database is opened with exactly these. */
export const ledgerSchemas = {
  accounts: accountsSchema,
  categories: categoriesSchema,
  operations: operationsSchema,
  importBatches: importBatchesSchema,
  rules: rulesSchema,
  cache: cacheSchema,
} as const;

export type LedgerCollectionName = keyof typeof ledgerSchemas;
