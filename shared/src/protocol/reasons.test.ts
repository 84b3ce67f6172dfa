import { describe, expect, it } from 'vitest';
import type { CloseReason } from './reasons.ts';
import { CLOSE_REASONS, REQUEST_ERRORS, closeReasonOf } from './reasons.ts';

const closeReasons = Object.entries(CLOSE_REASONS) as [CloseReason, number][];
const closeCodes = closeReasons.map(([, code]) => code);

describe('CLOSE_REASONS (SPEC P-CLOSE-1)', () => {
  it('gives every reason a code of its own', () => {
    expect(new Set(closeCodes).size).toBe(closeCodes.length);
  });

  it.each(closeReasons)(
    '%s closes with %i, an integer among the application codes 4000–4999',
    (_reason, code) => {
      expect(Number.isInteger(code)).toBe(true);
      expect(code).toBeGreaterThanOrEqual(4000);
      expect(code).toBeLessThanOrEqual(4999);
    },
  );

  it('uses consecutive codes from 4000, the range the SPEC gives (4000–40xx)', () => {
    const sorted = [...closeCodes].sort((a, b) => a - b);
    expect(sorted).toEqual(sorted.map((_code, index) => 4000 + index));
  });

  it('has every reason the SPEC names', () => {
    expect(Object.keys(CLOSE_REASONS)).toEqual(
      expect.arrayContaining([
        'protocol_mismatch', // P-HELLO-2
        'malformed_message', // P-HELLO-1, P-LIMIT-1
        'unauthenticated', // P-AUTH-1
        'token_expired', // P-AUTH-1
        'token_revoked', // P-AUTH-2
        'account_deleted', // P-AUTH-2
        'hello_timeout', // P-HELLO-1
        'slow_consumer', // P-FLOW-1
      ]),
    );
  });
});

describe('closeReasonOf (SPEC P-CLOSE-1: a client acts on the code alone)', () => {
  it.each(closeReasons)('maps %s back from its code %i', (reason, code) => {
    expect(closeReasonOf(code)).toBe(reason);
  });

  it.each([
    ['1000, a normal closure', 1000],
    ['1001, going away', 1001],
    ['1006, an abnormal closure', 1006],
    ['3999', 3999],
    [`${4000 + closeCodes.length}, just past the last reason`, 4000 + closeCodes.length],
    ['4999, the last application code', 4999],
    ['0', 0],
    ['-4000', -4000],
    ['4000.5', 4000.5],
    ['NaN', Number.NaN],
  ])('returns null for %s', (_name, code) => {
    expect(closeReasonOf(code)).toBeNull();
  });
});

describe('REQUEST_ERRORS (SPEC P-ERROR-1)', () => {
  it('are distinct, and none is also a close reason', () => {
    expect(new Set(REQUEST_ERRORS).size).toBe(REQUEST_ERRORS.length);
    for (const error of REQUEST_ERRORS) expect(Object.keys(CLOSE_REASONS)).not.toContain(error);
  });

  it('include store_unavailable, the one the SPEC names', () => {
    expect(REQUEST_ERRORS).toContain('store_unavailable');
  });
});
