import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  rowTop,
  scrollHeightOf,
  scrollTopToReveal,
  visibleRows,
  type VirtualLayout,
  type VisibleRows,
} from './virtual-range.ts';

function sameRows(a: VisibleRows, b: VisibleRows): boolean {
  return a.start === b.start && a.end === b.end && a.shift === b.shift;
}

/**
 * Virtual scrolling for a scroller holding a sticky header and `count` rows of `rowHeight`:
 * only the rows in view (plus `overscan` each side) are rendered, and a scroll re-renders only
 * when that window moves by a row, so scrolling 100k rows costs what scrolling 30 does.
 */
export function useVirtualRows(count: number, rowHeight: number, overscan: number) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  /** Height left for rows: the scroller's height minus its sticky header. */
  const [viewportHeight, setViewportHeight] = useState(600);
  // The scroll position is read at render time from a ref; state only says "render again", and
  // only when the window of rows moved.
  const scrollTop = useRef(0);
  const [, setRenderedTop] = useState(0);
  const layout: VirtualLayout = { count, rowHeight, viewportHeight };
  const rows = visibleRows(layout, scrollTop.current, overscan);
  const latest = useRef({ layout, rows });
  latest.current = { layout, rows };

  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const measure = () => {
      const header = headerRef.current?.offsetHeight ?? 0;
      setViewportHeight(Math.max(rowHeight, scroller.clientHeight - header));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [rowHeight]);

  const scrollTo = (top: number, isForced: boolean) => {
    scrollTop.current = top;
    const { layout: current, rows: shown } = latest.current;
    if (isForced || !sameRows(visibleRows(current, top, overscan), shown)) setRenderedTop(top);
  };

  return {
    scrollerRef,
    headerRef,
    rows,
    totalHeight: scrollHeightOf(layout),
    rowsPerPage: Math.max(1, Math.floor(viewportHeight / rowHeight)),
    topOf: (index: number) => rowTop(layout, rows, index),
    onScroll: () => scrollTo(scrollerRef.current?.scrollTop ?? 0, false),
    /** Scrolls just enough for row `index` to be in view, and renders it now (to focus it). */
    reveal: (index: number) => {
      const scroller = scrollerRef.current;
      if (!scroller) return;
      const top = scrollTopToReveal(latest.current.layout, index, scroller.scrollTop);
      if (top !== scroller.scrollTop) scroller.scrollTop = top;
      scrollTo(top, true);
    },
    scrollToTop: () => {
      const scroller = scrollerRef.current;
      if (scroller) scroller.scrollTop = 0;
      scrollTo(0, false);
    },
  };
}
