/**
 * Chart geometry. Amounts arrive as integer minor units and become plain numbers here only to be
 * placed on screen (pixels); every figure people read is formatted from the exact integers.
 */

export type Scale = (value: number) => number;

/** Maps `domain` linearly onto `range`; a flat domain maps to the middle of the range. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d0 === d1) return () => (r0 + r1) / 2;
  const ratio = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * ratio;
}

/**
 * Round axis values covering [min, max]: steps of 1, 2 or 5 × 10^k minor units, at most
 * `maxTicks` of them. Steps never go below one minor unit, so every tick is a whole amount.
 */
export function niceTicks(min: number, max: number, maxTicks: number): number[] {
  let low = Math.min(min, max);
  let high = Math.max(min, max);
  if (low === high) {
    low -= 1;
    high += 1;
  }
  const rough = (high - low) / Math.max(1, maxTicks - 1);
  let magnitude = 1;
  while (magnitude * 5 < rough) magnitude *= 10;
  const step =
    [1, 2, 5, 10].map((factor) => factor * magnitude).find((s) => s >= rough) ?? magnitude;
  const first = Math.floor(low / step) * step;
  const last = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  // Integer arithmetic on tick indices avoids drift from repeated float addition.
  for (let index = 0; first + index * step <= last; index += 1) ticks.push(first + index * step);
  return ticks;
}

/** Show one month label every `stride` months so labels about `minSpacing` px wide never overlap. */
export function labelStride(count: number, plotWidth: number, minSpacing: number): number {
  if (count <= 1 || plotWidth <= 0) return 1;
  const perLabel = plotWidth / count;
  return Math.max(1, Math.ceil(minSpacing / perLabel));
}

/** The index nearest to pixel `x` for `count` points spread from `left` to `right` (line charts). */
export function indexAt(x: number, left: number, right: number, count: number): number {
  if (count <= 1) return 0;
  const index = Math.round(((x - left) / (right - left)) * (count - 1));
  return Math.min(count - 1, Math.max(0, index));
}

/** SVG path through the points, lifting the pen over gaps (null: the account did not exist yet). */
export function linePath(values: readonly (number | null)[], x: Scale, y: Scale): string {
  let path = '';
  let isDrawing = false;
  values.forEach((value, index) => {
    if (value === null) {
      isDrawing = false;
      return;
    }
    path += `${isDrawing ? 'L' : 'M'}${x(index).toFixed(1)},${y(value).toFixed(1)}`;
    isDrawing = true;
  });
  return path;
}

/** The index of the band under pixel `x` for `count` equal bands from `left` to `right` (bars). */
export function bandAt(x: number, left: number, right: number, count: number): number {
  if (count <= 1 || right <= left) return 0;
  const index = Math.floor(((x - left) / (right - left)) * count);
  return Math.min(count - 1, Math.max(0, index));
}
