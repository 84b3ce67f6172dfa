import {
  addMinor,
  compareChronologically,
  foldText,
  minor,
  operationPredicate,
  searchKey,
  type Account,
  type IsoDate,
  type MinorUnits,
  type Operation,
  type OperationFilter,
  type OperationSort,
} from '@tirelire/shared';

/**
 * The list of one account's operations as the account screen shows it: filtered, sorted, with
 * running balances, and fast at 100,000 operations.
 *
 * Sorting 100k operations with a comparator takes 150–900 ms on a phone-class CPU, far above the
 * 50 ms budget of a keystroke. So the work is split by how often it changes:
 * - once per change of the data: the chronological order (bucketed by day, then merged
 *   incrementally when a few operations change), the running balances, and lazily each display
 *   order (packed into numbers and sorted natively);
 * - once per operation, ever: its search key (operations are immutable, so a WeakMap by object
 *   can never serve a stale key);
 * - per keystroke: one linear scan of the current order with `operationPredicate`, or of the
 *   previous result when the new query only narrows it.
 * Every order equals `[...operations].sort(compareBy(sort))` (the tests check it).
 */

/** Search keys computed once per operation object, kept across versions of the list. */
export class SearchKeys {
  private readonly keys = new WeakMap<Operation, string>();

  get(operation: Operation): string {
    let key = this.keys.get(operation);
    if (key === undefined) {
      key = searchKey(operation);
      this.keys.set(operation, key);
    }
    return key;
  }
}

/** Options of the label collator in `compareBy` (shared/ledger/query.ts): orders must agree. */
const LABEL_COLLATOR_OPTIONS: Intl.CollatorOptions = { sensitivity: 'base', numeric: true };

/**
 * Ranks of distinct labels in collator order, kept across versions of the list: a new version
 * only collates the labels it has not seen, instead of 100k labels again.
 */
export class LabelRanks {
  private readonly collator = new Intl.Collator(undefined, LABEL_COLLATOR_OPTIONS);
  private sorted: string[] = [];
  private ranks = new Map<string, number>();

  /** Ranks of `labels`; labels the collator finds equal ("Café", "CAFE") share a rank. */
  ranksOf(labels: readonly string[]): Float64Array {
    const unseen = [...new Set(labels.filter((label) => !this.ranks.has(label)))];
    if (unseen.length > 0) this.add(unseen);
    return Float64Array.from(labels, (label) => this.ranks.get(label) ?? 0);
  }

  private add(unseen: string[]): void {
    const compare = this.collator.compare;
    unseen.sort(compare);
    const merged = mergeSorted(this.sorted, unseen, compare);
    const ranks = new Map<string, number>();
    let rank = 0;
    merged.forEach((label, index) => {
      const previous = merged[index - 1];
      if (previous !== undefined && compare(previous, label) !== 0) rank += 1;
      ranks.set(label, rank);
    });
    this.sorted = merged;
    this.ranks = ranks;
  }
}

/** Chronological order in O(n) comparisons: bucket by day (few thousand days), sort each day. */
export function chronologicalOrder(operations: readonly Operation[]): Operation[] {
  const byDay = new Map<IsoDate, Operation[]>();
  for (const operation of operations) {
    const day = byDay.get(operation.date);
    if (day) day.push(operation);
    else byDay.set(operation.date, [operation]);
  }
  // ISO dates ("2024-03-17") sort chronologically as plain strings.
  const days = [...byDay.keys()].sort();
  const ordered: Operation[] = [];
  for (const day of days) {
    const bucket = byDay.get(day) ?? [];
    if (bucket.length > 1) bucket.sort(compareChronologically);
    for (const operation of bucket) ordered.push(operation);
  }
  return ordered;
}

/** Merges two lists sorted by `compare` into one, in O(n); ties keep `a` first. */
function mergeSorted<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  for (;;) {
    const left = a[i];
    const right = b[j];
    if (left === undefined) {
      if (right === undefined) return merged;
      merged.push(right);
      j += 1;
    } else if (right === undefined || compare(left, right) <= 0) {
      merged.push(left);
      i += 1;
    } else {
      merged.push(right);
      j += 1;
    }
  }
}

/** Merges two chronologically sorted lists into one, in O(n). */
export function mergeChronological(a: readonly Operation[], b: readonly Operation[]): Operation[] {
  return mergeSorted(a, b, compareChronologically);
}

/**
 * Positions (into `newestFirst`) sorted by an integer key, ties kept newest first, as
 * `compareBy` breaks them. Key and position are packed into one float, exact below 2^53, so
 * the typed array sorts natively without a comparator callback (about 10× faster at 100k).
 */
export function orderByKey(keys: Float64Array, isDescending: boolean): Uint32Array {
  const n = keys.length;
  let min = Infinity;
  let max = -Infinity;
  for (const key of keys) {
    if (key < min) min = key;
    if (key > max) max = key;
  }
  const positions = new Uint32Array(n);
  if (n === 0) return positions;
  const offset = (key: number) => (isDescending ? max - key : key - min);
  if ((max - min + 1) * n <= Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i += 1) packed[i] = offset(keys[i] ?? 0) * n + i;
    packed.sort();
    for (let i = 0; i < n; i += 1) positions[i] = (packed[i] ?? 0) % n;
    return positions;
  }
  // Amounts too far apart to pack (billions of euros beside cents): a comparator sort.
  for (let i = 0; i < n; i += 1) positions[i] = i;
  return positions.sort((a, b) => offset(keys[a] ?? 0) - offset(keys[b] ?? 0) || a - b);
}

/** The words of a search, split as `operationPredicate` splits them. */
function searchWords(text: string | undefined): string[] {
  return foldText(text ?? '')
    .split(/\s+/)
    .filter((word) => word !== '');
}

function hasText(filter: OperationFilter): boolean {
  return searchWords(filter.text).length > 0;
}

function isEmptyFilter(filter: OperationFilter): boolean {
  return (
    !hasText(filter) &&
    filter.from === undefined &&
    filter.to === undefined &&
    filter.minAmountMinor === undefined &&
    filter.maxAmountMinor === undefined &&
    !filter.categoryIds?.length &&
    !filter.isUncategorisedOnly
  );
}

function sameCriteriaButText(a: OperationFilter, b: OperationFilter): boolean {
  const categoriesA = a.categoryIds ?? [];
  const categoriesB = b.categoryIds ?? [];
  return (
    a.from === b.from &&
    a.to === b.to &&
    a.minAmountMinor === b.minAmountMinor &&
    a.maxAmountMinor === b.maxAmountMinor &&
    (a.isUncategorisedOnly ?? false) === (b.isUncategorisedOnly ?? false) &&
    categoriesA.length === categoriesB.length &&
    categoriesA.every((id, index) => categoriesB[index] === id)
  );
}

/**
 * Whether every operation matching `next` also matches `previous`: same other criteria, and each
 * previous word is inside some new word ("carr" → "carrefour market").
 */
export function isNarrowing(previous: OperationFilter, next: OperationFilter): boolean {
  if (!sameCriteriaButText(previous, next)) return false;
  const nextWords = searchWords(next.text);
  return searchWords(previous.text).every((word) => nextWords.some((w) => w.includes(word)));
}

export interface QueryResult {
  readonly list: OperationList;
  readonly filter: OperationFilter;
  readonly sort: OperationSort;
  readonly operations: readonly Operation[];
  /** Position of each of `operations` in the chronological order (for its running balance). */
  readonly positions: ArrayLike<number>;
  /** Search keys aligned with `operations`, when the filter had text (to narrow it later). */
  readonly keys: readonly string[] | null;
}

interface Order {
  readonly operations: readonly Operation[];
  /** Position of each entry in the chronological order. */
  readonly chronologicalIndex: Uint32Array;
  keys: string[] | null;
}

/** One version of one account's operations, ready to query. Build with `OperationList.of`. */
export class OperationList {
  private readonly orders = new Map<string, Order>();
  private balances: Float64Array | null = null;
  private chronologicalKeys: (string | undefined)[] = [];
  private warmed = 0;

  private constructor(
    readonly account: Account,
    readonly source: readonly Operation[],
    readonly chronological: readonly Operation[],
    private readonly members: ReadonlySet<Operation>,
    readonly searchKeys: SearchKeys,
    private readonly labelRanks: LabelRanks,
  ) {}

  /**
   * The list of `operations` (all of `account`), reusing what `previous` already computed: when a
   * few operations changed, the order is merged in O(n) instead of sorted again.
   */
  static of(
    account: Account,
    operations: readonly Operation[],
    previous?: OperationList,
  ): OperationList {
    if (previous && previous.source === operations && previous.account === account) return previous;
    const members = new Set(operations);
    let chronological: Operation[];
    if (previous && previous.account.id === account.id) {
      const kept = previous.chronological.filter((operation) => members.has(operation));
      const added = operations.filter((operation) => !previous.members.has(operation));
      chronological = mergeChronological(kept, added.sort(compareChronologically));
    } else {
      chronological = chronologicalOrder(operations);
    }
    return new OperationList(
      account,
      operations,
      chronological,
      members,
      previous?.searchKeys ?? new SearchKeys(),
      previous?.labelRanks ?? new LabelRanks(),
    );
  }

  get size(): number {
    return this.chronological.length;
  }

  /**
   * The balance right after the operation at `position` of the chronological order (a result's
   * `positions[i]`), whatever the display order. An array, not a Map by id: hashing 100k ids
   * costs more than the whole scan.
   */
  balanceAt(position: number): MinorUnits | undefined {
    if (!this.balances) {
      const balances = new Float64Array(this.chronological.length);
      let total = this.account.openingBalanceMinor;
      this.chronological.forEach((operation, index) => {
        total = addMinor(total, operation.amountMinor);
        balances[index] = total;
      });
      this.balances = balances;
    }
    const balance = this.balances[position];
    return balance === undefined ? undefined : minor(balance);
  }

  /**
   * Computes search keys ahead of the first search, a slice at a time, until `isTimeUp()`.
   * Returns whether all are done, so an idle callback knows whether to come back.
   */
  warmSearchKeys(isTimeUp: () => boolean): boolean {
    const operations = this.chronological;
    while (this.warmed < operations.length) {
      const end = Math.min(this.warmed + 500, operations.length);
      for (let i = this.warmed; i < end; i += 1) {
        const operation = operations[i];
        if (operation) this.chronologicalKeys[i] = this.searchKeys.get(operation);
      }
      this.warmed = end;
      if (isTimeUp()) break;
    }
    return this.warmed === operations.length;
  }

  query(filter: OperationFilter, sort: OperationSort, previous?: QueryResult): QueryResult {
    const order = this.order(sort);
    const positions = order.chronologicalIndex;
    if (isEmptyFilter(filter)) {
      return { list: this, filter, sort, operations: order.operations, positions, keys: null };
    }
    if (!hasText(filter)) {
      return { list: this, filter, sort, ...this.scan(order.operations, positions, null, filter) };
    }
    const canNarrow =
      previous !== undefined &&
      previous.list === this &&
      previous.sort.field === sort.field &&
      previous.sort.direction === sort.direction &&
      previous.keys !== null &&
      isNarrowing(previous.filter, filter);
    const scanned = canNarrow
      ? this.scan(previous.operations, previous.positions, previous.keys, filter)
      : this.scan(order.operations, positions, this.keysOf(order), filter);
    return { list: this, filter, sort, ...scanned };
  }

  /**
   * One pass of `operationPredicate` with keys read from an aligned array: a WeakMap lookup per
   * operation would cost as much as the scan itself.
   */
  private scan(
    operations: readonly Operation[],
    positions: ArrayLike<number>,
    keys: readonly string[] | null,
    filter: OperationFilter,
  ): { operations: Operation[]; positions: number[]; keys: string[] | null } {
    let cursor = 0;
    const keyOf = (operation: Operation) =>
      (operations[cursor] === operation ? keys?.[cursor] : undefined) ??
      this.searchKeys.get(operation);
    const matches = operationPredicate(filter, keyOf);
    const found: Operation[] = [];
    const foundPositions: number[] = [];
    const foundKeys: string[] | null = keys ? [] : null;
    for (cursor = 0; cursor < operations.length; cursor += 1) {
      const operation = operations[cursor];
      if (operation && matches(operation)) {
        found.push(operation);
        foundPositions.push(positions[cursor] ?? 0);
        foundKeys?.push(keys?.[cursor] ?? '');
      }
    }
    return { operations: found, positions: foundPositions, keys: foundKeys };
  }

  private keysOf(order: Order): string[] {
    if (!order.keys) {
      this.warmSearchKeys(() => false);
      const chronologicalKeys = this.chronologicalKeys;
      order.keys = Array.from(order.chronologicalIndex, (index) => chronologicalKeys[index] ?? '');
    }
    return order.keys;
  }

  private order(sort: OperationSort): Order {
    const name = `${sort.field}:${sort.direction}`;
    let order = this.orders.get(name);
    if (!order) {
      order = this.buildOrder(sort);
      this.orders.set(name, order);
    }
    return order;
  }

  private buildOrder(sort: OperationSort): Order {
    const n = this.chronological.length;
    const chronologicalIndex = new Uint32Array(n);
    if (sort.field === 'date') {
      for (let i = 0; i < n; i += 1)
        chronologicalIndex[i] = sort.direction === 'asc' ? i : n - 1 - i;
    } else {
      // Keys are laid out newest first, so position ties come out newest first.
      const newestFirst = [...this.chronological].reverse();
      const keys =
        sort.field === 'amount'
          ? Float64Array.from(newestFirst, (operation) => operation.amountMinor)
          : this.labelRanks.ranksOf(newestFirst.map((operation) => operation.label));
      const positions = orderByKey(keys, sort.direction === 'desc');
      for (let i = 0; i < n; i += 1) chronologicalIndex[i] = n - 1 - (positions[i] ?? 0);
    }
    const operations: Operation[] = [];
    for (const index of chronologicalIndex) {
      const operation = this.chronological[index];
      if (operation) operations.push(operation);
    }
    return { operations, chronologicalIndex, keys: null };
  }
}
