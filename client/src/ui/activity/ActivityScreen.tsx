import { useComputed } from '@preact/signals';
import { useMemo, useState } from 'preact/hooks';
import {
  activityHistory,
  balancesInPeriod,
  flowsInPeriod,
  localMonth,
  PERIODS,
  type Period,
} from '../../app/activity.ts';
import { useMessages } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import { useServices } from '../services-context.ts';
import { BalanceChart } from './BalanceChart.tsx';
import { CategorySpendingChart } from './CategorySpendingChart.tsx';
import { FlowChart } from './FlowChart.tsx';
import { activityMessages } from './messages.ts';
import { spendingByCategory } from './spending-by-category.ts';
import './activity.css';

const PERIOD_LABELS = { '12': 'last12', '24': 'last24', all: 'allTime' } as const;

/** Charts of the whole ledger: balances over time, and income against spending each month. */
export function ActivityScreen() {
  const t = useMessages(activityMessages);
  const { state, ledger } = useServices();
  const [period, setPeriod] = useState<Period>('12');
  // Read once per visit: the screen does not need to roll over at midnight on the 1st.
  const today = useMemo(() => localMonth(ledger.clock.now()), [ledger.clock]);
  // Recomputed only when the ledger changes (a few ms at 100k operations); a period change
  // only slices the result below.
  const history = useComputed(() =>
    activityHistory(state.accounts.value, state.operationsByAccount.value, today),
  );
  // Always the last 12 months, whatever the period: a stack per month stays readable up to there.
  const categorySpending = useComputed(() =>
    spendingByCategory(state.operationsById.value.values(), state.categories.value, today),
  );
  const colorIndex = useComputed(
    () => new Map(state.accounts.value.map((account, index) => [account.id as string, index])),
  );

  if (!state.areOperationsLoaded.value) {
    return (
      <section aria-busy="true">
        <h1 tabIndex={-1}>{t.title}</h1>
        <p role="status">{t.loading}</p>
        <progress aria-label={t.loading} />
      </section>
    );
  }

  if (state.operationsById.value.size === 0) {
    return (
      <section>
        <h1 tabIndex={-1}>{t.title}</h1>
        <div class="card activity-empty">
          <h2>{t.emptyTitle}</h2>
          <p>{t.emptyBody}</p>
          <button type="button" onClick={() => navigate({ name: 'home' })}>
            {t.goToAccounts}
          </button>
        </div>
      </section>
    );
  }

  const { balances, flows } = history.value;
  const hasSeveralCurrencies = balances.length > 1;
  return (
    <section class="activity">
      <div class="activity-header">
        <h1 tabIndex={-1}>{t.title}</h1>
        <label class="activity-period">
          {t.period}
          <select
            value={period}
            onChange={(event) => {
              const chosen = event.currentTarget.value;
              setPeriod(PERIODS.find((value) => value === chosen) ?? '12');
            }}
          >
            {PERIODS.map((value) => (
              <option key={value} value={value}>
                {t[PERIOD_LABELS[value]]}
              </option>
            ))}
          </select>
        </label>
      </div>

      <section class="card activity-section" aria-labelledby="activity-balance">
        <h2 id="activity-balance">{t.balanceTitle}</h2>
        <p class="muted">{t.balanceIntro}</p>
        {balances.map((currencyHistory) => (
          <div key={currencyHistory.currency}>
            {hasSeveralCurrencies && <h3>{currencyHistory.currency}</h3>}
            <BalanceChart
              history={balancesInPeriod(currencyHistory, period)}
              colorIndex={colorIndex.value}
            />
          </div>
        ))}
      </section>

      <section class="card activity-section" aria-labelledby="activity-flows">
        <h2 id="activity-flows">{t.flowsTitle}</h2>
        <p class="muted">{t.flowsIntro}</p>
        {flows.map((currencyHistory) => (
          <div key={currencyHistory.currency}>
            {flows.length > 1 && <h3>{currencyHistory.currency}</h3>}
            <FlowChart history={flowsInPeriod(currencyHistory, period)} />
          </div>
        ))}
      </section>

      <section class="card activity-section" aria-labelledby="activity-categories">
        <h2 id="activity-categories">{t.categoryTitle}</h2>
        <p class="muted">{t.categoryIntro}</p>
        {categorySpending.value.length === 0 && <p>{t.categoryEmpty}</p>}
        {categorySpending.value.map((spending) => (
          <div key={spending.currency}>
            {categorySpending.value.length > 1 && <h3>{spending.currency}</h3>}
            <CategorySpendingChart spending={spending} />
          </div>
        ))}
      </section>
    </section>
  );
}
