import { describe, expect, it } from 'vitest';
import {
  rowTop,
  scrollHeightOf,
  scrollTopToReveal,
  targetRow,
  visibleRows,
  type VirtualLayout,
} from './virtual-range.ts';

const layout: VirtualLayout = { count: 20_000, rowHeight: 50, viewportHeight: 500 };

describe('visibleRows', () => {
  it('renders the rows in view plus the overscan on each side', () => {
    expect(visibleRows(layout, 0, 5)).toEqual({ start: 0, end: 15, shift: 0 });
    expect(visibleRows(layout, 1000, 5)).toEqual({ start: 15, end: 35, shift: 0 });
    expect(visibleRows(layout, 1025, 0)).toEqual({ start: 20, end: 31, shift: 0 });
  });

  it('stops at the last row', () => {
    const end = scrollHeightOf(layout) - layout.viewportHeight;
    expect(visibleRows(layout, end, 5)).toMatchObject({ start: 19_985, end: 20_000 });
  });

  it('renders nothing for an empty list', () => {
    expect(visibleRows({ ...layout, count: 0 }, 0, 5)).toEqual({ start: 0, end: 0, shift: 0 });
  });

  it('compresses very long lists and still places rows one row height apart on screen', () => {
    const huge: VirtualLayout = { ...layout, count: 1_000_000, maxHeight: 1_000_000 };
    expect(scrollHeightOf(huge)).toBe(1_000_000);
    const bottom = 1_000_000 - 500;
    const rows = visibleRows(huge, bottom, 0);
    expect(rows.end).toBe(1_000_000);
    expect(rowTop(huge, rows, 999_999) - bottom).toBe(450);
    const middle = visibleRows(huge, 400_000, 0);
    const onScreen = rowTop(huge, middle, middle.start) - 400_000;
    expect(onScreen).toBeLessThanOrEqual(0);
    expect(onScreen).toBeGreaterThan(-50);
    expect(rowTop(huge, middle, middle.start + 1) - rowTop(huge, middle, middle.start)).toBe(50);
  });
});

describe('scrollTopToReveal', () => {
  it('does not move when the row is already in view', () => {
    expect(scrollTopToReveal(layout, 22, 1000)).toBe(1000);
  });
  it('scrolls up to show a row above, and down to show one below', () => {
    expect(scrollTopToReveal(layout, 10, 1000)).toBe(500);
    expect(scrollTopToReveal(layout, 40, 1000)).toBe(1550);
  });
  it('reveals rows of a compressed list', () => {
    const huge: VirtualLayout = { ...layout, count: 1_000_000, maxHeight: 1_000_000 };
    const scrollTop = scrollTopToReveal(huge, 500_000, 0);
    const rows = visibleRows(huge, scrollTop, 0);
    const top = rowTop(huge, rows, 500_000) - scrollTop;
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThanOrEqual(450);
  });
});

describe('targetRow', () => {
  it.each([
    ['ArrowDown', 3, 4],
    ['ArrowUp', 3, 2],
    ['ArrowUp', 0, 0],
    ['PageDown', 3, 12],
    ['PageUp', 3, 0],
    ['Home', 50, 0],
    ['End', 3, 99],
    ['ArrowDown', 99, 99],
    ['a', 3, null],
  ])('%s from %i → %s', (key, from, to) => {
    expect(targetRow(key, from, 100, 10)).toBe(to);
  });
  it('has nowhere to go in an empty list', () => {
    expect(targetRow('ArrowDown', 0, 0, 10)).toBeNull();
  });
});
