import { useMemo, useState } from 'preact/hooks';
import type { CurrencyBalanceHistory } from '../../app/activity.ts';
import { formatChartMonth } from '../charts/axis-format.ts';
import { ChartTable } from '../charts/ChartTable.tsx';
import { LineChart, type LineSeries } from '../charts/LineChart.tsx';
import { formatAmount } from '../format.ts';
import { interpolate, useLanguage, useMessages } from '../i18n/i18n.ts';
import { activityMessages } from './messages.ts';
import { accountColor, TOTAL_COLOR } from './palette.ts';
import { SeriesToggles } from './SeriesToggles.tsx';
import { balanceSummary } from './summary.ts';

const TOTAL_KEY = 'total';

/** One currency's balance lines: an account per line plus their total, each one toggleable. */
export function BalanceChart({
  history,
  colorIndex,
}: {
  readonly history: CurrencyBalanceHistory;
  /** Colour position of each account, stable across currencies and periods. */
  readonly colorIndex: ReadonlyMap<string, number>;
}) {
  const t = useMessages(activityMessages);
  const language = useLanguage();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const { currency } = history;
  const totalLabel = interpolate(t.total, { currency });
  const chartName = interpolate(t.balanceChart, { currency });

  const allSeries = useMemo<LineSeries[]>(() => {
    const accounts = history.accounts.map((line) => ({
      key: line.account.id,
      label: line.account.name,
      color: accountColor(colorIndex.get(line.account.id) ?? 0),
      values: line.balances,
    }));
    // A total of one account is that account: no second line on top of it.
    if (accounts.length === 1) return accounts;
    return [
      ...accounts,
      {
        key: TOTAL_KEY,
        label: totalLabel,
        color: TOTAL_COLOR,
        values: history.total,
        isEmphasized: true,
      },
    ];
  }, [history, colorIndex, totalLabel]);
  const shown = useMemo(
    () => allSeries.filter((series) => !hidden.has(series.key)),
    [allSeries, hidden],
  );

  // Describe the total when it is drawn (or the only account): it is what people look at first.
  const described = shown.find((series) => series.key === TOTAL_KEY) ?? shown[0] ?? allSeries[0];
  const summary = described
    ? balanceSummary(t, language, described.label, history.months, described.values, currency)
    : chartName;

  const toggle = (key: string) =>
    setHidden((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <div class="activity-chart">
      {allSeries.length > 1 && (
        <SeriesToggles
          items={allSeries.map((series) => ({
            key: series.key,
            label: series.label,
            color: series.color,
            isShown: !hidden.has(series.key),
          }))}
          onToggle={toggle}
        />
      )}
      <LineChart
        name={chartName}
        summary={summary}
        months={history.months}
        series={shown}
        currency={currency}
      />
      <ChartTable
        caption={interpolate(t.balanceCaption, { currency })}
        columns={allSeries.map((series) => series.label)}
        rows={() =>
          history.months
            .map((month, index) => ({
              key: month,
              header: formatChartMonth(month, language, 'long'),
              cells: allSeries.map((series) => {
                const value = series.values[index];
                return value == null ? '—' : formatAmount(value, currency, language);
              }),
            }))
            // Most recent first: that is the month people look for.
            .reverse()
        }
      />
    </div>
  );
}
