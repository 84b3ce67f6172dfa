import { describe, expect, it } from 'vitest';
import { describeStatementReaderContract } from '../../ports/statement-reader.contract.ts';
import { InlineStatementReader } from '../inline/InlineStatementReader.ts';
import { LazyStatementReader } from './LazyStatementReader.ts';

describeStatementReaderContract(
  'lazy (inline behind it)',
  () =>
    new LazyStatementReader(
      () => new InlineStatementReader(),
      () => new InlineStatementReader(),
    ),
);

describe('LazyStatementReader', () => {
  it('opens nothing until the first read, and falls back when the first choice cannot start', async () => {
    let opened = 0;
    const reader = new LazyStatementReader(
      () => {
        opened += 1;
        throw new Error('no module workers here');
      },
      () => new InlineStatementReader(),
    );
    expect(opened).toBe(0);
    const result = await reader.read(
      new TextEncoder().encode('!Type:Bank\nD01/02/2024\nT-1.00\nPX\n^\n'),
      {},
    );
    expect(opened).toBe(1);
    expect(result.ok).toBe(true);
  });
});
