import { describe, expect, it } from 'vitest';
import { defaultCategories } from '../categories/defaults.ts';
import { generateDemoLedger } from '../demo/generate.ts';
import { isoDate } from '../ledger/dates.ts';
import { accountId, categoryId, importBatchId, ruleId } from '../ledger/ids.ts';
import { minor } from '../money/money.ts';
import { makeAccount, makeOperation } from '../testing/fixtures.ts';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  parseSnapshot,
  serializeSnapshot,
  type LedgerSnapshot,
  type RestoreError,
} from './snapshot.ts';

const EXPORTED_AT = new Date(Date.UTC(2024, 5, 1, 12, 0, 0));

const demo = generateDemoLedger({
  seed: 42,
  until: isoDate('2024-06-01'),
  years: 2,
  targetOperations: 3_000,
  accountCount: 5,
  now: 1_717_000_000_000,
});

/** A small, valid ledger to break in one place at a time. */
function smallLedger(): LedgerSnapshot {
  const categories = defaultCategories(1);
  return {
    accounts: [makeAccount({ id: 'a1' }), makeAccount({ id: 'a2', type: 'savings' })],
    categories,
    operations: [
      makeOperation({ id: 'o1', accountId: 'a1', categoryId: 'groceries' }),
      makeOperation({ id: 't-out', accountId: 'a1', amountMinor: -500, transferPeerId: 't-in' }),
      makeOperation({ id: 't-in', accountId: 'a2', amountMinor: 500, transferPeerId: 't-out' }),
    ],
  };
}

function exportOf(snapshot: LedgerSnapshot): Record<string, unknown> {
  return JSON.parse(serializeSnapshot(snapshot, EXPORTED_AT)) as Record<string, unknown>;
}

function codeOf(text: string): RestoreError | 'ok' {
  const result = parseSnapshot(text);
  return result.ok ? 'ok' : result.code;
}

function restoreWith(change: (ledger: LedgerSnapshot) => LedgerSnapshot) {
  return parseSnapshot(serializeSnapshot(change(smallLedger()), EXPORTED_AT));
}

describe('serializeSnapshot', () => {
  it('writes the format, version and export date around the ledger', () => {
    const data = exportOf(smallLedger());
    expect(data.format).toBe(EXPORT_FORMAT);
    expect(data.format).toBe('tirelire-export');
    expect(data.version).toBe(EXPORT_VERSION);
    expect(data.exportedAt).toBe('2024-06-01T12:00:00.000Z');
    expect(data.operations).toHaveLength(3);
  });
});

describe('parseSnapshot', () => {
  it('restores a demo ledger exactly (lossless round trip)', () => {
    expect(demo.operations.length).toBeGreaterThan(2_000);
    const result = parseSnapshot(serializeSnapshot(demo, EXPORTED_AT));
    if (!result.ok) throw new Error(result.message);
    expect(result.value.accounts).toEqual(demo.accounts);
    expect(result.value.categories).toEqual(demo.categories);
    expect(result.value.operations).toEqual(demo.operations);
    expect(result.value.importBatches).toEqual([]);
    expect(result.value.rules).toEqual([]);
    expect(Object.keys(result.value).sort()).toEqual([
      'accounts',
      'categories',
      'importBatches',
      'operations',
      'rules',
    ]);
    // And again: a restored ledger exports to the same file.
    expect(serializeSnapshot(result.value, EXPORTED_AT)).toBe(serializeSnapshot(demo, EXPORTED_AT));
  });

  it('restores an empty ledger', () => {
    const empty = { accounts: [], categories: [], operations: [], importBatches: [], rules: [] };
    expect(parseSnapshot(serializeSnapshot(empty, EXPORTED_AT))).toEqual({
      ok: true,
      value: empty,
    });
  });

  it('reads a version 1 export, which had no imports, as a ledger without any', () => {
    const data: Record<string, unknown> = { ...exportOf(smallLedger()), version: 1 };
    delete data['importBatches'];
    const result = parseSnapshot(JSON.stringify(data));
    expect(result.ok && result.value.importBatches).toEqual([]);
  });

  it('restores rules and refuses one whose category is missing', () => {
    const ledger = smallLedger();
    const category = ledger.categories[0];
    if (!category) throw new Error('the small ledger has a category');
    const rule = {
      id: ruleId('rule-1'),
      name: 'Boulangerie',
      categoryId: category.id,
      labelContains: 'boulang',
      labelPattern: null,
      amountMinMinor: null,
      amountMaxMinor: minor(0),
      accountId: null,
      enabled: true,
      createdAt: 1,
      updatedAt: 2,
    };
    const result = parseSnapshot(serializeSnapshot({ ...ledger, rules: [rule] }, EXPORTED_AT));
    expect(result.ok && result.value.rules).toEqual([rule]);
    const orphan = { ...rule, categoryId: categoryId('gone') };
    const refused = parseSnapshot(serializeSnapshot({ ...ledger, rules: [orphan] }, EXPORTED_AT));
    expect(refused.ok ? null : refused.code).toBe('inconsistent');
  });

  it('restores import batches and refuses one whose account is missing', () => {
    const ledger = smallLedger();
    const account = ledger.accounts[0];
    if (!account) throw new Error('the small ledger has an account');
    const batch = {
      id: importBatchId('batch-1'),
      accountId: account.id,
      fileName: 'releve.csv',
      format: 'csv' as const,
      bank: 'Boursorama',
      statementAccountId: null,
      addedIds: [],
      merged: [],
      duplicates: 3,
      csvMapping: {
        version: 1 as const,
        hasHeader: true,
        date: 'Date',
        label: ['Libellé'],
        debit: 'Débit',
      },
      createdAt: 1,
      undoneAt: null,
    };
    const result = parseSnapshot(
      serializeSnapshot({ ...ledger, importBatches: [batch] }, EXPORTED_AT),
    );
    expect(result.ok && result.value.importBatches).toEqual([batch]);
    const orphan = { ...batch, accountId: accountId('nowhere') };
    const refused = parseSnapshot(
      serializeSnapshot({ ...ledger, importBatches: [orphan] }, EXPORTED_AT),
    );
    expect(refused.ok ? null : refused.code).toBe('inconsistent');
  });

  it.each(['', 'not json', '{"format":', "{'format':'tirelire-export'}", '<xml/>'])(
    'refuses %j as not JSON',
    (text) => {
      expect(codeOf(text)).toBe('not_json');
    },
  );

  it.each(['{"foo":1}', '[]', '[{"format":"tirelire-export"}]', 'null', '42', '"text"', '{}'])(
    'refuses %j as not a Tirelire export',
    (text) => {
      expect(codeOf(text)).toBe('not_tirelire');
    },
  );

  it.each([3, 0, '1', null])('refuses version %j', (version) => {
    const data = { ...exportOf(smallLedger()), version };
    expect(codeOf(JSON.stringify(data))).toBe('unsupported_version');
  });

  it('refuses a file without a version', () => {
    const { version: _, ...data } = exportOf(smallLedger());
    expect(codeOf(JSON.stringify(data))).toBe('unsupported_version');
  });

  it.each([
    ['a float amount', { amountMinor: 12.5 }, 'operations.0.amountMinor'],
    ['a bad date', { date: '2024-02-30' }, 'operations.0.date'],
    ['a missing label', { label: undefined }, 'operations.0.label'],
    ['an amount as text', { amountMinor: '12' }, 'operations.0.amountMinor'],
  ])('refuses a damaged operation: %s, saying where', (_, change, where) => {
    const data = exportOf(smallLedger());
    const operations = data.operations as Record<string, unknown>[];
    operations[0] = { ...operations[0], ...change };
    const result = parseSnapshot(JSON.stringify(data));
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    expect(!result.ok && result.message).toContain(where);
  });

  it('refuses a file missing a whole list', () => {
    const { operations: _, ...data } = exportOf(smallLedger());
    expect(codeOf(JSON.stringify(data))).toBe('invalid');
  });

  it('refuses an account with a bad currency', () => {
    const data = exportOf(smallLedger());
    (data.accounts as Record<string, unknown>[])[0]!.currency = 'XYZ';
    expect(codeOf(JSON.stringify(data))).toBe('invalid');
  });

  const inconsistencies: [string, (ledger: LedgerSnapshot) => LedgerSnapshot][] = [
    [
      'an operation of an unknown account',
      (l) => ({ ...l, operations: [...l.operations, makeOperation({ accountId: 'ghost' })] }),
    ],
    [
      'an operation not in its account currency',
      (l) => ({
        ...l,
        operations: [...l.operations, makeOperation({ accountId: 'a1', currency: 'GBP' })],
      }),
    ],
    [
      'an unknown category',
      (l) => ({
        ...l,
        operations: [...l.operations, makeOperation({ accountId: 'a1', categoryId: 'nope' })],
      }),
    ],
    [
      'a transfer whose peer does not exist',
      (l) => ({
        ...l,
        operations: [...l.operations, makeOperation({ accountId: 'a1', transferPeerId: 'gone' })],
      }),
    ],
    [
      'a transfer whose peer points elsewhere',
      (l) => ({
        ...l,
        operations: l.operations.map((o) =>
          o.id === 't-in' ? makeOperation({ ...o, transferPeerId: 'o1' }) : o,
        ),
      }),
    ],
    [
      'a one-sided transfer link',
      (l) => ({
        ...l,
        operations: l.operations.map((o) => (o.id === 't-in' ? { ...o, transferPeerId: null } : o)),
      }),
    ],
    [
      'a transfer linked to itself',
      (l) => ({
        ...l,
        operations: [
          ...l.operations,
          makeOperation({ id: 'self', accountId: 'a1', transferPeerId: 'self' }),
        ],
      }),
    ],
    [
      'a transfer within one account',
      (l) => ({
        ...l,
        operations: [
          ...l.operations,
          makeOperation({ id: 'x1', accountId: 'a1', transferPeerId: 'x2' }),
          makeOperation({ id: 'x2', accountId: 'a1', transferPeerId: 'x1' }),
        ],
      }),
    ],
    [
      'duplicate operation ids',
      (l) => ({
        ...l,
        operations: [...l.operations, makeOperation({ id: 'o1', accountId: 'a1' })],
      }),
    ],
    [
      'duplicate account ids',
      (l) => ({ ...l, accounts: [...l.accounts, makeAccount({ id: 'a1' })] }),
    ],
    [
      'duplicate category ids',
      (l) => ({ ...l, categories: [...l.categories, ...l.categories.slice(0, 1)] }),
    ],
    [
      'a category with a missing parent',
      (l) => ({
        ...l,
        categories: l.categories.map((c, i) =>
          i === 0 ? { ...c, parentId: 'ghost' as never } : c,
        ),
      }),
    ],
    [
      'a category that is its own parent',
      (l) => ({
        ...l,
        categories: l.categories.map((c) => (c.id === 'groceries' ? { ...c, parentId: c.id } : c)),
      }),
    ],
    [
      'categories that are each other’s parent',
      (l) => ({
        ...l,
        categories: l.categories.map((c) =>
          c.id === 'groceries'
            ? { ...c, parentId: 'shopping' as never }
            : c.id === 'shopping'
              ? { ...c, parentId: 'groceries' as never }
              : c,
        ),
      }),
    ],
  ];

  it('accepts the small ledger before it is broken', () => {
    expect(restoreWith((l) => l).ok).toBe(true);
  });

  it('accepts a category tree', () => {
    const result = restoreWith((l) => ({
      ...l,
      categories: l.categories.map((c) =>
        c.id === 'cash' ? { ...c, parentId: 'bank_fees' as never } : c,
      ),
    }));
    expect(result.ok).toBe(true);
  });

  it.each(inconsistencies)('refuses %s as inconsistent', (_, change) => {
    const result = restoreWith(change);
    expect(result).toMatchObject({ ok: false, code: 'inconsistent' });
  });

  it('ignores unknown keys and never lets "__proto__" reach Object.prototype', () => {
    const text = serializeSnapshot(smallLedger(), EXPORTED_AT)
      .replace('{', '{"__proto__":{"polluted":"top"},"extra":1,')
      .replace('"id": "a1",', '"__proto__":{"polluted":"account"},"id": "a1",')
      .replace('"id": "o1",', '"constructor":{"prototype":{"polluted":"op"}},"id": "o1",');
    expect(text).toContain('"polluted":"account"');
    expect(text).toContain('"polluted":"op"');
    const result = parseSnapshot(text);
    if (!result.ok) throw new Error(result.message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const account = result.value.accounts[0]!;
    expect(Object.getPrototypeOf(account)).toBe(Object.prototype);
    expect(Object.hasOwn(account, '__proto__')).toBe(false);
    expect((account as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(result.value.operations[0]!, 'constructor')).toBe(false);
    expect(Object.hasOwn(result.value, 'extra')).toBe(false);
  });
});
