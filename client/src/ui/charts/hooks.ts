import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * The element's width in CSS pixels, kept current. Charts draw at their real width instead of
 * scaling a fixed viewBox, so axis text stays readable on a phone.
 */
export function useElementWidth<T extends HTMLElement>(
  fallback: number,
): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth || fallback);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width) || fallback);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [fallback]);
  return [ref, width];
}

export interface ChartCursor {
  /** The month being read, or null. */
  readonly index: number | null;
  readonly handlers: {
    readonly onKeyDown: (event: KeyboardEvent) => void;
    readonly onPointerMove: (event: PointerEvent) => void;
    readonly onPointerLeave: () => void;
    readonly onFocus: () => void;
    readonly onBlur: () => void;
  };
}

/**
 * Which month a chart is showing details for: follows the pointer, and the arrow, Home and End
 * keys once the chart has focus, so every value is reachable without a mouse.
 */
export function useChartCursor(count: number, indexFromX: (x: number) => number): ChartCursor {
  const [index, setIndex] = useState<number | null>(null);
  const [hasFocus, setHasFocus] = useState(false);
  const clamp = (value: number) => Math.min(count - 1, Math.max(0, value));
  // A period change can shorten the chart under the cursor.
  const shown = index === null || count === 0 ? null : clamp(index);

  return {
    index: shown,
    handlers: {
      onKeyDown: (event) => {
        const current = shown ?? count - 1;
        const moves: Record<string, number> = {
          ArrowLeft: current - 1,
          ArrowRight: current + 1,
          Home: 0,
          End: count - 1,
          PageUp: current - 12,
          PageDown: current + 12,
        };
        const next = moves[event.key];
        if (next !== undefined && count > 0) {
          event.preventDefault();
          setIndex(clamp(next));
        } else if (event.key === 'Escape') {
          setIndex(null);
        }
      },
      onPointerMove: (event) => {
        const box = (event.currentTarget as Element).getBoundingClientRect();
        if (count > 0) setIndex(clamp(indexFromX(event.clientX - box.left)));
      },
      onPointerLeave: () => {
        if (!hasFocus) setIndex(null);
      },
      onFocus: () => {
        setHasFocus(true);
        if (count > 0) setIndex((current) => current ?? count - 1);
      },
      onBlur: () => {
        setHasFocus(false);
        setIndex(null);
      },
    },
  };
}
