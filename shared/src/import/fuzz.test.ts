import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readStatement } from './read-statement.ts';
import { STATEMENT_FORMATS, type StatementFormat } from './statement.ts';
import { SAMPLE_STATEMENTS } from './testing/samples.ts';

const encoder = new TextEncoder();
/** Well above a parser's time on a 1 KB file: only a hang or a blow-up would reach it. */
const SLOW_MS = 1_000;

/** Reads bytes every way the app can (detected, or forced to each format): never throws, never hangs. */
function readEveryWay(bytes: Uint8Array): void {
  for (const format of [undefined, ...STATEMENT_FORMATS]) {
    const start = performance.now();
    const result = readStatement(bytes, format ? { format } : {});
    const elapsed = performance.now() - start;
    expect(elapsed, `${format ?? 'detected'} took ${elapsed} ms`).toBeLessThan(SLOW_MS);
    expect(typeof result.ok).toBe('boolean');
    if (result.ok) {
      for (const statement of result.value.file.statements)
        for (const op of statement.operations)
          expect(Number.isSafeInteger(op.amountMinor)).toBe(true);
    } else {
      expect(result.message.length).toBeGreaterThan(0);
    }
  }
}

/** A file damaged the ways files get damaged: cut short, bytes flipped, lines lost or repeated. */
function damaged(seed: Uint8Array) {
  const cut = fc.nat({ max: seed.length }).map((at) => seed.slice(0, at));
  const flipped = fc
    .array(
      fc.tuple(fc.nat({ max: Math.max(0, seed.length - 1) }), fc.integer({ min: 0, max: 255 })),
      {
        minLength: 1,
        maxLength: 8,
      },
    )
    .map((flips) => {
      const copy = seed.slice();
      for (const [at, byte] of flips) copy[at] = byte;
      return copy;
    });
  const lines = new TextDecoder().decode(seed).split('\n');
  const shuffled = fc
    .array(fc.nat({ max: Math.max(0, lines.length - 1) }), { maxLength: lines.length * 2 })
    .map((picks) => encoder.encode(picks.map((i) => lines[i]).join('\n')));
  const inserted = fc
    .tuple(fc.nat({ max: seed.length }), fc.string({ maxLength: 40 }))
    .map(
      ([at, text]) =>
        new Uint8Array([...seed.slice(0, at), ...encoder.encode(text), ...seed.slice(at)]),
    );
  return fc.oneof(cut, flipped, shuffled, inserted);
}

describe('every parser, on damaged files', () => {
  it.each(Object.keys(SAMPLE_STATEMENTS) as StatementFormat[])(
    '%s: the intact sample reads',
    (format) => {
      const result = readStatement(encoder.encode(SAMPLE_STATEMENTS[format]));
      expect(result.ok && result.value.file.format).toBe(format);
      expect(result.ok && result.value.file.statements[0]?.operations.length).toBeGreaterThan(1);
    },
  );

  it.each(Object.keys(SAMPLE_STATEMENTS) as StatementFormat[])(
    '%s: truncated, flipped, shuffled or spliced, it always gives a result',
    (format) => {
      const seed = encoder.encode(SAMPLE_STATEMENTS[format]);
      fc.assert(
        fc.property(damaged(seed), (bytes) => readEveryWay(bytes)),
        { numRuns: 150 },
      );
    },
  );

  it('arbitrary bytes give a result too', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) => readEveryWay(bytes)),
      { numRuns: 200 },
    );
  });

  it('pathological nesting and huge lines stay fast', () => {
    const deep = '<OFX>' + '<STMTTRN>'.repeat(20_000) + '</STMTTRN>'.repeat(20_000);
    const wide = `Date;Libellé;Montant\n01/01/2026;${'x'.repeat(200_000)};1,00\n`;
    const quotes = `Date;Libellé;Montant\n01/01/2026;"${'"'.repeat(50_000)};1,00\n`;
    for (const text of [deep, wide, quotes]) {
      const start = performance.now();
      readStatement(encoder.encode(text));
      expect(performance.now() - start).toBeLessThan(2_000);
    }
  });
});
