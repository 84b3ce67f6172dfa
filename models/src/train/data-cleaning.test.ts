import { categoryId } from '@tirelire/shared';
import { describe, expect, it } from 'vitest';
import { resolveConflicts } from '../data/clean.ts';
import { parseCozyLabels, type LabelledRow } from '../data/cozy.ts';

const HEADER = 'label,cozy_category_id,cozy_category_name,tirelire_coarse';

describe('parseCozyLabels', () => {
  it('keeps well-formed rows, quoted commas included, with their line numbers', () => {
    const text = [
      HEADER,
      'MONOP,400110,supermarket,groceries',
      '"FRAIS PAIE CB OP 57,57 EUR",400340,bankFees,bank_fees',
    ].join('\r\n');
    const { rows, malformed } = parseCozyLabels(text);
    expect(malformed).toBe(0);
    expect(rows).toEqual([
      { label: 'MONOP', categoryId: 'groceries', line: 2 },
      { label: 'FRAIS PAIE CB OP 57,57 EUR', categoryId: 'bank_fees', line: 3 },
    ]);
  });

  it('drops and counts malformed rows instead of guessing', () => {
    const text = [
      HEADER,
      'TOO,FEW,FIELDS',
      'ONE,400110,supermarket,groceries,EXTRA',
      ',400110,supermarket,groceries',
      'NOT A NUMBER,abc,supermarket,groceries',
      'UNKNOWN CATEGORY,400110,supermarket,spaceships',
      'GOOD,400110,supermarket,groceries',
    ].join('\n');
    const { rows, malformed } = parseCozyLabels(text);
    expect(malformed).toBe(5);
    expect(rows.map((row) => row.label)).toEqual(['GOOD']);
  });

  it('counts a row with an unbalanced quote as malformed', () => {
    const text = [
      HEADER,
      'GOOD,400110,supermarket,groceries',
      '"BROKEN,400110,supermarket,groceries',
    ].join('\n');
    const { rows, malformed } = parseCozyLabels(text);
    expect(rows.map((row) => row.label)).toEqual(['GOOD']);
    expect(malformed).toBe(1);
  });

  it('files Cozy mortgage repayments under loans_credit, as our taxonomy defines it', () => {
    const { rows } = parseCozyLabels(`${HEADER}\nECHEANCE PRET 123,401010,realEstateLoan,housing`);
    expect(rows[0]?.categoryId).toBe('loans_credit');
  });

  it('rejects a file whose header is not the expected one', () => {
    expect(() => parseCozyLabels('label,category\nMONOP,groceries')).toThrow(/header/);
  });
});

describe('resolveConflicts', () => {
  const row = (label: string, category: string, line: number): LabelledRow => ({
    label,
    categoryId: categoryId(category),
    line,
  });

  it('gives a label its majority category, ignoring case and spacing', () => {
    const { labels, report } = resolveConflicts([
      row('TRAINLINE', 'transport', 2),
      row('Trainline', 'other', 3),
      row('TRAINLINE ', 'transport', 4),
    ]);
    expect(labels).toEqual([
      { label: 'TRAINLINE', categoryId: 'transport', occurrences: 3, firstLine: 2 },
    ]);
    expect(report).toEqual({ conflicting: 1, resolved: 1, dropped: 0 });
  });

  it('drops a label whose top categories tie', () => {
    const { labels, report } = resolveConflicts([
      row('CASA', 'eating_out', 2),
      row('CASA', 'housing', 3),
      row('MONOP', 'groceries', 4),
    ]);
    expect(labels.map((label) => label.label)).toEqual(['MONOP']);
    expect(report).toEqual({ conflicting: 1, resolved: 0, dropped: 1 });
  });

  it('keeps file order', () => {
    const { labels } = resolveConflicts([
      row('B', 'other', 2),
      row('A', 'other', 3),
      row('B', 'other', 4),
    ]);
    expect(labels.map((label) => label.label)).toEqual(['B', 'A']);
  });
});
