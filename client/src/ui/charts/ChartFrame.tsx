import type { ComponentChildren, RefObject } from 'preact';
import { interpolate, useMessages } from '../i18n/i18n.ts';
import type { ChartCursor } from './hooks.ts';
import { chartMessages } from './messages.ts';
import './charts.css';

export interface TooltipRow {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly color: string;
}

export interface ChartTooltip {
  readonly title: string;
  readonly rows: readonly TooltipRow[];
  /** Pixel position of the month being read. */
  readonly x: number;
}

interface ChartFrameProps {
  /** Short name of the chart, e.g. "Balance in EUR". */
  readonly name: string;
  /** What the chart shows, in words: the text alternative of the drawing. */
  readonly summary: string;
  readonly width: number;
  readonly height: number;
  readonly frameRef: RefObject<HTMLDivElement | null>;
  readonly cursor: ChartCursor;
  readonly tooltip: ChartTooltip | null;
  readonly children: ComponentChildren;
}

/**
 * The parts every chart shares: a focusable frame that follows pointer and arrow keys, the SVG
 * drawing with its text alternative, and a tooltip that screen readers hear as it changes.
 */
export function ChartFrame(props: ChartFrameProps) {
  const t = useMessages(chartMessages);
  const { tooltip } = props;
  const isOnRight = tooltip !== null && tooltip.x > props.width / 2;
  return (
    <div
      class="chart-frame"
      ref={props.frameRef}
      tabIndex={0}
      role="group"
      aria-label={interpolate(t.explore, { chart: props.name })}
      {...props.cursor.handlers}
    >
      <svg
        role="img"
        aria-label={props.summary}
        width={props.width}
        height={props.height}
        viewBox={`0 0 ${props.width} ${props.height}`}
      >
        {props.children}
      </svg>
      <div
        class="chart-tooltip"
        aria-live="polite"
        hidden={tooltip === null}
        style={
          tooltip
            ? {
                left: `${tooltip.x}px`,
                transform: isOnRight ? 'translateX(calc(-100% - 12px))' : 'translateX(12px)',
              }
            : undefined
        }
      >
        {tooltip && (
          <>
            <strong>{tooltip.title}</strong>
            <ul>
              {tooltip.rows.map((row) => (
                <li key={row.key}>
                  <span class="chart-swatch" style={{ background: row.color }} aria-hidden="true" />
                  {row.label}: <span class="amount">{row.value}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
