import { ZERO, type CurrencyCode, type MinorUnits, type YearMonth } from '@tirelire/shared';
import { useMemo } from 'preact/hooks';
import { formatAmount } from '../format.ts';
import { useLanguage } from '../i18n/i18n.ts';
import { Axes, type PlotArea } from './Axes.tsx';
import { formatChartMonth } from './axis-format.ts';
import { ChartFrame, type ChartTooltip } from './ChartFrame.tsx';
import { useChartCursor, useElementWidth } from './hooks.ts';
import { bandAt, labelStride, linearScale, niceTicks } from './scale.ts';

export interface BarSeries {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  /** One non-negative value per month. */
  readonly values: readonly MinorUnits[];
}

interface BarChartProps {
  readonly name: string;
  readonly summary: string;
  readonly months: readonly YearMonth[];
  /** Drawn side by side within each month. */
  readonly series: readonly BarSeries[];
  readonly currency: CurrencyCode;
}

const HEIGHT = 240;
const MARGIN = { top: 14, right: 18, bottom: 30, left: 70 } as const;

export function BarChart(props: BarChartProps) {
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
    let max = 0;
    for (const series of props.series)
      for (const value of series.values) max = Math.max(max, value);
    const ticks = niceTicks(0, Math.max(1, max), 5);
    const y = linearScale([0, ticks.at(-1) ?? max], [area.bottom, area.top]);
    // Bars take 80% of a month's band, split between the series; a 1px floor keeps thin ones visible.
    const barWidth = Math.max(1, (band * 0.8) / Math.max(1, props.series.length));
    const stride = labelStride(count, area.right - area.left, 64);
    return {
      ticks,
      y,
      barWidth,
      monthLabels: props.months.flatMap((month, index) =>
        (count - 1 - index) % stride === 0
          ? [{ key: month, x: center(index), text: formatChartMonth(month, language, 'axis') }]
          : [],
      ),
    };
    // `band`, `center` and `area` derive from `width` and the months, both listed.
  }, [props.series, props.months, width, language]);

  const cursor = useChartCursor(count, (px) => bandAt(px, area.left, area.right, count));
  const month = cursor.index === null ? undefined : props.months[cursor.index];
  const tooltip: ChartTooltip | null =
    cursor.index === null || month === undefined
      ? null
      : {
          title: formatChartMonth(month, language, 'long'),
          x: center(cursor.index),
          rows: props.series.map((series) => ({
            key: series.key,
            label: series.label,
            color: series.color,
            value: formatAmount(series.values[cursor.index ?? 0] ?? ZERO, props.currency, language),
          })),
        };

  const groupWidth = geometry.barWidth * props.series.length;
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
      {props.series.map((series, seriesIndex) => (
        <g key={series.key} style={{ fill: series.color }} aria-hidden="true">
          {series.values.map((value, index) => {
            const top = geometry.y(value);
            return (
              <rect
                key={props.months[index]}
                x={center(index) - groupWidth / 2 + seriesIndex * geometry.barWidth}
                y={top}
                width={Math.max(1, geometry.barWidth - 1)}
                height={Math.max(0, area.bottom - top)}
              />
            );
          })}
        </g>
      ))}
    </ChartFrame>
  );
}
