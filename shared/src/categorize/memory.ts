import type { IsoDate } from '../ledger/dates.ts';
import type { CategoryId } from '../ledger/ids.ts';
import type { Operation } from '../ledger/operation.ts';
import { normalizeLabel } from './normalize.ts';

/**
 * Merchant memory (docs/categorisation.md), derived from the ledger and never stored on its own:
 * every operation whose category the person chose (`categorySource: 'user'`) teaches
 * "merchant key of its raw label → that category". One confirmation is enough, and the latest
 * wins: the operation updated last, then (on a tie) the later date, then the larger id. Labels
 * that normalise to no merchant key (a bare "CHQ 1234567") teach nothing.
 */
export interface MerchantMemoryEntry {
  readonly categoryId: CategoryId;
  /** The date of the operation that set it. */
  readonly confirmedOn: IsoDate;
  /** How many confirmed operations of this merchant carry this category. */
  readonly count: number;
}

export type MerchantMemory = ReadonlyMap<string, MerchantMemoryEntry>;

/** What memory says about one label. */
export interface MemoryRecall extends MerchantMemoryEntry {
  readonly merchantKey: string;
}

type Confirmed = Operation & { readonly categoryId: CategoryId };

function isConfirmed(operation: Operation): operation is Confirmed {
  return operation.categorySource === 'user' && operation.categoryId !== null;
}

/** Whether `a` is a later confirmation than `b`. */
function isLater(a: Operation, b: Operation): boolean {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt;
  if (a.date !== b.date) return a.date > b.date;
  return a.id > b.id;
}

export function buildMerchantMemory(operations: readonly Operation[]): MerchantMemory {
  const byMerchant = new Map<string, Confirmed[]>();
  for (const operation of operations) {
    if (!isConfirmed(operation)) continue;
    const key = normalizeLabel(operation.rawLabel).merchantKey;
    if (key === '') continue;
    const confirmed = byMerchant.get(key);
    if (confirmed) confirmed.push(operation);
    else byMerchant.set(key, [operation]);
  }
  const memory = new Map<string, MerchantMemoryEntry>();
  for (const [key, confirmed] of byMerchant) {
    let latest = confirmed[0]!;
    for (const operation of confirmed) if (isLater(operation, latest)) latest = operation;
    const count = confirmed.filter((o) => o.categoryId === latest.categoryId).length;
    memory.set(key, { categoryId: latest.categoryId, confirmedOn: latest.date, count });
  }
  return memory;
}

/**
 * The memory right after the person confirmed `operation`'s category, without rebuilding it:
 * the instant reaction to a correction. The same memory when the operation teaches nothing (not
 * the person's choice, or no merchant key). `count` grows when the category is the remembered
 * one and restarts at 1 otherwise; confirming one operation twice counts it twice until the next
 * {@link buildMerchantMemory}.
 */
export function rememberConfirmation(memory: MerchantMemory, operation: Operation): MerchantMemory {
  if (!isConfirmed(operation)) return memory;
  const key = normalizeLabel(operation.rawLabel).merchantKey;
  if (key === '') return memory;
  const current = memory.get(key);
  const count = current?.categoryId === operation.categoryId ? current.count + 1 : 1;
  const updated = new Map(memory);
  updated.set(key, { categoryId: operation.categoryId, confirmedOn: operation.date, count });
  return updated;
}

/** What memory remembers for a merchant key, or null. */
export function recallMerchant(memory: MerchantMemory, merchantKey: string): MemoryRecall | null {
  if (merchantKey === '') return null;
  const entry = memory.get(merchantKey);
  return entry ? { merchantKey, ...entry } : null;
}

/** What memory remembers for a raw label's merchant, or null. */
export function recall(memory: MerchantMemory, rawLabel: string): MemoryRecall | null {
  return recallMerchant(memory, normalizeLabel(rawLabel).merchantKey);
}
