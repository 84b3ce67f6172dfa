import { describe, expect, it } from 'vitest';
import { MemoryLedgerDatabases } from '../adapters/memory/MemoryLedgerStore.ts';
import { MemoryStartupSnapshotStore } from '../adapters/memory/MemoryStartupSnapshotStore.ts';
import { InlineStatementReader } from '../adapters/inline/InlineStatementReader.ts';
import { ImportSession } from './import-session.ts';
import { LedgerState } from './ledger-state.ts';

const databases = new MemoryLedgerDatabases();
let counter = 0;
const encoder = new TextEncoder();
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A layout no preset or header heuristic knows: the person has to map it. */
const ODD_CSV =
  'Quand|Quoi|X|Y\n03/02/2026|BOULANGERIE|-4.20|-1.00\n04/02/2026|SALAIRE|2150.00|3.00\n';
const QIF =
  '!Type:Bank\nD03/02/2026\nT-4.20\nPBOULANGERIE\n^\nD04/02/2026\nT2150.00\nPSALAIRE\n^\n';

async function session() {
  const store = await databases.open(`import-session-${++counter}`);
  let now = 1_700_000_000_000;
  let id = 0;
  const deps = { store, clock: { now: () => (now += 1000) }, newId: () => `id-${++id}` };
  const state = new LedgerState(store, new MemoryStartupSnapshotStore());
  await state.open();
  await state.loadOperations();
  return { deps, state, session: new ImportSession(deps, state, new InlineStatementReader()) };
}

describe('ImportSession', () => {
  it('creates the account of a first import, then plans the same file as already imported', async () => {
    const { session: s, state } = await session();
    await s.addFiles([{ name: 'mars.qif', bytes: encoder.encode(QIF) }]);
    const [target] = s.targets.value;
    expect(target?.choice.account).toBe('new');
    expect(target?.plan?.counts.new).toBe(2);
    await s.commit();
    expect(s.phase.value).toMatchObject({ kind: 'done' });
    await settle();
    expect(state.accounts.value).toHaveLength(1);
    expect(state.operations.value).toHaveLength(2);

    await s.addFiles([{ name: 'mars.qif', bytes: encoder.encode(QIF) }]);
    const again = s.targets.value[0];
    // One account in the file's currency: it is preselected, and nothing is new.
    expect(again?.choice).toMatchObject({
      account: state.accounts.value[0]?.id,
      matchedBy: 'only_account',
    });
    expect(again?.plan?.counts).toEqual({ new: 0, duplicate: 2, possible_duplicate: 0 });
  });

  it('asks for a mapping once, then reads the next file of that layout with it', async () => {
    const { session: s, state } = await session();
    await s.addFiles([{ name: 'odd.csv', bytes: encoder.encode(ODD_CSV) }]);
    const file = s.files.value[0];
    expect(file?.state.kind).toBe('needs_mapping');
    await s.reread(file!.id, {
      mapping: { version: 1, hasHeader: true, date: 'Quand', label: ['Quoi'], amount: 'X' },
    });
    expect(s.targets.value[0]?.plan?.counts.new).toBe(2);
    await s.commit();
    await settle();
    expect(state.importBatches.value[0]?.csvMapping).toMatchObject({ date: 'Quand' });

    const next = ODD_CSV.replace('BOULANGERIE', 'PHARMACIE');
    await s.addFiles([{ name: 'odd-2.csv', bytes: encoder.encode(next) }]);
    expect(s.files.value[0]?.state.kind).toBe('read');
    expect(s.targets.value[0]?.choice).toMatchObject({ matchedBy: 'mapping' });
    expect(s.targets.value[0]?.plan?.counts).toEqual({
      new: 1,
      duplicate: 1,
      possible_duplicate: 0,
    });
  });

  it('refuses files over the size limit without reading them, and reports unreadable ones', async () => {
    const { session: s } = await session();
    await s.addFiles([
      { name: 'big.csv', bytes: new Uint8Array(21 * 1024 * 1024) },
      { name: 'photo.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]) },
    ]);
    expect(s.files.value.map((f) => f.state.kind === 'failed' && f.state.code)).toEqual([
      'too_large',
      'not_this_format',
    ]);
    expect(s.canImport.value).toBe(false);
  });
});

describe('ImportSession, reading again', () => {
  it('keeps the chosen account when a file is read with another date order', async () => {
    const { session: s } = await session();
    await s.addFiles([{ name: 'mars.qif', bytes: encoder.encode(QIF) }]);
    const key = s.targets.value[0]!.key;
    s.choose(key, { skip: true });
    await s.reread(s.files.value[0]!.id, { dateOrder: 'mdy' });
    expect(s.targets.value[0]?.choice.skip).toBe(true);
    expect(s.targets.value[0]?.statement.operations[0]?.date).toBe('2026-03-02');
  });
});
