import { describe, expect, it } from 'vitest';
import {
  compareBy,
  compareChronologically,
  generateDemoLedger,
  isoDate,
  minor,
  operationId,
  operationPredicate,
  runningBalances,
  SORT_FIELDS,
  type Operation,
  type OperationFilter,
  type OperationSort,
} from '@tirelire/shared';
import {
  chronologicalOrder,
  isNarrowing,
  LabelRanks,
  OperationList,
  orderByKey,
  type QueryResult,
} from './operation-list.ts';

const demo = generateDemoLedger({
  seed: 7,
  until: isoDate('2025-06-30'),
  years: 2,
  targetOperations: 3000,
  accountCount: 2,
  now: 1_700_000_000_000,
});
const account = demo.accounts[0]!;
const operations = demo.operations.filter((operation) => operation.accountId === account.id);

const SORTS: OperationSort[] = SORT_FIELDS.flatMap((field) => [
  { field, direction: 'asc' as const },
  { field, direction: 'desc' as const },
]);

/** The reference: what compareBy and operationPredicate say, with no caching at all. */
function expected(source: readonly Operation[], filter: OperationFilter, sort: OperationSort) {
  return source.filter(operationPredicate(filter)).sort(compareBy(sort));
}

function balancesOf(result: QueryResult) {
  return new Map(
    result.operations.map((operation, i) => [
      operation.id,
      result.list.balanceAt(result.positions[i]!),
    ]),
  );
}

function ids(list: readonly Operation[]) {
  return list.map((operation) => operation.id);
}

describe('OperationList orders', () => {
  it('orders exactly as compareBy, for every sort', () => {
    const list = OperationList.of(account, operations);
    for (const sort of SORTS) {
      expect(ids(list.query({}, sort).operations), `${sort.field} ${sort.direction}`).toEqual(
        ids(expected(operations, {}, sort)),
      );
    }
  });

  it('breaks ties of equal amounts and labels newest first, like compareBy', () => {
    const base = operations[0]!;
    const twins = [0, 1, 2, 3].map((index) => ({
      ...base,
      id: operationId(`twin-${index}`),
      label: index % 2 === 0 ? 'Café' : 'CAFE',
      amountMinor: minor(-500),
      createdAt: base.createdAt + index,
    }));
    const list = OperationList.of(account, twins);
    for (const sort of SORTS) {
      expect(ids(list.query({}, sort).operations)).toEqual(ids(expected(twins, {}, sort)));
    }
  });

  it('stays exact after edits, additions and deletions merged into the previous order', () => {
    let current: Operation[] = [...operations];
    let list = OperationList.of(account, current);
    list.query({}, { field: 'label', direction: 'asc' });
    for (let round = 0; round < 5; round += 1) {
      const edited = current.slice(0, 40).map((operation, index) => ({
        ...operation,
        date: isoDate(`2024-0${(index % 9) + 1}-1${round}`),
        label: `Edited ${round} ${index}`,
        amountMinor: minor(index * 100 - 2000),
      }));
      const added = edited.slice(0, 5).map((operation, index) => ({
        ...operation,
        id: operationId(`added-${round}-${index}`),
      }));
      current = [...current.slice(50), ...edited, ...added].reverse();
      list = OperationList.of(account, current, list);
      expect(ids(list.chronological)).toEqual(ids([...current].sort(compareChronologically)));
      for (const sort of SORTS) {
        expect(ids(list.query({}, sort).operations)).toEqual(ids(expected(current, {}, sort)));
      }
    }
  });

  it('returns the same list when nothing changed', () => {
    const list = OperationList.of(account, operations);
    expect(OperationList.of(account, operations, list)).toBe(list);
  });

  it('sorts chronologically by day buckets like compareChronologically', () => {
    const shuffled = [...operations].reverse();
    expect(ids(chronologicalOrder(shuffled))).toEqual(
      ids([...operations].sort(compareChronologically)),
    );
  });
});

describe('running balances', () => {
  it('match runningBalances of the domain, whatever the display order and filter', () => {
    const list = OperationList.of(account, [...operations].reverse());
    const reference = runningBalances(account, operations);
    for (const sort of SORTS) {
      for (const filter of [{}, { text: 'cb' }, { isUncategorisedOnly: true }]) {
        const balances = balancesOf(list.query(filter, sort));
        expect(balances.size).toBeGreaterThan(0);
        for (const [id, balance] of balances) expect(balance).toBe(reference.get(id));
      }
    }
  });

  it('follow a change of opening balance', () => {
    const list = OperationList.of(account, operations);
    const richer = { ...account, openingBalanceMinor: minor(account.openingBalanceMinor + 100) };
    const next = OperationList.of(richer, operations, list);
    expect(next.balanceAt(0)).toBe(list.balanceAt(0)! + 100);
  });
});

describe('OperationList queries', () => {
  const filters: OperationFilter[] = [
    { text: 'carrefour' },
    { text: 'CB  monop' },
    { text: 'zzz-no-match' },
    { from: isoDate('2024-03-01'), to: isoDate('2024-05-31') },
    { minAmountMinor: minor(-5000), maxAmountMinor: minor(-1000), text: 'cb' },
    { isUncategorisedOnly: true },
    { categoryIds: [operations[0]!.categoryId ?? operations[1]!.categoryId!] },
  ];

  it('filters exactly as operationPredicate, for every sort', () => {
    const list = OperationList.of(account, operations);
    for (const filter of filters) {
      for (const sort of SORTS) {
        expect(ids(list.query(filter, sort).operations)).toEqual(
          ids(expected(operations, filter, sort)),
        );
      }
    }
  });

  it('narrows the previous result as a search grows, with the same answer', () => {
    const list = OperationList.of(account, operations);
    const sort: OperationSort = { field: 'date', direction: 'desc' };
    let previous: QueryResult | undefined;
    const reference = runningBalances(account, operations);
    for (const text of ['c', 'cb', 'cb ', 'cb m', 'cb mo', 'cb monop', 'cb mono', 'prlv']) {
      previous = list.query({ text }, sort, previous);
      expect(ids(previous.operations), text).toEqual(ids(expected(operations, { text }, sort)));
      for (const [id, balance] of balancesOf(previous)) expect(balance).toBe(reference.get(id));
    }
  });

  it('warms search keys a slice at a time', () => {
    const list = OperationList.of(account, operations);
    let calls = 0;
    expect(list.warmSearchKeys(() => ++calls >= 1)).toBe(false);
    expect(list.warmSearchKeys(() => false)).toBe(true);
    expect(ids(list.query({ text: 'sncf' }, SORTS[0]!).operations)).toEqual(
      ids(expected(operations, { text: 'sncf' }, SORTS[0]!)),
    );
  });
});

describe('isNarrowing', () => {
  it.each([
    [{ text: 'car' }, { text: 'carrefour' }, true],
    [{ text: 'car' }, { text: 'ca' }, false],
    [{}, { text: 'x' }, true],
    [{ text: 'a b' }, { text: 'ab' }, true],
    [{ text: 'a', isUncategorisedOnly: true }, { text: 'ab' }, false],
    [{ text: 'Café' }, { text: 'cafe de flore' }, true],
  ] satisfies [OperationFilter, OperationFilter, boolean][])('%o → %o: %s', (a, b, result) => {
    expect(isNarrowing(a, b)).toBe(result);
  });
});

describe('orderByKey', () => {
  it('sorts packed keys and keeps ties in position order', () => {
    const keys = Float64Array.from([3, -1, 3, 0, -1]);
    expect([...orderByKey(keys, false)]).toEqual([1, 4, 3, 0, 2]);
    expect([...orderByKey(keys, true)]).toEqual([0, 2, 3, 1, 4]);
  });

  it('falls back to a comparator when keys are too far apart to pack', () => {
    const keys = Float64Array.from([Number.MAX_SAFE_INTEGER, -5, -Number.MAX_SAFE_INTEGER, -5]);
    expect([...orderByKey(keys, false)]).toEqual([2, 1, 3, 0]);
    expect([...orderByKey(keys, true)]).toEqual([0, 1, 3, 2]);
  });
});

describe('LabelRanks', () => {
  it('gives collator-equal labels one rank and keeps ranks across additions', () => {
    const ranks = new LabelRanks();
    const first = ranks.ranksOf(['b', 'Café', 'a10', 'a9']);
    expect([...first]).toEqual([2, 3, 1, 0]);
    const second = ranks.ranksOf(['CAFE', 'a', 'b']);
    expect(second[0]).toBe(ranks.ranksOf(['Café'])[0]);
    expect(second[1]).toBeLessThan(ranks.ranksOf(['a9'])[0]!);
  });
});
