import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { readStatement, STATEMENT_FORMATS } from '@tirelire/shared';
import { describe, expect, it } from 'vitest';

/**
 * The real statements of ../shared/fixtures/statements, cut short and with bytes flipped: every
 * parser, detected or forced, must still answer (a statement or a reason) and never throw or hang.
 */
const ROOT = resolve(import.meta.dirname, '../../../shared/fixtures/statements');
const FOLDERS = ['csv', 'ofx', 'qif', 'camt', 'mt940'];
const files = FOLDERS.flatMap((folder) =>
  readdirSync(join(ROOT, folder)).map((name) => join(folder, name)),
);

function readEveryWay(bytes: Uint8Array): void {
  for (const format of [undefined, ...STATEMENT_FORMATS]) {
    const start = performance.now();
    const result = readStatement(bytes, format ? { format } : {});
    expect(performance.now() - start).toBeLessThan(2_000);
    expect(result.ok || result.message.length > 0).toBe(true);
  }
}

describe('damaged real statements', () => {
  it('holds the 73 files the MANIFEST lists', () => {
    expect(files).toHaveLength(73);
  });

  it.each(files)('%s', (file) => {
    const seed = new Uint8Array(readFileSync(join(ROOT, file)));
    readEveryWay(seed);
    const damaged = fc.oneof(
      fc.nat({ max: seed.length }).map((at) => seed.slice(0, at)),
      fc
        .array(fc.tuple(fc.nat({ max: seed.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 6,
        })
        .map((flips) => {
          const copy = seed.slice();
          for (const [at, byte] of flips) copy[at] = byte;
          return copy;
        }),
    );
    fc.assert(fc.property(damaged, readEveryWay), { numRuns: 25 });
  });
});
