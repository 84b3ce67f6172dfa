import { fail } from '@tirelire/shared';
import { describe, expect, it } from 'vitest';
import type { Categorizer } from '../../ports/category-model.ts';
import { describeCategorizerContract } from '../../ports/category-model.contract.ts';
import { InlineCategorizer, openRulesAndMemoryCategorizer } from './InlineCategorizer.ts';
import { LazyCategorizer } from './LazyCategorizer.ts';
import { MemoryPersonalLayerStore } from './personal-layer-store.ts';
import { TEST_MODEL_CLASSES, testCategorizerApi } from './test-categorizer.ts';

describeCategorizerContract('lazy (inline behind it)', {
  newDevice: () => new MemoryPersonalLayerStore(),
  open: (store) =>
    new LazyCategorizer(
      () => new InlineCategorizer(testCategorizerApi(store, 'cpu')),
      () => openRulesAndMemoryCategorizer(),
    ),
  modelClasses: TEST_MODEL_CLASSES,
});

const context = { rules: [], memory: [], categories: [], autoApply: false };

/** A categoriser whose worker has died: every call says so. */
const stopped: Categorizer = {
  ready: () => Promise.resolve({ failed: 'stopped' }),
  suggest: () => Promise.resolve(fail('unavailable', 'stopped')),
  learn: () => Promise.resolve(fail('unavailable', 'stopped')),
  close: () => undefined,
};

describe('LazyCategorizer', () => {
  it('opens nothing until first used, and falls back when the first choice cannot start', async () => {
    let opened = 0;
    const categorizer = new LazyCategorizer(
      () => {
        opened += 1;
        throw new Error('no module workers here');
      },
      () => openRulesAndMemoryCategorizer(),
    );
    expect(opened).toBe(0);
    expect(await categorizer.ready()).toEqual({ failed: expect.any(String) as string });
    expect(opened).toBe(1);
    expect(await categorizer.suggest([], context)).toEqual({ ok: true, value: [] });
    categorizer.close();
  });

  it('falls back for good when its categoriser stops, answering the call that found out', async () => {
    let fallbacks = 0;
    let closed = false;
    const categorizer = new LazyCategorizer(
      () => ({ ...stopped, close: () => (closed = true) }),
      () => {
        fallbacks += 1;
        return openRulesAndMemoryCategorizer();
      },
    );
    expect(await categorizer.suggest([], context)).toEqual({ ok: true, value: [] });
    expect(closed).toBe(true);
    const learnt = await categorizer.learn([], [TEST_MODEL_CLASSES[0]!]);
    expect(learnt).toEqual({ ok: true, value: { trainedOn: 0, ms: 0 } });
    expect(fallbacks).toBe(1);
    categorizer.close();
  });
});
