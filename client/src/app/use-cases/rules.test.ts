import { accountId, categoryId, minor, type Clock } from '@tirelire/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryLedgerDatabases } from '../../adapters/memory/MemoryLedgerStore.ts';
import type { LedgerChange } from '../../ports/ledger-store.ts';
import type { LedgerDeps } from '../deps.ts';
import { addRule, deleteRule, draftOfRule, updateRule, type RuleDraft } from './rules.ts';

const databases = new MemoryLedgerDatabases();
let run = 0;
let deps: LedgerDeps;
let changes: LedgerChange[];

beforeEach(async () => {
  const store = await databases.open(`rules-${++run}`);
  let now = 1_700_000_000_000;
  let id = 0;
  const clock: Clock = { now: () => (now += 1000) };
  // Like crypto.randomUUID(): characters an id may not hold are dropped by addRule.
  deps = { store, clock, newId: () => `0000-${++id}.x` };
  changes = [];
  store.subscribe((change) => changes.push(change));
});

const draft = (change: Partial<RuleDraft> = {}): RuleDraft => ({
  name: 'Boulangerie',
  categoryId: categoryId('eating_out'),
  labelContains: 'boulang',
  labelPattern: null,
  amountMinMinor: null,
  amountMaxMinor: null,
  accountId: null,
  enabled: true,
  ...change,
});

describe('addRule', () => {
  it('saves a valid rule with a fresh id and timestamps', async () => {
    const result = await addRule(deps, draft({ amountMaxMinor: minor(-100) }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.id).toBe('r_0000-1x');
    expect(result.value.createdAt).toBe(result.value.updatedAt);
    expect(await deps.store.listRules()).toEqual([result.value]);
    expect(changes).toEqual([{ kind: 'rules', upserted: [result.value], deleted: [] }]);
  });

  it('trims the name and the label text', async () => {
    const result = await addRule(deps, draft({ name: '  Bakery ', labelContains: ' pain ' }));
    expect(result.ok && result.value.name).toBe('Bakery');
    expect(result.ok && result.value.labelContains).toBe('pain');
  });

  it('refuses a rule without any condition, and saves nothing', async () => {
    const result = await addRule(deps, draft({ labelContains: null }));
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    expect(await deps.store.listRules()).toEqual([]);
    expect(changes).toEqual([]);
  });

  it('refuses an invalid pattern, an empty name and a minimum above the maximum', async () => {
    const refused = [
      draft({ labelPattern: '(unclosed' }),
      draft({ name: '   ' }),
      draft({ amountMinMinor: minor(500), amountMaxMinor: minor(100) }),
    ];
    for (const candidate of refused)
      expect(await addRule(deps, candidate)).toMatchObject({ ok: false, code: 'invalid' });
    expect(await deps.store.listRules()).toEqual([]);
  });

  it('accepts a rule whose only condition is the account', async () => {
    const result = await addRule(
      deps,
      draft({ labelContains: null, accountId: accountId('joint') }),
    );
    expect(result.ok).toBe(true);
  });
});

describe('updateRule', () => {
  it('keeps id and creation time, and moves the update time forward', async () => {
    const added = await addRule(deps, draft());
    if (!added.ok) throw new Error(added.message);
    const updated = await updateRule(deps, added.value, {
      ...draftOfRule(added.value),
      enabled: false,
      labelPattern: '^CB ',
    });
    if (!updated.ok) throw new Error(updated.message);
    expect(updated.value).toMatchObject({
      id: added.value.id,
      createdAt: added.value.createdAt,
      enabled: false,
      labelPattern: '^CB ',
    });
    expect(updated.value.updatedAt).toBeGreaterThan(added.value.updatedAt);
    expect(await deps.store.listRules()).toEqual([updated.value]);
  });

  it('leaves the saved rule alone when the edit is invalid', async () => {
    const added = await addRule(deps, draft());
    if (!added.ok) throw new Error(added.message);
    const result = await updateRule(deps, added.value, draft({ labelPattern: '[' }));
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    expect(await deps.store.listRules()).toEqual([added.value]);
  });
});

describe('deleteRule', () => {
  it('removes the rule', async () => {
    const kept = await addRule(deps, draft({ name: 'Kept' }));
    const gone = await addRule(deps, draft({ name: 'Gone' }));
    if (!kept.ok || !gone.ok) throw new Error('not added');
    await deleteRule(deps, gone.value);
    expect(await deps.store.listRules()).toEqual([kept.value]);
  });
});

describe('draftOfRule', () => {
  it('round-trips a saved rule through updateRule unchanged but for the update time', async () => {
    const added = await addRule(deps, draft({ amountMinMinor: minor(-5000) }));
    if (!added.ok) throw new Error(added.message);
    const updated = await updateRule(deps, added.value, draftOfRule(added.value));
    expect(updated.ok && { ...updated.value, updatedAt: 0 }).toEqual({
      ...added.value,
      updatedAt: 0,
    });
  });
});
