/**
 * The arithmetic of a virtualised list with fixed-height rows: which rows to render for a scroll
 * position, and where.
 *
 * Browsers cap an element's height (about 16.7 million px in Firefox, 33.5 million in Chrome),
 * so past MAX_SCROLL_HEIGHT the scrollable height is compressed and each scrolled pixel moves
 * the rows by `ratio` pixels; rows are then placed relative to the scroll position, so they
 * still sit exactly one row height apart on screen.
 */
export const MAX_SCROLL_HEIGHT = 8_000_000;

export interface VirtualLayout {
  readonly count: number;
  readonly rowHeight: number;
  /** Height available to rows (the scroller's height minus a sticky header). */
  readonly viewportHeight: number;
  readonly maxHeight?: number;
}

export interface VisibleRows {
  /** First row to render. */
  readonly start: number;
  /** One past the last row to render. */
  readonly end: number;
  /** Subtracted from `index * rowHeight` to get a row's top in the scrollable content. */
  readonly shift: number;
}

export function scrollHeightOf(layout: VirtualLayout): number {
  return Math.min(layout.count * layout.rowHeight, layout.maxHeight ?? MAX_SCROLL_HEIGHT);
}

/** Content pixels per scrolled pixel: 1 unless the height had to be compressed. */
function ratioOf(layout: VirtualLayout): number {
  const content = layout.count * layout.rowHeight;
  const real = scrollHeightOf(layout);
  if (content <= real) return 1;
  const realRange = real - layout.viewportHeight;
  return realRange > 0 ? (content - layout.viewportHeight) / realRange : 1;
}

export function visibleRows(
  layout: VirtualLayout,
  scrollTop: number,
  overscan: number,
): VisibleRows {
  const { count, rowHeight, viewportHeight } = layout;
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0, shift: 0 };
  const top = Math.max(0, scrollTop) * ratioOf(layout);
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + Math.max(viewportHeight, rowHeight)) / rowHeight);
  return {
    start: Math.min(count, Math.max(0, first - overscan)),
    end: Math.min(count, last + overscan),
    shift: top - Math.max(0, scrollTop),
  };
}

export function rowTop(layout: VirtualLayout, rows: VisibleRows, index: number): number {
  return Math.round(index * layout.rowHeight - rows.shift);
}

/** The scroll position that brings row `index` fully into view with the least movement. */
export function scrollTopToReveal(layout: VirtualLayout, index: number, scrollTop: number): number {
  const ratio = ratioOf(layout);
  const visibleTop = scrollTop * ratio;
  const top = index * layout.rowHeight;
  const bottom = top + layout.rowHeight;
  let target: number;
  if (top < visibleTop) target = top;
  else if (bottom > visibleTop + layout.viewportHeight) target = bottom - layout.viewportHeight;
  else return scrollTop;
  const maxScrollTop = Math.max(0, scrollHeightOf(layout) - layout.viewportHeight);
  return Math.min(maxScrollTop, Math.max(0, target / ratio));
}

/** The row a navigation key leads to, or null for keys the list does not handle. */
export function targetRow(
  key: string,
  current: number,
  count: number,
  rowsPerPage: number,
): number | null {
  if (count === 0) return null;
  const page = Math.max(1, rowsPerPage - 1);
  const moves: Record<string, number> = {
    ArrowDown: current + 1,
    ArrowUp: current - 1,
    PageDown: current + page,
    PageUp: current - page,
    Home: 0,
    End: count - 1,
  };
  const target = moves[key];
  return target === undefined ? null : Math.min(count - 1, Math.max(0, target));
}
