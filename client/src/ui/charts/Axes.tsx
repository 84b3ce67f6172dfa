import type { CurrencyCode } from '@tirelire/shared';
import { useLanguage } from '../i18n/i18n.ts';
import { formatAxisAmount } from './axis-format.ts';
import type { Scale } from './scale.ts';

export interface PlotArea {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface MonthLabel {
  readonly key: string;
  readonly x: number;
  readonly text: string;
}

interface AxesProps {
  readonly area: PlotArea;
  readonly ticks: readonly number[];
  readonly y: Scale;
  readonly currency: CurrencyCode;
  readonly monthLabels: readonly MonthLabel[];
}

/** Horizontal grid with amount labels, a stronger zero line, and month labels underneath. */
export function Axes({ area, ticks, y, currency, monthLabels }: AxesProps) {
  const language = useLanguage();
  return (
    <g aria-hidden="true" class="chart-axes">
      {ticks.map((tick) => (
        <g key={tick}>
          <line
            class={tick === 0 ? 'chart-zero' : 'chart-grid'}
            x1={area.left}
            x2={area.right}
            y1={y(tick)}
            y2={y(tick)}
          />
          <text class="chart-label" x={area.left - 8} y={y(tick)} text-anchor="end" dy="0.32em">
            {formatAxisAmount(tick, currency, language)}
          </text>
        </g>
      ))}
      {monthLabels.map((label) => (
        <text
          key={label.key}
          class="chart-label"
          x={label.x}
          y={area.bottom + 18}
          text-anchor="middle"
        >
          {label.text}
        </text>
      ))}
    </g>
  );
}
