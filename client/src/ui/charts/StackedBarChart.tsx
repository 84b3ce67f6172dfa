import { ZERO, type CurrencyCode, type MinorUnits, type YearMonth } from '@tirelire/shared';
import { useMemo } from 'preact/hooks';
import { formatAmount } from '../format.ts';
import { useLanguage } from '../i18n/i18n.ts';
import { Axes, type PlotArea } from './Axes.tsx';
import { formatChartMonth } from './axis-format.ts';
import type { BarSeries } from './BarChart.tsx';
import { ChartFrame, type ChartTooltip } from './ChartFrame.tsx';
import { useChartCursor, useElementWidth } from './hooks.ts';
import { bandAt, labelStride, linearScale, niceTicks } from './scale.ts';

interface StackedBarChartProps {
  readonly name: string;
  readonly summary: string;
  readonly months: readonly YearMonth[];
  /** Stacked from the bottom up, in this order. */
  readonly series: readonly BarSeries[];
  /** One per month: the height of each stack, and the tooltip's last line. */
  readonly totals: readonly MinorUnits[];
  readonly totalLabel: string;
  readonly currency: CurrencyCode;
}

const HEIGHT = 260;
const MARGIN = { top: 14, right: 18, bottom: 30, left: 70 } as const;

/** One bar per month made of each series' part, for "what the month's total was made of". */
export function StackedBarChart(props: StackedBarChartProps) {
  const language = useLanguage();
  const [frameRef, width] = useElementWidth<HTMLDivElement>(640);
  const count = props.months.length;
  const area: PlotArea = {
    left: MARGIN.left,
    right: Math.max(MARGIN.left + 1, width - MARGIN.right),
    top: MARGIN.top,
    bottom: HEIGHT - MARGIN.bottom,
  };
  const band = (area.right - area.left) / Math.max(1, count);
  const center = (index: number) => area.left + band * (index + 0.5);

  const geometry = useMemo(() => {
    const max = props.totals.reduce<number>((highest, value) => Math.max(highest, value), 0);
    const ticks = niceTicks(0, Math.max(1, max), 5);
    const y = linearScale([0, ticks.at(-1) ?? max], [area.bottom, area.top]);
    const stride = labelStride(count, area.right - area.left, 64);
    // Each segment starts where the one below ended: running sums per month, in series order.
    const floors = new Array<number>(count).fill(0);
    const segments = props.series.map((series) => ({
      key: series.key,
      color: series.color,
      bars: series.values.map((value, index) => {
        const base = floors[index] ?? 0;
        floors[index] = base + value;
        return { index, top: y(base + value), bottom: y(base) };
      }),
    }));
    return {
      ticks,
      y,
      segments,
      monthLabels: props.months.flatMap((month, index) =>
        (count - 1 - index) % stride === 0
          ? [{ key: month, x: center(index), text: formatChartMonth(month, language, 'axis') }]
          : [],
      ),
    };
    // `band`, `center` and `area` derive from `width` and the months, both listed.
  }, [props.series, props.totals, props.months, width, language]);

  const cursor = useChartCursor(count, (px) => bandAt(px, area.left, area.right, count));
  const month = cursor.index === null ? undefined : props.months[cursor.index];
  const at = cursor.index ?? 0;
  const tooltip: ChartTooltip | null =
    cursor.index === null || month === undefined
      ? null
      : {
          title: formatChartMonth(month, language, 'long'),
          x: center(at),
          // Top of the stack first, as it is drawn.
          rows: [
            ...[...props.series]
              .reverse()
              .filter((series) => (series.values[at] ?? 0) > 0)
              .map((series) => ({
                key: series.key,
                label: series.label,
                color: series.color,
                value: formatAmount(series.values[at] ?? ZERO, props.currency, language),
              })),
            {
              key: '__total__',
              label: props.totalLabel,
              color: 'transparent',
              value: formatAmount(props.totals[at] ?? ZERO, props.currency, language),
            },
          ],
        };

  const barWidth = Math.max(1, band * 0.7);
  return (
    <ChartFrame
      name={props.name}
      summary={props.summary}
      width={width}
      height={HEIGHT}
      frameRef={frameRef}
      cursor={cursor}
      tooltip={tooltip}
    >
      {cursor.index !== null && (
        <rect
          class="chart-band"
          x={area.left + band * cursor.index}
          y={area.top}
          width={band}
          height={area.bottom - area.top}
          aria-hidden="true"
        />
      )}
      <Axes
        area={area}
        ticks={geometry.ticks}
        y={geometry.y}
        currency={props.currency}
        monthLabels={geometry.monthLabels}
      />
      {geometry.segments.map((series) => (
        <g key={series.key} class="chart-stack" style={{ fill: series.color }} aria-hidden="true">
          {series.bars.map((bar) =>
            bar.bottom - bar.top <= 0 ? null : (
              <rect
                key={bar.index}
                x={center(bar.index) - barWidth / 2}
                y={bar.top}
                width={barWidth}
                height={bar.bottom - bar.top}
              />
            ),
          )}
        </g>
      ))}
    </ChartFrame>
  );
}
