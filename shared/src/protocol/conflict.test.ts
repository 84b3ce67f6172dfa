import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MergeableDocument } from './conflict.ts';
import { canonicalJson, chooseWinner, isSameContent } from './conflict.ts';

/** An operation as a device holds it: content, plus the sync bookkeeping RxDB adds. */
interface OperationDocument extends MergeableDocument {
  readonly id: string;
  readonly label: string;
  readonly amountCents: number;
  readonly categoryId: string | null;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly _rev?: string;
  readonly _meta?: { readonly lwt: number };
  readonly _attachments?: Readonly<Record<string, never>>;
  readonly syncVersion?: number;
}

const T0 = 1_700_000_000_000;
const MINUTE = 60_000;

function operation(overrides: Partial<OperationDocument> = {}): OperationDocument {
  return {
    id: 'op-1',
    label: 'CB BOULANGERIE DU PORT',
    amountCents: -1250,
    categoryId: null,
    updatedAt: T0,
    _deleted: false,
    ...overrides,
  };
}

/** The same value with the keys of every object in reverse order. */
function withKeysReversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withKeysReversed);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, item]) => [key, withKeysReversed(item)]),
    );
  }
  return value;
}

describe('P-MERGE-1: chooseWinner, as a table (local, remote → winner)', () => {
  const table: readonly {
    readonly rule: string;
    readonly local: OperationDocument;
    readonly remote: OperationDocument;
    readonly winner: 'local' | 'remote';
  }[] = [
    {
      rule: 'the later updatedAt wins (local later)',
      local: operation({ categoryId: 'cat-food', updatedAt: T0 + MINUTE }),
      remote: operation({ categoryId: 'cat-shopping', updatedAt: T0 }),
      winner: 'local',
    },
    {
      rule: 'the later updatedAt wins (remote later)',
      local: operation({ categoryId: 'cat-food', updatedAt: T0 }),
      remote: operation({ categoryId: 'cat-shopping', updatedAt: T0 + 1 }),
      winner: 'remote',
    },
    {
      rule: 'a deletion beats an edit (local deleted, remote edited later)',
      local: operation({ _deleted: true, updatedAt: T0 }),
      remote: operation({ categoryId: 'cat-food', updatedAt: T0 + MINUTE }),
      winner: 'local',
    },
    {
      rule: 'a deletion beats an edit (remote deleted, local edited later)',
      local: operation({ label: 'Boulangerie', updatedAt: T0 + MINUTE }),
      remote: operation({ _deleted: true, updatedAt: T0 }),
      winner: 'remote',
    },
    {
      rule: 'a deletion beats an edit at the same updatedAt',
      local: operation({ label: 'Zzz, the larger JSON' }),
      remote: operation({ _deleted: true }),
      winner: 'remote',
    },
    {
      rule: 'both deleted: the later updatedAt wins',
      local: operation({ _deleted: true, updatedAt: T0 }),
      remote: operation({ _deleted: true, label: 'Boulangerie', updatedAt: T0 + MINUTE }),
      winner: 'remote',
    },
    {
      rule: 'both deleted at the same updatedAt: the larger canonical JSON wins',
      local: operation({ _deleted: true, categoryId: 'cat-transport' }),
      remote: operation({ _deleted: true, categoryId: 'cat-food' }),
      winner: 'local',
    },
    {
      rule: 'same updatedAt, different content: the larger canonical JSON wins',
      local: operation({ categoryId: 'cat-food' }),
      remote: operation({ categoryId: 'cat-transport' }),
      winner: 'remote',
    },
    {
      rule: 'same updatedAt: JSON text is compared, not numbers ("-990" > "-1250")',
      local: operation({ amountCents: -1250 }),
      remote: operation({ amountCents: -990 }),
      winner: 'remote',
    },
    {
      rule: 'same updatedAt: an extra field decides by where it sorts ("details" < "id")',
      local: operation({ details: { memo: 'x' } }),
      remote: operation(),
      winner: 'remote',
    },
    {
      rule: 'bookkeeping plays no part: a later _meta.lwt does not win on its own',
      local: operation({ categoryId: 'cat-food', _meta: { lwt: T0 + 10 * MINUTE }, _rev: '9-z' }),
      remote: operation({ categoryId: 'cat-transport', _meta: { lwt: T0 }, _rev: '1-a' }),
      winner: 'remote',
    },
  ];

  it.each(table)('$rule', ({ local, remote, winner }) => {
    const expected = winner === 'local' ? local : remote;
    expect(isSameContent(local, remote)).toBe(false);
    expect(chooseWinner(local, remote)).toBe(expected);
    // Symmetric: the device on the other side picks the same document.
    expect(chooseWinner(remote, local)).toBe(expected);
  });
});

describe('P-MERGE-1 rule 1: equal content is no conflict', () => {
  const base = operation({
    details: { bank: 'Crédit Mutuel', memo: 'pain', refs: [{ b: 2, a: 1 }] },
  });

  it.each([
    ['identical copies', base, operation({ ...base })],
    [
      'different bookkeeping (_rev, _meta, _attachments, syncVersion)',
      { ...base, _rev: '3-abc', _meta: { lwt: T0 }, syncVersion: 3 },
      { ...base, _rev: '7-xyz', _meta: { lwt: T0 + MINUTE }, _attachments: {}, syncVersion: 9 },
    ],
    ['bookkeeping on one side only', base, { ...base, _rev: '1-a', syncVersion: 1 }],
    ['keys in another order, nested ones included', base, withKeysReversed(base) as object],
    [
      'an undefined field and its absence (what a JSON round trip makes of it)',
      { ...base, categoryNote: undefined },
      JSON.parse(JSON.stringify({ ...base, categoryNote: undefined })) as object,
    ],
  ])('%s', (_name, a, b) => {
    expect(isSameContent(a, b)).toBe(true);
    expect(isSameContent(b, a)).toBe(true);
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it('chooseWinner between equal contents returns that content, either way round', () => {
    const local = { ...base, _rev: '3-abc', syncVersion: 3 };
    const remote = { ...base, _rev: '7-xyz', syncVersion: 9 };
    expect(isSameContent(chooseWinner(local, remote), base)).toBe(true);
    expect(isSameContent(chooseWinner(remote, local), base)).toBe(true);
  });

  it.each([
    ['another label', base, { ...base, label: 'Boulangerie' }],
    ['another updatedAt', base, { ...base, updatedAt: T0 + 1 }],
    ['another deletion flag', base, { ...base, _deleted: true }],
    ['null instead of an absent field', base, { ...base, categoryNote: null }],
    [
      'bookkeeping names below the top level',
      { ...base, details: { _rev: '1' } },
      { ...base, details: { _rev: '2' } },
    ],
    ['another array order', { ...base, tags: ['a', 'b'] }, { ...base, tags: ['b', 'a'] }],
  ])('content differs with %s', (_name, a, b) => {
    expect(isSameContent(a, b)).toBe(false);
    expect(isSameContent(b, a)).toBe(false);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level, arrays included, and leaves bookkeeping out at the top', () => {
    const document = {
      zeta: 1,
      _rev: '2-b',
      alpha: { delta: [{ y: 2, x: 1 }, 'text'], beta: null, _meta: 'kept below the top' },
      _meta: { lwt: 3 },
      syncVersion: 4,
      _attachments: {},
    };
    expect(canonicalJson(document)).toBe(
      '{"alpha":{"_meta":"kept below the top","beta":null,"delta":[{"x":1,"y":2},"text"]},"zeta":1}',
    );
  });

  it('writes undefined as JSON does: absent in an object, null in an array', () => {
    expect(canonicalJson({ b: undefined, a: [undefined, 1], c: { d: undefined } })).toBe(
      '{"a":[null,1],"c":{}}',
    );
  });

  const BOOKKEEPING = ['_rev', '_meta', '_attachments', 'syncVersion'];
  const contentKey = fc.string().filter((key) => !BOOKKEEPING.includes(key));

  it('is the JSON of the same value (bookkeeping aside)', () => {
    fc.assert(
      fc.property(fc.dictionary(contentKey, fc.jsonValue()), (document) => {
        const canonical = canonicalJson(document);
        expect(JSON.parse(canonical)).toEqual(JSON.parse(JSON.stringify(document)));
      }),
    );
  });

  it('does not depend on key order, at any depth', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (document) => {
        expect(canonicalJson(withKeysReversed(document) as object)).toBe(canonicalJson(document));
      }),
    );
  });

  it('is unchanged by a JSON round trip, the way every remote copy arrives (P-ENVELOPE-1)', () => {
    fc.assert(
      fc.property(fc.object(), (document) => {
        const copy = JSON.parse(JSON.stringify(document)) as object;
        expect(canonicalJson(copy)).toBe(canonicalJson(document));
      }),
    );
  });
});

describe('P-MERGE-1: properties that make replicas converge', () => {
  // Small domains, so that ties on updatedAt, equal contents and deletions all come up often.
  const documentArbitrary: fc.Arbitrary<OperationDocument> = fc
    .record({
      id: fc.constant('op-1'),
      updatedAt: fc.integer({ min: T0, max: T0 + 3 }),
      _deleted: fc.boolean(),
      label: fc.constantFrom('Boulangerie', 'Épicerie', 'SNCF'),
      amountCents: fc.integer({ min: -3, max: 3 }),
      categoryId: fc.option(fc.constantFrom('cat-food', 'cat-transport'), { nil: null }),
      details: fc.dictionary(fc.constantFrom('memo', 'bank'), fc.constantFrom('x', 'y', 1, null), {
        maxKeys: 2,
      }),
      _rev: fc.constantFrom('1-a', '2-b', '3-c'),
      _meta: fc.record({ lwt: fc.nat() }),
      syncVersion: fc.nat(),
    })
    .chain((document) =>
      // Replicas may hold their keys in any order.
      fc.constantFrom(document, withKeysReversed(document) as OperationDocument),
    );

  it('chooseWinner is symmetric: both sides of a conflict pick the same content', () => {
    fc.assert(
      fc.property(documentArbitrary, documentArbitrary, (a, b) => {
        const fromA = chooseWinner(a, b);
        const fromB = chooseWinner(b, a);
        expect([a, b]).toContain(fromA);
        expect(canonicalJson(fromA)).toBe(canonicalJson(fromB));
        if (!isSameContent(a, b)) expect(fromA).toBe(fromB);
      }),
    );
  });

  it('chooseWinner of a state and itself, or of its copy, is that state', () => {
    fc.assert(
      fc.property(documentArbitrary, (a) => {
        expect(chooseWinner(a, a)).toBe(a);
        const copy = withKeysReversed(a) as OperationDocument;
        expect(isSameContent(chooseWinner(a, copy), a)).toBe(true);
      }),
    );
  });

  const statesInTwoOrders = fc
    .array(documentArbitrary, { minLength: 1, maxLength: 8 })
    .chain((states) =>
      fc.record({
        states: fc.constant(states),
        shuffled: fc.shuffledSubarray(states, {
          minLength: states.length,
          maxLength: states.length,
        }),
        // Which side, local or remote, each state arrives on in the shuffled fold.
        arrivesAsLocal: fc.array(fc.boolean(), {
          minLength: states.length,
          maxLength: states.length,
        }),
      }),
    );

  it('resolving states pairwise in any order, on either side, gives the same winner', () => {
    fc.assert(
      fc.property(statesInTwoOrders, ({ states, shuffled, arrivesAsLocal }) => {
        const inOrder = states.reduce((winner, state) => chooseWinner(winner, state));
        const inAnotherOrder = shuffled.reduce((winner, state, index) =>
          arrivesAsLocal[index] === true
            ? chooseWinner(state, winner)
            : chooseWinner(winner, state),
        );
        expect(canonicalJson(inAnotherOrder)).toBe(canonicalJson(inOrder));
      }),
    );
  });

  it('the winner of a fold beats, or equals, every state it saw', () => {
    fc.assert(
      fc.property(fc.array(documentArbitrary, { minLength: 1, maxLength: 8 }), (states) => {
        const winner = states.reduce((best, state) => chooseWinner(best, state));
        for (const state of states) {
          expect(isSameContent(chooseWinner(winner, state), winner)).toBe(true);
          expect(isSameContent(chooseWinner(state, winner), winner)).toBe(true);
        }
      }),
    );
  });

  it('a deleted state among them always ends up the winner (a deletion beats an edit)', () => {
    fc.assert(
      fc.property(fc.array(documentArbitrary, { minLength: 1, maxLength: 8 }), (states) => {
        const winner = states.reduce((best, state) => chooseWinner(best, state));
        expect(winner._deleted).toBe(states.some((state) => state._deleted));
      }),
    );
  });
});
