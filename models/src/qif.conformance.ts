import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeStatement, parseQif } from '@tirelire/shared';
import { describe, expect, it } from 'vitest';

/**
 * The QIF reader against the real files in ../shared/fixtures/statements/qif (beside the
 * checkout), with the values their MANIFEST.md entries expect. Run by `npm run test:conformance`.
 */
const QIF = resolve(import.meta.dirname, '../../../shared/fixtures/statements/qif');

// The sha256 from MANIFEST.md: if a fixture changes, its expectations must be re-read.
const SHA256: Record<string, string> = {
  'qif2json__investments.qif': 'f505d430427a09ccf8b188e440b0da946c31a585163351ade0294aafc3d73af7',
  'qif2json__normalTransactions.qif':
    'a2b1387d80fb0089eb97385f2a66c91d53a31f251cd916d0d909fefd723864f3',
  'qif2json__utf8.qif': '3c8b1b799477034334ddbf9f860f78ee07ba35e232c6f606356c96241898c0ae',
  'qif2json__windows-1252.qif': '075004a7122d1d3e7ba092c4d8539124634252f149fb624fd7882ab545820f48',
};

function read(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(QIF, name)));
}

function parse(name: string, options: Parameters<typeof parseQif>[1] = {}) {
  const decoded = decodeStatement(read(name));
  const result = parseQif(decoded.text, options);
  if (!result.ok) throw new Error(`${name}: ${result.code} ${result.message}`);
  return { decoded, file: result.value, ops: result.value.statements.flatMap((s) => s.operations) };
}

describe('QIF fixtures conform to MANIFEST.md', () => {
  it.each(Object.entries(SHA256))('%s is the file the manifest describes', (name, sha) => {
    expect(createHash('sha256').update(read(name)).digest('hex')).toBe(sha);
  });

  it('investments: !Type:Invst is refused as unsupported', () => {
    const result = parseQif(decodeStatement(read('qif2json__investments.qif')).text);
    expect(result.ok ? 'ok' : result.code).toBe('unsupported');
  });

  it('normalTransactions (US dates): 3 operations, splits kept inside the first', () => {
    const { file, ops } = parse('qif2json__normalTransactions.qif', { dateOrder: 'mdy' });
    expect(file.statements).toHaveLength(1);
    expect(ops.map((o) => [o.date, o.amountMinor, o.label])).toEqual([
      ['1994-06-01', -100000, 'Bank Of Mortgage'],
      ['1994-06-02', 7500, 'Deposit'],
      ['1994-06-03', -1000, 'JoBob Biggs'],
    ]);
    // -253.64 + -746.36 is exactly the -1,000.00 total: no split warning, and no order warning.
    expect(file.warnings).toEqual([]);
    expect(ops.map((o) => o.line)).toEqual([2, 12, 16]);
  });

  it('normalTransactions without a date order: every date is ambiguous, so it says so', () => {
    const { file, ops } = parse('qif2json__normalTransactions.qif');
    expect(file.warnings.map((w) => w.code)).toEqual(['ambiguous_date_order']);
    expect(ops[0]?.date).toBe('1994-01-06');
  });

  it('utf8: BOM stripped, non-ASCII payee intact, last record without ^', () => {
    const { decoded, ops } = parse('qif2json__utf8.qif');
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text.startsWith('!Type:Bank')).toBe(true);
    expect(ops.map((o) => [o.date, o.amountMinor, o.label])).toEqual([
      ['2010-03-03', -37900, 'SOME £$™€ CHARACTERS'],
    ]);
  });

  it('windows-1252: detected without a hint, same payee, 1 operation of -379.00', () => {
    const { decoded, ops } = parse('qif2json__windows-1252.qif');
    expect(decoded.encoding).toBe('windows-1252');
    expect(ops.map((o) => [o.date, o.amountMinor, o.label])).toEqual([
      ['2010-03-03', -37900, 'SOME £$™€ CHARACTERS'],
    ]);
  });
});
