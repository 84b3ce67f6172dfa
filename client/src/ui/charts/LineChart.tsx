import type { CurrencyCode, MinorUnits, YearMonth } from '@tirelire/shared';
import { useMemo } from 'preact/hooks';
import { formatAmount } from '../format.ts';
import { useLanguage } from '../i18n/i18n.ts';
import { Axes, type PlotArea } from './Axes.tsx';
import { formatChartMonth } from './axis-format.ts';
import { ChartFrame, type ChartTooltip } from './ChartFrame.tsx';
import { useChartCursor, useElementWidth } from './hooks.ts';
import { indexAt, labelStride, linePath, linearScale, niceTicks } from './scale.ts';

export interface LineSeries {
  readonly key: string;
  readonly label: string;
  /** Any CSS colour, variables included. */
  readonly color: string;
  /** One value per month; null where the series has no value (before an account existed). */
  readonly values: readonly (MinorUnits | null)[];
  /** Drawn thicker: the total of the other lines. */
  readonly isEmphasized?: boolean;
}

interface LineChartProps {
  readonly name: string;
  readonly summary: string;
  readonly months: readonly YearMonth[];
  readonly series: readonly LineSeries[];
  readonly currency: CurrencyCode;
}

const HEIGHT = 260;
const MARGIN = { top: 14, right: 18, bottom: 30, left: 70 } as const;

export function LineChart(props: LineChartProps) {
  const language = useLanguage();
  const [frameRef, width] = useElementWidth<HTMLDivElement>(640);
  const count = props.months.length;
  const area: PlotArea = {
    left: MARGIN.left,
    right: Math.max(MARGIN.left + 1, width - MARGIN.right),
    top: MARGIN.top,
    bottom: HEIGHT - MARGIN.bottom,
  };
  const x = (index: number) =>
    count <= 1
      ? (area.left + area.right) / 2
      : area.left + (index * (area.right - area.left)) / (count - 1);

  // Geometry is recomputed only when data, width or language change, not on every hover.
  const geometry = useMemo(() => {
    let min = Infinity;
    let max = -Infinity;
    for (const series of props.series) {
      for (const value of series.values) {
        if (value === null) continue;
        if (value < min) min = value;
        if (value > max) max = value;
      }
    }
    if (min === Infinity) min = max = 0;
    const ticks = niceTicks(min, max, 5);
    const y = linearScale([ticks[0] ?? min, ticks.at(-1) ?? max], [area.bottom, area.top]);
    const stride = labelStride(count, area.right - area.left, 64);
    return {
      ticks,
      y,
      paths: props.series.map((series) => linePath(series.values, x, y)),
      monthLabels: props.months.flatMap((month, index) =>
        (count - 1 - index) % stride === 0
          ? [{ key: month, x: x(index), text: formatChartMonth(month, language, 'axis') }]
          : [],
      ),
    };
    // `x` and `area` derive from `width` and the months, both listed.
  }, [props.series, props.months, width, language]);

  const cursor = useChartCursor(count, (px) => indexAt(px, area.left, area.right, count));
  const month = cursor.index === null ? undefined : props.months[cursor.index];
  const tooltip: ChartTooltip | null =
    cursor.index === null || month === undefined
      ? null
      : {
          title: formatChartMonth(month, language, 'long'),
          x: x(cursor.index),
          rows: props.series.flatMap((series) => {
            const value = series.values[cursor.index ?? 0];
            return value === null || value === undefined
              ? []
              : [
                  {
                    key: series.key,
                    label: series.label,
                    color: series.color,
                    value: formatAmount(value, props.currency, language),
                  },
                ];
          }),
        };

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
      <Axes
        area={area}
        ticks={geometry.ticks}
        y={geometry.y}
        currency={props.currency}
        monthLabels={geometry.monthLabels}
      />
      {props.series.map((series, index) => (
        <path
          key={series.key}
          class={series.isEmphasized ? 'chart-line chart-line-total' : 'chart-line'}
          d={geometry.paths[index]}
          style={{ stroke: series.color }}
        />
      ))}
      {count === 1 &&
        props.series.map((series) =>
          series.values[0] == null ? null : (
            <circle
              key={series.key}
              cx={x(0)}
              cy={geometry.y(series.values[0])}
              r={4}
              style={{ fill: series.color }}
            />
          ),
        )}
      {cursor.index !== null && (
        <g class="chart-cursor" aria-hidden="true">
          <line x1={x(cursor.index)} x2={x(cursor.index)} y1={area.top} y2={area.bottom} />
          {props.series.map((series) => {
            const value = series.values[cursor.index ?? 0];
            return value == null ? null : (
              <circle
                key={series.key}
                cx={x(cursor.index ?? 0)}
                cy={geometry.y(value)}
                r={4.5}
                style={{ fill: series.color }}
              />
            );
          })}
        </g>
      )}
    </ChartFrame>
  );
}
