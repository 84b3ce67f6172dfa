import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  categorizeInputsSchema,
  describeIssue,
  MAX_OPERATIONS_PER_CALL,
  parseCategorizeInputs,
} from './categorizer-schemas.ts';

/** What the API makes of a parse: the operations, or its failed Result's message. */
function outcome(parsed: ReturnType<typeof parseCategorizeInputs>) {
  return parsed.success
    ? { data: parsed.data }
    : { message: describeIssue('operations', parsed.error) };
}

function expectSameAsZod(value: unknown): void {
  expect(outcome(parseCategorizeInputs(value))).toStrictEqual(
    outcome(categorizeInputsSchema.safeParse(value)),
  );
}

const valid = {
  id: 'op-1',
  rawLabel: 'CB MONOP 12/03 PARIS',
  amountMinor: -1250,
  accountId: 'acc-1',
  date: '2024-03-12',
};

// Each field: valid values, values just past a limit, and values of the wrong type.
const fields = {
  id: fc.oneof(
    fc.constantFrom('op-1', 'a_B-9', 'x'.repeat(64), 'x'.repeat(65), '', 'op 1', 'é', 7, null),
    fc.string({ maxLength: 70 }),
  ),
  rawLabel: fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('x'.repeat(500), 'x'.repeat(501), 12, undefined),
  ),
  amountMinor: fc.oneof(
    fc.integer(),
    fc.constantFrom(0, -0, 1.5, NaN, Infinity, 2 ** 53, Number.MAX_SAFE_INTEGER, '12', null),
  ),
  accountId: fc.constantFrom('acc-1', 'acc-2', 'acc 3', '', 'y'.repeat(65), 3),
  date: fc.oneof(
    fc.constantFrom('2024-03-12', '2024-02-29', '2023-02-29', '2024-13-01', '2024-3-12', 5),
    fc.string({ maxLength: 12 }),
  ),
};

describe('parseCategorizeInputs', () => {
  it('takes a ledger’s operations as zod does: new objects, the five fields only', () => {
    const operations = Array.from({ length: 1_000 }, (_, i) => ({
      ...valid,
      id: `op-${i}`,
      amountMinor: -i,
      date: `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`,
      note: 'dropped',
    }));
    const parsed = parseCategorizeInputs(operations);
    expect(parsed.success && parsed.data[0]).not.toBe(operations[0]);
    expectSameAsZod(operations);
  });

  it('accepts and refuses exactly what zod does, with zod’s message', () => {
    const operation = fc.oneof(
      { weight: 4, arbitrary: fc.record(fields) },
      { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) },
      { weight: 1, arbitrary: fc.constantFrom(null, 'op', [valid], 42) },
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 6 }), (operations) => {
        expectSameAsZod(operations);
        expectSameAsZod([valid, ...operations, valid]);
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses what is not an array of operations, as zod does', () => {
    const sparse: unknown[] = [valid];
    sparse[2] = valid;
    for (const value of [
      null,
      undefined,
      'ops',
      { 0: valid, length: 1 },
      sparse,
      [[]],
      [new Map()],
    ]) {
      expectSameAsZod(value);
    }
  });

  it('refuses more operations than one call may carry, as zod does', () => {
    expectSameAsZod(Array.from({ length: MAX_OPERATIONS_PER_CALL + 1 }, () => valid));
  });
});
