import { describe, expect, it } from 'vitest';
import type { Account } from '../ledger/account.ts';
import { createAccount, createManualOperation } from '../ledger/create.ts';
import { categoryId, importBatchId } from '../ledger/ids.ts';
import { isoDate } from '../ledger/dates.ts';
import { currency } from '../money/currency.ts';
import { minor } from '../money/money.ts';
import { buildImport } from './apply.ts';
import { importBatchSchema } from './batch.ts';
import { planImport } from './dedup.ts';
import type { StatementOperation } from './statement.ts';

let next = 0;
const factories = { clock: { now: () => 1_700_000_000_000 }, newId: () => `id${(next += 1)}` };
const EUR = currency('EUR');

function account(): Account {
  return createAccount(
    {
      name: 'Courant',
      institution: 'Banque',
      type: 'checking',
      currency: EUR,
      openingBalanceMinor: minor(0),
      openingDate: isoDate('2024-01-01'),
    },
    factories,
  );
}

function row(
  date: string,
  amount: number,
  label: string,
  externalId: string | null = null,
): StatementOperation {
  return {
    date: isoDate(date),
    valueDate: null,
    amountMinor: minor(amount),
    currency: EUR,
    label,
    externalId,
    line: 3,
  };
}

describe('buildImport', () => {
  const acc = account();
  const manual = createManualOperation(
    {
      accountId: acc.id,
      date: isoDate('2024-03-01'),
      valueDate: null,
      amountMinor: minor(-4250),
      label: 'Courses',
      categoryId: categoryId('groceries'),
      note: 'avec Léa',
    },
    acc,
    factories,
  );
  const rows = [
    row('2024-03-02', -4250, 'CB CARREFOUR 02/03', 'F1'),
    row('2024-03-03', -990, '  CB   SNCF  '),
    row('2024-03-04', 150000, 'VIR SALAIRE'),
  ];
  const existing = [
    { ...manual },
    {
      ...manual,
      id: 'dup' as typeof manual.id,
      origin: 'import' as const,
      rawLabel: 'VIR SALAIRE',
      date: isoDate('2024-03-04'),
      amountMinor: minor(150000),
      importBatchId: importBatchId('old'),
    },
  ];
  const plan = planImport(existing, rows);
  const request = {
    plan,
    account: acc,
    batchId: importBatchId('batch1'),
    fileName: 'releve.ofx',
    format: 'ofx' as const,
    bank: 'Banque',
    statementAccountId: 'FR76 3000',
    csvMapping: null,
    findOperation: (id: string) => existing.find((op) => op.id === id),
  };

  it('merges a possible duplicate only when asked, keeping what the person wrote', () => {
    const changes = buildImport({ ...request, merges: new Set([0]) }, factories);
    expect(changes.added.map((op) => op.rawLabel)).toEqual(['  CB   SNCF  ']);
    expect(changes.merged).toHaveLength(1);
    expect(changes.merged[0]).toMatchObject({
      id: manual.id,
      date: '2024-03-02',
      label: 'Courses',
      rawLabel: 'CB CARREFOUR 02/03',
      categoryId: 'groceries',
      note: 'avec Léa',
      externalId: 'F1',
      importBatchId: 'batch1',
    });
    expect(changes.batch.merged).toEqual([manual]);
    expect(changes.batch.addedIds).toEqual(changes.added.map((op) => op.id));
    expect(changes.batch.duplicates).toBe(1);
    expect(importBatchSchema.safeParse(changes.batch).success).toBe(true);
  });

  it('imports a declined merge as a new operation, never dropping it', () => {
    const changes = buildImport({ ...request, merges: new Set() }, factories);
    expect(changes.merged).toEqual([]);
    expect(changes.added.map((op) => op.rawLabel)).toEqual(['CB CARREFOUR 02/03', '  CB   SNCF  ']);
  });

  it('gives new operations a readable label, the account currency and the batch', () => {
    const changes = buildImport({ ...request, merges: new Set() }, factories);
    expect(changes.added[1]).toMatchObject({
      label: 'CB SNCF',
      origin: 'import',
      currency: 'EUR',
      accountId: acc.id,
      importBatchId: 'batch1',
      categoryId: null,
    });
  });
});
