import type { ReplicatedDocument } from '../../src/adapters/rxdb/replication/envelope-codec.ts';

/** A ledger operation as the app replicates it: its fields plus RxDB's `_deleted`. */
export type BenchDocument = ReplicatedDocument;

const MERCHANTS = [
  ['CB CARREFOUR CITY 12/03 PARIS 11', 'Carrefour City', 'groceries'],
  ['PRLV SEPA EDF CLIENTS PARTICULIERS', 'EDF', 'utilities'],
  ['CB SNCF INTERNET 0412 PARIS', 'SNCF', 'transport'],
  ['VIR CAF ALLOCATIONS 4846', 'CAF', 'income'],
] as const;

/**
 * An operation shaped like the demo ledger's (shared/src/demo/generate.ts): about 400 bytes of
 * JSON. `id` is the caller's, so every write of a run is a new document (version 1).
 */
export function operationDocument(id: string, index: number): BenchDocument {
  const [rawLabel, label, categoryId] = MERCHANTS[index % MERCHANTS.length] ?? MERCHANTS[0];
  const day = String(1 + (index % 28)).padStart(2, '0');
  const at = 1_795_647_492_951 + index;
  return {
    id,
    accountId: `demo-account-${1 + (index % 3)}`,
    date: `2025-12-${day}`,
    valueDate: null,
    amountMinor: -((index * 7919) % 250_000) - 100,
    currency: 'EUR',
    rawLabel,
    label,
    categoryId,
    categorySource: 'rule',
    note: 'Courses de la semaine, partagées',
    origin: 'import',
    externalId: `FITID-202512${day}${String(index).padStart(8, '0')}`,
    importBatchId: 'batch-2025-12',
    transferPeerId: null,
    createdAt: at,
    updatedAt: at,
    _deleted: false,
  };
}

/** The document's JSON without RxDB's `_deleted`: what the app encrypts. */
export function plaintextBytes(document: BenchDocument): number {
  const { _deleted: _, ...content } = document;
  return Buffer.byteLength(JSON.stringify(content));
}
