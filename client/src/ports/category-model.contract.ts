import { afterEach, describe, expect, it } from 'vitest';
import {
  accountId,
  categoryId,
  isoDate,
  operationId,
  ruleId,
  type CategoryId,
} from '@tirelire/shared';
import type { MerchantMemoryEntry, Rule } from '@tirelire/shared/categorize';
import type {
  CategorizeContext,
  CategorizeInput,
  Categorizer,
  ConfirmedOperation,
} from './category-model.ts';

export interface CategorizerContractSetup<Device> {
  /** A fresh device: whatever outlives a restart (where the personal layer is kept). */
  newDevice: () => Device;
  /** Starts a categoriser on `device`; opening again on the same device is a restart. */
  open: (device: Device) => Categorizer;
  /**
   * The classes of the test model the adapter loads (any weights: random ones will do), or
   * null for an adapter without a model, which must still answer with rules and memory.
   */
  modelClasses: readonly CategoryId[] | null;
}

const ACCOUNT = accountId('acc-main');
const GROCERIES = categoryId('groceries');
const RENT = categoryId('rent');
const PETS = categoryId('pets');
const CLIMBING = categoryId('climbing');

const rule: Rule = {
  id: ruleId('rule-landlord'),
  name: 'Landlord',
  categoryId: RENT,
  labelContains: 'loyer',
  labelPattern: null,
  amountMinMinor: null,
  amountMaxMinor: null,
  accountId: null,
  enabled: true,
  createdAt: 1,
  updatedAt: 1,
};
const remembered: MerchantMemoryEntry = {
  categoryId: GROCERIES,
  confirmedOn: isoDate('2024-04-02'),
  count: 3,
};

function operation(n: number, rawLabel: string, amountMinor = -2_500): CategorizeInput {
  return {
    id: operationId(`op-${n}`),
    rawLabel,
    amountMinor,
    accountId: ACCOUNT,
    date: isoDate(`2024-05-${String(1 + (n % 28)).padStart(2, '0')}`),
  };
}

// A person's own merchants, in categories the default model has never heard of.
const OWN: Record<string, CategoryId> = {
  'CB CROQUETTES ET CIE': PETS,
  'CB VETO DES LILAS': PETS,
  'CB ARKOSE MONTREUIL': CLIMBING,
  'CB BLOCBUSTER PARIS': CLIMBING,
};

function confirmedHistory(count: number): ConfirmedOperation[] {
  const labels = Object.keys(OWN);
  return Array.from({ length: count }, (_, i) => {
    const label = labels[i % labels.length]!;
    const { rawLabel, amountMinor, date } = operation(i, `${label} ${i}`, -(1_000 + i * 37));
    return { rawLabel, amountMinor, date, categoryId: OWN[label]! };
  });
}

/** The behaviour every Categorizer adapter must have (see category-model.ts). */
export function describeCategorizerContract<Device>(
  adapter: string,
  setup: CategorizerContractSetup<Device>,
): void {
  const { modelClasses } = setup;
  const categories = [...new Set([...(modelClasses ?? []), GROCERIES, RENT, PETS, CLIMBING])];
  const context = (overrides: Partial<CategorizeContext> = {}): CategorizeContext => ({
    rules: [rule],
    memory: [['monop', remembered]],
    categories,
    autoApply: true,
    ...overrides,
  });

  describe(`Categorizer contract: ${adapter}`, () => {
    const opened: Categorizer[] = [];
    const open = (device: Device = setup.newDevice()) => {
      const categorizer = setup.open(device);
      opened.push(categorizer);
      return categorizer;
    };
    afterEach(() => {
      for (const categorizer of opened.splice(0)) categorizer.close();
    });

    it('reports whether the model loaded', async () => {
      const status = await open().ready();
      if (modelClasses) {
        expect(status).toMatchObject({ personalTrainedOn: 0 });
        if ('failed' in status) throw new Error(status.failed);
        expect(['webgl', 'wasm', 'cpu']).toContain(status.backend);
        expect(status.modelVersion).not.toBe('');
        expect(status.loadMs).toBeGreaterThanOrEqual(0);
      } else {
        expect(status).toEqual({ failed: expect.any(String) as string });
      }
    });

    it('answers every operation in order: rules, then memory, then the model', async () => {
      const result = await open().suggest(
        [
          operation(1, 'PRLV LOYER AVRIL'),
          operation(2, 'CB MONOP 12/03 PARIS'),
          operation(3, 'CB BOULANGERIE DU COIN'),
        ],
        context(),
      );
      if (!result.ok) throw new Error(result.message);
      const [byRule, byMemory, byModel] = result.value;
      expect(result.value).toHaveLength(3);
      expect(byRule).toMatchObject({
        categoryId: RENT,
        source: 'rule',
        confidence: 1,
        autoApply: true,
        reason: { kind: 'rule', ruleId: rule.id, ruleName: rule.name },
      });
      expect(byMemory).toMatchObject({
        categoryId: GROCERIES,
        source: 'memory',
        autoApply: true,
        reason: { kind: 'memory', merchantKey: 'monop', confirmedOn: remembered.confirmedOn },
      });
      if (!modelClasses) {
        expect(byModel).toBeNull();
        return;
      }
      expect(byModel).toMatchObject({
        source: 'model',
        reason: { kind: 'model', personal: false },
      });
      expect(modelClasses).toContain(byModel!.categoryId);
      expect(byModel!.alternatives.length).toBeLessThanOrEqual(3);
      expect(byModel!.alternatives[0]).toEqual({
        categoryId: byModel!.categoryId,
        p: byModel!.confidence,
      });
      for (const suggestion of result.value)
        expect(suggestion!.alternatives).toHaveLength(Math.min(3, modelClasses.length));
    });

    it('suggests only categories that exist, and auto-applies only when allowed', async () => {
      const categorizer = open();
      const [kept, ...deleted] = modelClasses ?? [GROCERIES];
      const result = await categorizer.suggest(
        [operation(1, 'CB BOULANGERIE DU COIN'), operation(2, 'VIR SALAIRE ACME')],
        context({ categories: [kept!], autoApply: false, memory: [], rules: [] }),
      );
      if (!result.ok) throw new Error(result.message);
      for (const suggestion of result.value) {
        if (!modelClasses) {
          expect(suggestion).toBeNull();
          continue;
        }
        expect(suggestion).toMatchObject({ categoryId: kept, confidence: 1, autoApply: false });
        for (const id of deleted) {
          expect(suggestion!.alternatives.map((a) => a.categoryId)).not.toContain(id);
        }
      }
      const none = await categorizer.suggest(
        [operation(3, 'CB BOULANGERIE DU COIN')],
        context({ categories: [], memory: [], rules: [] }),
      );
      expect(none).toEqual({ ok: true, value: [null] });
      expect(await categorizer.suggest([], context())).toEqual({ ok: true, value: [] });
    });

    it('answers bad input with a reason, never by throwing', async () => {
      const categorizer = open();
      const good = [operation(1, 'CB MONOP')];
      const badRequests = [
        categorizer.suggest('nope' as never, context()),
        categorizer.suggest([{ ...good[0]!, date: '2024-02-30' as never }], context()),
        categorizer.suggest([{ ...good[0]!, amountMinor: 1.5 }], context()),
        categorizer.suggest([{ ...good[0]!, rawLabel: 'x'.repeat(10_000) }], context()),
        categorizer.suggest(good, { ...context(), rules: undefined as never }),
        categorizer.suggest(good, context({ memory: [['monop', { count: 1 } as never]] })),
        categorizer.learn(
          [{ ...confirmedHistory(1)[0]!, categoryId: 'not an id!' as never }],
          [PETS],
        ),
        categorizer.learn(confirmedHistory(4), []),
        categorizer.learn(null as never, [PETS]),
      ];
      for (const result of await Promise.all(badRequests)) {
        expect(result.ok ? null : result.code).toBe('invalid_request');
        expect(result.ok ? '' : result.message).toMatch(/^Invalid /);
      }
      expect((await categorizer.suggest(good, context())).ok).toBe(true);
    });

    it('learns the person’s own categories, and keeps what it learnt across a restart', async () => {
      const device = setup.newDevice();
      const first = open(device);
      const learnt = await first.learn(confirmedHistory(60), categories);
      if (!learnt.ok) throw new Error(learnt.message);
      const pets = operation(99, 'CB CROQUETTES ET CIE 2024');
      const climbing = operation(98, 'CB ARKOSE MONTREUIL 77');
      if (!modelClasses) {
        expect(learnt.value.trainedOn).toBe(0);
        return;
      }
      expect(learnt.value.trainedOn).toBe(60);
      const expectLearnt = async (categorizer: Categorizer) => {
        const result = await categorizer.suggest([pets, climbing], context({ memory: [] }));
        if (!result.ok) throw new Error(result.message);
        expect(result.value.map((s) => [s?.categoryId, s?.reason])).toEqual([
          [PETS, { kind: 'model', personal: true }],
          [CLIMBING, { kind: 'model', personal: true }],
        ]);
      };
      await expectLearnt(first);
      first.close();

      const restarted = open(device);
      expect(await restarted.ready()).toMatchObject({ personalTrainedOn: 60 });
      await expectLearnt(restarted);
      // Only confirmed operations in existing categories count.
      const fewer = await restarted.learn(confirmedHistory(8), [PETS]);
      expect(fewer.ok && fewer.value.trainedOn).toBe(4);
    });

    it('serves overlapping calls', async () => {
      const categorizer = open();
      const results = await Promise.all([
        categorizer.suggest([operation(1, 'PRLV LOYER MAI')], context()),
        categorizer.learn(confirmedHistory(8), categories),
        categorizer.suggest([operation(2, 'CB MONOP')], context()),
      ]);
      expect(results.map((result) => result.ok)).toEqual([true, true, true]);
      const [first, , third] = results;
      expect(first?.ok && first.value[0]?.source).toBe('rule');
      expect(third?.ok && third.value[0]?.source).toBe('memory');
    });
  });
}
