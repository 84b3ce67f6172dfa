import { daysBetween, type IsoDate } from '../ledger/dates.ts';
import type { OperationId } from '../ledger/ids.ts';
import type { Operation } from '../ledger/operation.ts';
import { foldText } from '../util/text.ts';
import type { StatementOperation } from './statement.ts';

/** What the preview says about one row of a file. */
export type ImportRowStatus = 'new' | 'duplicate' | 'possible_duplicate';

export interface PlannedImportRow {
  readonly row: StatementOperation;
  readonly status: ImportRowStatus;
  /** The operation already in the account that this row is (status 'duplicate'). */
  readonly duplicateOf: OperationId | null;
  /** The hand-typed operation this row probably is (status 'possible_duplicate'): offered as a merge. */
  readonly mergeCandidate: OperationId | null;
}

export interface ImportPlan {
  readonly rows: readonly PlannedImportRow[];
  readonly counts: Readonly<Record<ImportRowStatus, number>>;
}

/** The fields of an existing operation that matching looks at. */
export type ExistingOperation = Pick<
  Operation,
  'id' | 'date' | 'amountMinor' | 'rawLabel' | 'externalId' | 'origin' | 'importBatchId'
>;

/** Came from a bank file: imported, or hand-typed and since merged with a bank row. */
function isFromBank(op: ExistingOperation): boolean {
  return op.origin === 'import' || op.importBatchId !== null;
}

/** How far apart (in days) a bank row and a hand-typed entry may be and still be one purchase. */
export const MERGE_WINDOW_DAYS = 3;

/**
 * The form of a label used to recognise a row already imported: case, accents and spacing vary
 * between a bank's CSV and OFX exports of the same operation, the words and numbers do not.
 */
export function matchingLabel(label: string): string {
  return foldText(label).replace(/\s+/g, ' ').trim();
}

function contentKey(date: IsoDate, amountMinor: number, label: string): string {
  return `${date}\u0000${amountMinor}\u0000${matchingLabel(label)}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Sorts a file's rows against what the account already holds. Rules, in order:
 * 1. A row with the bank's id is a duplicate of an imported operation with that id and amount:
 *    preferably the one with the same date and label, then the same date, then any (the bank
 *    moved the booking date). Some banks reuse ids across days, so the amount must always agree.
 * 2. Otherwise date + amount + normalised label, counted: the n-th identical row of the file is a
 *    duplicate only if the account already holds n such operations. Two identical real purchases
 *    on one day therefore both stay, and re-importing the file adds nothing. Two rows that both
 *    carry bank ids are never matched this way: distinct ids mean distinct operations.
 * 3. Otherwise a hand-typed (or transfer) operation with the same amount within ±3 days is a
 *    possible duplicate, offered as a merge; the nearest in date wins, each claimed once.
 * 4. Otherwise the row is new.
 * Each level of evidence runs over the whole file before the next, looser one, so a loose match
 * never takes the operation that another row matches exactly; this is what makes importing a
 * file a second time add nothing, whatever its ids (see the property test).
 * `existing` is the target account's operations, plus the rows of files planned earlier in the
 * same import (so two overlapping files dropped together do not duplicate each other).
 */
export function planImport(
  existing: readonly ExistingOperation[],
  rows: readonly StatementOperation[],
): ImportPlan {
  const byExternalId = new Map<string, ExistingOperation[]>();
  const byContent = new Map<string, ExistingOperation[]>();
  const handTypedByAmount = new Map<number, ExistingOperation[]>();
  for (const op of existing) {
    if (isFromBank(op)) {
      if (op.externalId !== null) push(byExternalId, op.externalId, op);
      push(byContent, contentKey(op.date, op.amountMinor, op.rawLabel), op);
    } else {
      push(handTypedByAmount, op.amountMinor, op);
    }
  }
  const claimed = new Set<OperationId>();
  const claim = (
    candidates: readonly ExistingOperation[] | undefined,
    accept: (op: ExistingOperation) => boolean,
  ) => {
    const found = candidates?.find((op) => !claimed.has(op.id) && accept(op));
    if (found) claimed.add(found.id);
    return found ?? null;
  };

  // Strongest evidence first, over the whole file, so a weak match of one row can never take the
  // operation that another row matches exactly (banks reuse ids across days with equal amounts).
  const sameId = (row: StatementOperation, op: ExistingOperation) =>
    op.amountMinor === row.amountMinor && op.externalId === row.externalId;
  const passes: ((row: StatementOperation) => ExistingOperation | null)[] = [
    (row) =>
      row.externalId === null
        ? null
        : claim(
            byContent.get(contentKey(row.date, row.amountMinor, row.label)),
            (op) => op.externalId === row.externalId,
          ),
    (row) =>
      row.externalId === null
        ? null
        : claim(byExternalId.get(row.externalId), (op) => sameId(row, op) && op.date === row.date),
    (row) =>
      row.externalId === null
        ? null
        : claim(byExternalId.get(row.externalId), (op) => sameId(row, op)),
    (row) =>
      claim(
        byContent.get(contentKey(row.date, row.amountMinor, row.label)),
        (op) => row.externalId === null || op.externalId === null,
      ),
  ];

  const duplicates = new Array<ExistingOperation | null>(rows.length).fill(null);
  for (const pass of passes) {
    rows.forEach((row, index) => {
      if (duplicates[index] === null) duplicates[index] = pass(row);
    });
  }

  const planned = rows.map((row, index): PlannedImportRow => {
    const duplicate = duplicates[index];
    if (duplicate)
      return { row, status: 'duplicate', duplicateOf: duplicate.id, mergeCandidate: null };
    const handTyped = nearestHandTyped(handTypedByAmount.get(row.amountMinor), row.date, claimed);
    if (handTyped) {
      claimed.add(handTyped.id);
      return { row, status: 'possible_duplicate', duplicateOf: null, mergeCandidate: handTyped.id };
    }
    return { row, status: 'new', duplicateOf: null, mergeCandidate: null };
  });

  const counts = { new: 0, duplicate: 0, possible_duplicate: 0 };
  for (const row of planned) counts[row.status] += 1;
  return { rows: planned, counts };
}

function nearestHandTyped(
  candidates: readonly ExistingOperation[] | undefined,
  date: IsoDate,
  claimed: ReadonlySet<OperationId>,
): ExistingOperation | null {
  let best: ExistingOperation | null = null;
  let bestDistance = MERGE_WINDOW_DAYS + 1;
  for (const op of candidates ?? []) {
    if (claimed.has(op.id)) continue;
    const distance = Math.abs(daysBetween(op.date, date));
    if (distance < bestDistance) {
      best = op;
      bestDistance = distance;
    }
  }
  return best;
}
