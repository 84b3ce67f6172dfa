import { describe, expect, it } from 'vitest';
import { fail, ok } from './result.ts';

describe('ok and fail', () => {
  it('build the two shapes of a Result', () => {
    expect(ok(42)).toEqual({ ok: true, value: 42 });
    expect(fail('empty', 'No amount')).toEqual({ ok: false, code: 'empty', message: 'No amount' });
  });
});
