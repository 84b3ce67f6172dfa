import { describe, expect, it } from 'vitest';
import { formatBytes, usageShare } from './bytes.ts';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatBytes', () => {
  it('picks a readable decimal unit', () => {
    expect(formatBytes(0, 'en')).toBe('0 bytes');
    expect(formatBytes(950, 'en')).toBe('950 bytes');
    expect(formatBytes(12_345_678, 'en')).toBe('12.3 MB');
    expect(formatBytes(2_000_000_000, 'en')).toBe('2 GB');
  });
  it('speaks French', () => {
    expect(plain(formatBytes(12_345_678, 'fr'))).toBe('12,3 Mo');
  });
});

describe('usageShare', () => {
  it('is a whole percentage, or null when unknown', () => {
    expect(usageShare(5, 1000)).toBe('1');
    expect(usageShare(1, 1000)).toBe('<1');
    expect(usageShare(0, 1000)).toBe('0');
    expect(usageShare(1, 0)).toBeNull();
    expect(usageShare(null, 100)).toBeNull();
  });
});
