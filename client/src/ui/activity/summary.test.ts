import { currency, minor, type MinorUnits } from '@tirelire/shared';
import { describe, expect, it } from 'vitest';
import { activityMessages } from './messages.ts';
import { balanceSummary, extremes, flowsSummary } from './summary.ts';

const EUR = currency('EUR');
const amounts = (...values: (number | null)[]) =>
  values.map((value) => (value === null ? null : minor(value)));

describe('extremes', () => {
  it('skips missing months and keeps the earliest of equal values', () => {
    expect(extremes(amounts(null, 5, 2, 9, 2, null))).toEqual({
      first: { index: 1, value: 5 },
      last: { index: 4, value: 2 },
      min: { index: 2, value: 2 },
      max: { index: 3, value: 9 },
    });
    expect(extremes(amounts(null, null))).toBeNull();
  });
});

describe('summaries', () => {
  it('describe the balance line in words', () => {
    const text = balanceSummary(
      activityMessages.en,
      'en',
      'Total EUR',
      ['2024-01', '2024-02', '2024-03'],
      amounts(150_000, 90_000, 210_050),
      EUR,
    );
    expect(text).toBe(
      'Total EUR went from €1,500.00 in January 2024 to €2,100.50 in March 2024. Lowest: €900.00 in February 2024; highest: €2,100.50 in March 2024.',
    );
  });

  it('describe income and spending in words, in French too', () => {
    const flows = [
      { month: '2024-01', incomeMinor: minor(300_000), spendingMinor: minor(120_000) },
      { month: '2024-02', incomeMinor: minor(0), spendingMinor: minor(250_000) },
    ];
    expect(flowsSummary(activityMessages.en, 'en', flows, EUR)).toBe(
      'Over 2 months: income €3,000.00, spending €3,700.00, net -€700.00. Highest spending: €2,500.00 in February 2024.',
    );
    const french = flowsSummary(activityMessages.fr, 'fr', flows, EUR).replace(
      /[\u202f\u00a0]/g,
      ' ',
    );
    expect(french).toContain('revenus 3 000,00 €');
    expect(french).toContain('février 2024');
  });

  it('name the chart when there is nothing to describe', () => {
    const none: (MinorUnits | null)[] = [null];
    expect(balanceSummary(activityMessages.en, 'en', 'Total EUR', ['2024-01'], none, EUR)).toBe(
      'Total EUR',
    );
  });
});
