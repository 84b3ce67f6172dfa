import type { CurrencyCode, Language, MinorUnits, MonthlyFlow, YearMonth } from '@tirelire/shared';
import { flowTotals } from '../../app/activity.ts';
import { formatChartMonth } from '../charts/axis-format.ts';
import { formatAmount } from '../format.ts';
import { interpolate, type Messages } from '../i18n/i18n.ts';
import type { activityMessages } from './messages.ts';

type ActivityMessages = Messages<keyof (typeof activityMessages)['en']>;

interface Extreme {
  readonly index: number;
  readonly value: MinorUnits;
}

/** First, last, lowest and highest defined values; the earliest month wins a tie. */
export function extremes(values: readonly (MinorUnits | null)[]): {
  readonly first: Extreme;
  readonly last: Extreme;
  readonly min: Extreme;
  readonly max: Extreme;
} | null {
  let first: Extreme | null = null;
  let last: Extreme | null = null;
  let min: Extreme | null = null;
  let max: Extreme | null = null;
  values.forEach((value, index) => {
    if (value === null) return;
    const point = { index, value };
    first ??= point;
    last = point;
    if (min === null || value < min.value) min = point;
    if (max === null || value > max.value) max = point;
  });
  return first && last && min && max ? { first, last, min, max } : null;
}

/** The balance chart's text alternative: where the line starts, ends, and its extremes. */
export function balanceSummary(
  t: ActivityMessages,
  language: Language,
  name: string,
  months: readonly YearMonth[],
  values: readonly (MinorUnits | null)[],
  currency: CurrencyCode,
): string {
  const points = extremes(values);
  if (!points) return name;
  const amount = (point: Extreme) => formatAmount(point.value, currency, language);
  const month = (point: Extreme) => formatChartMonth(months[point.index] ?? '', language, 'long');
  return interpolate(t.balanceSummary, {
    name,
    from: amount(points.first),
    fromMonth: month(points.first),
    to: amount(points.last),
    toMonth: month(points.last),
    min: amount(points.min),
    minMonth: month(points.min),
    max: amount(points.max),
    maxMonth: month(points.max),
  });
}

/** The bar chart's text alternative: the period's totals and its most expensive month. */
export function flowsSummary(
  t: ActivityMessages,
  language: Language,
  flows: readonly MonthlyFlow[],
  currency: CurrencyCode,
): string {
  const totals = flowTotals(flows);
  const peak = extremes(flows.map((flow) => flow.spendingMinor));
  const amount = (value: MinorUnits, signed = false) =>
    formatAmount(value, currency, language, { signed });
  return interpolate(t.flowsSummary, {
    months: flows.length,
    income: amount(totals.incomeMinor),
    spending: amount(totals.spendingMinor),
    net: amount(totals.netMinor, true),
    maxSpending: peak ? amount(peak.max.value) : amount(totals.spendingMinor),
    maxSpendingMonth: formatChartMonth(flows[peak?.max.index ?? 0]?.month ?? '', language, 'long'),
  });
}
