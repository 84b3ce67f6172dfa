import { useMemo } from 'preact/hooks';
import { flowTotals, type CurrencyFlowHistory } from '../../app/activity.ts';
import { BarChart, type BarSeries } from '../charts/BarChart.tsx';
import { formatChartMonth } from '../charts/axis-format.ts';
import { ChartTable } from '../charts/ChartTable.tsx';
import { formatAmount } from '../format.ts';
import { interpolate, useLanguage, useMessages } from '../i18n/i18n.ts';
import { activityMessages } from './messages.ts';
import { INCOME_COLOR, SPENDING_COLOR } from './palette.ts';
import { flowsSummary } from './summary.ts';

/** One currency's monthly income and spending, side by side, with the period's totals. */
export function FlowChart({ history }: { readonly history: CurrencyFlowHistory }) {
  const t = useMessages(activityMessages);
  const language = useLanguage();
  const { currency, flows } = history;
  const months = useMemo(() => flows.map((flow) => flow.month), [flows]);
  const series = useMemo<BarSeries[]>(
    () => [
      {
        key: 'income',
        label: t.income,
        color: INCOME_COLOR,
        values: flows.map((f) => f.incomeMinor),
      },
      {
        key: 'spending',
        label: t.spending,
        color: SPENDING_COLOR,
        values: flows.map((f) => f.spendingMinor),
      },
    ],
    [flows, t],
  );
  const totals = flowTotals(flows);
  const amount = (value: (typeof totals)['netMinor'], signed = false) =>
    formatAmount(value, currency, language, { signed });

  return (
    <div class="activity-chart">
      <div class="flow-legend" aria-hidden="true">
        {series.map((item) => (
          <span key={item.key}>
            <span class="chart-swatch" style={{ background: item.color }} />
            {item.label}
          </span>
        ))}
      </div>
      <BarChart
        name={interpolate(t.flowsChart, { currency })}
        summary={flowsSummary(t, language, flows, currency)}
        months={months}
        series={series}
        currency={currency}
      />
      <p class="flow-totals-title muted">{t.flowsTotals}</p>
      <dl class="flow-totals">
        <div>
          <dt>{t.income}</dt>
          <dd class="amount positive">{amount(totals.incomeMinor)}</dd>
        </div>
        <div>
          <dt>{t.spending}</dt>
          <dd class="amount negative">{amount(totals.spendingMinor)}</dd>
        </div>
        <div>
          <dt>{t.net}</dt>
          <dd class={`amount ${totals.netMinor < 0 ? 'negative' : 'positive'}`}>
            {amount(totals.netMinor, true)}
          </dd>
        </div>
      </dl>
      <ChartTable
        caption={interpolate(t.flowsCaption, { currency })}
        columns={[t.income, t.spending, t.net]}
        rows={() =>
          flows
            .map((flow) => ({
              key: flow.month,
              header: formatChartMonth(flow.month, language, 'long'),
              cells: [
                amount(flow.incomeMinor),
                amount(flow.spendingMinor),
                amount(flowTotals([flow]).netMinor, true),
              ],
            }))
            .reverse()
        }
      />
    </div>
  );
}
