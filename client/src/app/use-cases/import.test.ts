import {
  currency,
  isoDate,
  minor,
  planTargets,
  type Account,
  type Clock,
  type ParsedStatement,
  type StatementOperation,
} from '@tirelire/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryLedgerDatabases } from '../../adapters/memory/MemoryLedgerStore.ts';
import type { LedgerDeps } from '../deps.ts';
import { addAccount } from './accounts.ts';
import { commitImport, undoImport, type ImportItem } from './import.ts';
import { addOperation } from './operations.ts';

const EUR = currency('EUR');
const databases = new MemoryLedgerDatabases();
let run = 0;
let deps: LedgerDeps;
let account: Account;

beforeEach(async () => {
  const store = await databases.open(`import-${++run}`);
  let now = 1_700_000_000_000;
  let id = 0;
  const clock: Clock = { now: () => (now += 1000) };
  deps = { store, clock, newId: () => `id-${++id}` };
  const created = await addAccount(deps, {
    name: 'Courant',
    institution: 'Banque',
    type: 'checking',
    currency: EUR,
    openingBalanceMinor: minor(0),
    openingDate: isoDate('2024-01-01'),
  });
  if (!created.ok) throw new Error(created.message);
  account = created.value;
});

const row = (
  date: string,
  amount: number,
  label: string,
  id: string | null = null,
): StatementOperation => ({
  date: isoDate(date),
  valueDate: null,
  amountMinor: minor(amount),
  currency: EUR,
  label,
  externalId: id,
  line: 1,
});

const statement = (operations: StatementOperation[]): ParsedStatement => ({
  account: { id: 'FR76123', currency: EUR },
  operations,
  balances: [],
});

async function item(
  s: ParsedStatement,
  merges: number[] = [],
  target = account,
): Promise<ImportItem> {
  const existing = await deps.store.listOperationsOfAccount(target.id);
  const [plan] = planTargets([{ statement: s, accountId: target.id }], () => existing);
  if (!plan) throw new Error('planned');
  return {
    fileName: 'releve.ofx',
    format: 'ofx',
    bank: 'Banque',
    statement: s,
    account: target,
    plan,
    merges: new Set(merges),
    csvMapping: null,
  };
}

const march = statement([
  row('2024-03-01', -250, 'CB BOULANGERIE', 'F1'),
  row('2024-03-01', -250, 'CB BOULANGERIE', 'F2'),
  row('2024-03-02', 150_000, 'VIR SALAIRE', 'F3'),
]);

describe('commitImport and undoImport', () => {
  it('adds every new row, then nothing when the same file comes again', async () => {
    const progress: [number, number][] = [];
    const first = await commitImport(deps, [await item(march)], (done, total) =>
      progress.push([done, total]),
    );
    expect(first.ok && first.value[0]).toMatchObject({ added: 3, merged: 0, duplicates: 0 });
    expect(progress.at(-1)).toEqual([3, 3]);
    const again = await item(march);
    expect(again.plan.counts).toEqual({ new: 0, duplicate: 3, possible_duplicate: 0 });
    const second = await commitImport(deps, [again]);
    expect(second.ok && second.value[0]).toMatchObject({ added: 0, duplicates: 3 });
    expect(await deps.store.countOperations()).toBe(3);
    // Nothing new, nothing written: no empty batch in the history.
    expect(await deps.store.listImportBatches()).toHaveLength(1);
  });

  it('undoes exactly one batch, hand-typed entries it merged included', async () => {
    const manual = await addOperation(
      deps,
      {
        accountId: account.id,
        date: isoDate('2024-03-03'),
        valueDate: null,
        amountMinor: minor(150_000),
        label: 'Salaire',
        categoryId: null,
        note: 'mars',
      },
      [account],
    );
    if (!manual.ok) throw new Error(manual.message);
    const planned = await item(march, [2]);
    expect(planned.plan.rows[2]?.status).toBe('possible_duplicate');
    const result = await commitImport(deps, [planned]);
    if (!result.ok) throw new Error(result.message);
    const summary = result.value[0];
    expect(summary).toMatchObject({ added: 2, merged: 1 });
    const merged = (await deps.store.listOperations()).find((op) => op.id === manual.value.id);
    expect(merged).toMatchObject({
      label: 'Salaire',
      note: 'mars',
      rawLabel: 'VIR SALAIRE',
      externalId: 'F3',
    });

    const undone = await undoImport(deps, summary!.batch);
    expect(undone.ok).toBe(true);
    const left = await deps.store.listOperations();
    expect(left).toHaveLength(1);
    expect({ ...left[0], updatedAt: 0 }).toEqual({ ...manual.value, updatedAt: 0 });
    const [batch] = await deps.store.listImportBatches();
    expect(batch?.undoneAt).not.toBeNull();
    const twice = await undoImport(deps, batch!);
    expect(twice.ok ? null : twice.code).toBe('already_undone');
  });

  it('refuses a statement in another currency and writes nothing', async () => {
    const usd = statement([{ ...row('2024-03-01', -100, 'X'), currency: currency('USD') }]);
    const result = await commitImport(deps, [await item(march), await item(usd)]);
    expect(result.ok ? null : result.code).toBe('currency_mismatch');
    expect(await deps.store.countOperations()).toBe(0);
    expect(await deps.store.listImportBatches()).toEqual([]);
  });
});
