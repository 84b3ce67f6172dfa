import { foldText, type CategoryId, type Operation } from '@tirelire/shared';
import type { Suggestion } from '@tirelire/shared/categorize';
import type { ReviewItem } from '../../app/categorization.ts';
import { ALTERNATIVE_COUNT } from './review-keys.ts';

/** The review queue is paged: thousands of items would make every keystroke re-render them all. */
export const REVIEW_PAGE_SIZE = 100;

export interface ReviewEntry {
  readonly item: ReviewItem;
  /** Position in the shown list, across groups: what the keys move through. */
  readonly index: number;
}

export interface ReviewGroup {
  /** The merchant key ("monop"), or the label when normalisation leaves nothing. */
  readonly merchant: string;
  readonly entries: readonly ReviewEntry[];
}

/**
 * The first `limit` items of the queue, grouped by merchant in the queue's order (the queue is
 * sorted by what settling a merchant is worth, so a merchant's items are together already; ties
 * between merchants of equal weight are gathered here). Indices follow the grouped order.
 */
export function groupByMerchant(
  items: readonly ReviewItem[],
  limit: number,
  merchantOf: (operation: Operation) => string,
): ReviewGroup[] {
  const groups = new Map<string, ReviewItem[]>();
  for (const item of items.slice(0, limit)) {
    const merchant = merchantOf(item.operation);
    const group = groups.get(merchant);
    if (group) group.push(item);
    else groups.set(merchant, [item]);
  }
  let index = 0;
  return [...groups].map(([merchant, groupItems]) => ({
    merchant,
    entries: groupItems.map((item) => ({ item, index: index++ })),
  }));
}

/**
 * The category an item shows and "Accept" settles on: the one applied automatically if any
 * (confirmed as shown), else the suggestion's; null when there is nothing to accept yet.
 */
export function shownCategoryOf(item: ReviewItem): CategoryId | null {
  return item.operation.categoryId ?? item.suggestion?.categoryId ?? null;
}

/** The alternatives offered as buttons: the model's most likely categories but the shown one. */
export function alternativesOf(
  suggestion: Suggestion | undefined,
  shown: CategoryId | null,
  exists: (categoryId: CategoryId) => boolean,
): CategoryId[] {
  if (!suggestion) return [];
  return suggestion.alternatives
    .map((alternative) => alternative.categoryId)
    .filter((categoryId, position, all) => all.indexOf(categoryId) === position)
    .filter((categoryId) => categoryId !== shown && exists(categoryId))
    .slice(0, ALTERNATIVE_COUNT);
}

/**
 * The "label contains" text a rule made from a merchant starts with. The merchant key is what
 * normalisation kept ("PRLV RELEVE CARTE VISA" → "releve visa"), which is not always a piece of
 * the labels themselves; a rule compares with the labels, so then the key's longest word found
 * in every label is used instead. The person sees the preview and can change it before saving.
 */
export function ruleTextFor(merchantKey: string, labels: readonly string[]): string {
  const folded = labels.map((label) => foldText(label));
  const isInAll = (text: string) => folded.every((label) => label.includes(text));
  if (isInAll(merchantKey)) return merchantKey;
  const words = merchantKey.split(' ').sort((a, b) => b.length - a.length);
  return words.find((word) => word !== '' && isInAll(word)) ?? merchantKey;
}
