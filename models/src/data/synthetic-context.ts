import { isoDate, type IsoDate } from '@tirelire/shared';
import type { Random } from '../train/random.ts';

/**
 * The labelled data has labels only, but features also read the amount's sign and size and the
 * day of the month. We draw them so the model never sees a feature value at inference it never
 * saw in training, while teaching it nothing we made up: the size is drawn the same way for every
 * category (log-uniform, 1 to 2,000 in major units) and the day uniformly. Only the sign follows
 * the category, as real ledgers do: income comes in, spending goes out, with a few refunds.
 */
const SHARE_POSITIVE: Readonly<Record<string, number>> = {
  income: 1,
  transfers_savings: 0.5,
  health: 0.25,
  cash: 0,
};
const DEFAULT_SHARE_POSITIVE = 0.03;

export function syntheticAmountMinor(categoryId: string, random: Random): number {
  const major = Math.exp(random.next() * Math.log(2000));
  const minor = Math.max(1, Math.round(major * 100));
  const positive = random.chance(SHARE_POSITIVE[categoryId] ?? DEFAULT_SHARE_POSITIVE);
  return positive ? minor : -minor;
}

export function syntheticDate(random: Random): IsoDate {
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  return isoDate(`2025-${month}-${day}`);
}
