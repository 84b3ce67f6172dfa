import { describe, expect, it } from 'vitest';
import { countOf } from './count.ts';

const forms = { one: '{count} op', other: '{count} ops' };

describe('countOf', () => {
  it('follows each language’s plural rule', () => {
    expect(countOf(0, 'en', forms)).toBe('0 ops');
    expect(countOf(1, 'en', forms)).toBe('1 op');
    expect(countOf(0, 'fr', forms)).toBe('0 op');
    expect(countOf(1, 'fr', forms)).toBe('1 op');
    expect(countOf(2, 'fr', forms)).toBe('2 ops');
  });
  it('groups thousands the local way', () => {
    expect(countOf(12_345, 'en', forms)).toBe('12,345 ops');
    expect(countOf(12_345, 'fr', forms).replace(/\u202f/g, ' ')).toBe('12 345 ops');
  });
});
