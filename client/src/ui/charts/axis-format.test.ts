import { currency } from '@tirelire/shared';
import { describe, expect, it } from 'vitest';
import { formatAxisAmount, formatChartMonth } from './axis-format.ts';

// Intl output uses narrow no-break spaces in French; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatAxisAmount', () => {
  it('is short and exact in both languages', () => {
    // ICU versions differ on the space before €; the digits and unit are what matter.
    expect(plain(formatAxisAmount(123_456, currency('EUR'), 'fr'))).toMatch(/^1,2 ?k ?€$/);
    expect(formatAxisAmount(123_456, currency('EUR'), 'en')).toMatch(/^€1\.2[kK]$/);
    expect(formatAxisAmount(-50_000, currency('GBP'), 'en')).toBe('-£500');
    expect(formatAxisAmount(1_500_000, currency('JPY'), 'en')).toMatch(/^(JP)?¥1\.5[mM]$/);
  });
});

describe('formatChartMonth', () => {
  it('gives short axis labels and long names', () => {
    expect(formatChartMonth('2024-03', 'en', 'axis')).toBe('Mar 24');
    expect(formatChartMonth('2024-03', 'fr', 'long')).toBe('mars 2024');
    expect(formatChartMonth('2024-12', 'en', 'long')).toBe('December 2024');
  });
});
