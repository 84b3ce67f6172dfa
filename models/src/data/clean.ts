import { categoryId, type CategoryId } from '@tirelire/shared';
import { normalizeLabel } from '@tirelire/shared/categorize';
import type { LabelledRow } from './cozy.ts';

/** A distinct label with the category its rows agree on (by majority). */
export interface CleanLabel {
  readonly label: string;
  readonly categoryId: CategoryId;
  /** How many rows of the file carry it: repeated operations of the same merchant. */
  readonly occurrences: number;
  /** Line of its first row, to keep file order. */
  readonly firstLine: number;
}

export interface ConflictReport {
  /** Distinct labels whose rows disagree on the category. */
  readonly conflicting: number;
  /** Of those, resolved by a strict majority. */
  readonly resolved: number;
  /** Of those, dropped because the top categories tie. */
  readonly dropped: number;
}

/** Identical labels are the same text once case and spacing are ignored. */
export function labelIdentity(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toUpperCase();
}

/**
 * One entry per distinct label: when its rows disagree, the majority category wins; a tie means
 * nobody knows, so the label is dropped rather than given a coin-flip truth.
 */
export function resolveConflicts(rows: readonly LabelledRow[]): {
  labels: CleanLabel[];
  report: ConflictReport;
} {
  const groups = new Map<string, { first: LabelledRow; votes: Map<CategoryId, number> }>();
  for (const row of rows) {
    const key = labelIdentity(row.label);
    const group = groups.get(key) ?? { first: row, votes: new Map<CategoryId, number>() };
    group.votes.set(row.categoryId, (group.votes.get(row.categoryId) ?? 0) + 1);
    groups.set(key, group);
  }
  const labels: CleanLabel[] = [];
  let conflicting = 0;
  let dropped = 0;
  for (const { first, votes } of groups.values()) {
    const ranked = [...votes].sort((a, b) => b[1] - a[1]);
    const [winner, runnerUp] = ranked;
    if (!winner) continue;
    if (runnerUp) conflicting++;
    if (runnerUp && runnerUp[1] === winner[1]) {
      dropped++;
      continue;
    }
    const occurrences = ranked.reduce((sum, [, count]) => sum + count, 0);
    labels.push({ label: first.label, categoryId: winner[0], occurrences, firstLine: first.line });
  }
  labels.sort((a, b) => a.firstLine - b.firstLine);
  return { labels, report: { conflicting, resolved: conflicting - dropped, dropped } };
}

const CASH = categoryId('cash');

/**
 * Cozy sometimes files a cash withdrawal under what the cash was for ("RETRAIT ... " as travel
 * or services); our taxonomy files every ATM withdrawal as cash. The operation kind comes from
 * the shared normaliser, so "withdrawal" means what it means in the app.
 */
export function withdrawalsAsCash(labels: readonly CleanLabel[]): {
  labels: CleanLabel[];
  relabelled: number;
} {
  let relabelled = 0;
  const out = labels.map((label) => {
    if (label.categoryId === CASH || normalizeLabel(label.label).kind !== 'withdrawal')
      return label;
    relabelled++;
    return { ...label, categoryId: CASH };
  });
  return { labels: out, relabelled };
}
