import { describe, expect, it } from 'vitest';
import { accountId, accountIdSchema, categoryId, importBatchId, operationId } from './ids.ts';

describe('ids', () => {
  it('accept short printable ids', () => {
    expect(accountId('acc-1')).toBe('acc-1');
    expect(operationId('3f2b_9C')).toBe('3f2b_9C');
    expect(categoryId('eating_out')).toBe('eating_out');
    expect(importBatchId('a'.repeat(64))).toBe('a'.repeat(64));
    expect(operationId('9b2f1c1e-4a51-4df5-9f5e-2c2b37a5c7de')).toHaveLength(36);
  });

  it.each(['', 'a'.repeat(65), 'with space', 'a/b', 'é', 'a.b', '__proto__:x', 'a\n'])(
    'reject %j',
    (value) => {
      expect(accountIdSchema.safeParse(value).success).toBe(false);
      expect(() => operationId(value)).toThrow();
    },
  );
});
