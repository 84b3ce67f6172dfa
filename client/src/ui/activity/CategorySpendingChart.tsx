import { categoryName, ZERO, type Language } from '@tirelire/shared';
import { useMemo } from 'preact/hooks';
import type { BarSeries } from '../charts/BarChart.tsx';
import { formatChartMonth } from '../charts/axis-format.ts';
import { ChartTable } from '../charts/ChartTable.tsx';
import { StackedBarChart } from '../charts/StackedBarChart.tsx';
import { formatAmount } from '../format.ts';
import { interpolate, useLanguage, useMessages, type Messages } from '../i18n/i18n.ts';
import { activityMessages } from './messages.ts';
import { OTHER_COLOR, UNCATEGORISED_COLOR } from './palette.ts';
import type { CurrencySpending, SpendingSeries } from './spending-by-category.ts';

type ActivityMessages = Messages<keyof (typeof activityMessages)['en']>;

/** How many categories the chart's text alternative names. */
const SUMMARY_CATEGORIES = 3;

function seriesLabel(series: SpendingSeries, language: Language, t: ActivityMessages): string {
  if (series.kind === 'other') return t.otherCategories;
  if (series.kind === 'uncategorised' || !series.category) return t.uncategorised;
  return categoryName(series.category, language);
}

function seriesColor(series: SpendingSeries): string {
  if (series.kind === 'other') return OTHER_COLOR;
  if (series.kind === 'uncategorised' || !series.category) return UNCATEGORISED_COLOR;
  return series.category.color;
}

/** One currency's spending of the last 12 months, stacked by category, with its figures table. */
export function CategorySpendingChart({ spending }: { readonly spending: CurrencySpending }) {
  const t = useMessages(activityMessages);
  const language = useLanguage();
  const { currency, months } = spending;
  const amount = (value: SpendingSeries['total']) => formatAmount(value, currency, language);
  const series = useMemo<BarSeries[]>(
    () =>
      spending.series.map((entry) => ({
        key: entry.key,
        label: seriesLabel(entry, language, t),
        color: seriesColor(entry),
        values: entry.values,
      })),
    [spending, language, t],
  );
  const largest = spending.series
    .filter((entry) => entry.kind === 'category')
    .slice(0, SUMMARY_CATEGORIES)
    .map((entry) => `${seriesLabel(entry, language, t)} ${amount(entry.total)}`)
    .join(', ');
  const summary = interpolate(t.categorySummary, {
    months: months.length,
    total: amount(spending.total),
    largest: largest || t.uncategorised,
  });

  return (
    <div class="activity-chart" data-testid="category-spending" data-currency={currency}>
      <ul class="category-legend" aria-label={interpolate(t.categoryChart, { currency })}>
        {spending.series.map((entry, index) => (
          <li key={entry.key}>
            <span
              class="chart-swatch"
              style={{ background: series[index]?.color }}
              aria-hidden="true"
            />
            {series[index]?.label} <span class="amount muted">{amount(entry.total)}</span>
          </li>
        ))}
      </ul>
      <StackedBarChart
        name={interpolate(t.categoryChart, { currency })}
        summary={summary}
        months={months}
        series={series}
        totals={spending.monthTotals}
        totalLabel={t.monthTotal}
        currency={currency}
      />
      <ChartTable
        caption={interpolate(t.categoryCaption, { currency })}
        columns={[...series.map((entry) => entry.label), t.monthTotal]}
        rows={() =>
          months
            .map((month, index) => ({
              key: month,
              header: formatChartMonth(month, language, 'long'),
              cells: [
                ...spending.series.map((entry) => amount(entry.values[index] ?? ZERO)),
                amount(spending.monthTotals[index] ?? ZERO),
              ],
            }))
            .reverse()
        }
      />
    </div>
  );
}
