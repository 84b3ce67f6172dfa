import { describe, expect, it } from 'vitest';
import { csvColumnMappingSchema } from './csv-mapping.ts';
import { inspectCsv, parseCsv } from './csv.ts';

describe('inspectCsv', () => {
  it('describes the table for the mapping step', () => {
    const rows = Array.from({ length: 7 }, (_, i) => `0${i + 1}/02/2024;Op ${i};-${i},00`);
    const result = inspectCsv(['Relevé;', '', 'Date;Libellé;Montant', ...rows].join('\r\n'));
    expect(result).toEqual({
      ok: true,
      value: {
        delimiter: ';',
        headerLine: 3,
        headers: ['Date', 'Libellé', 'Montant'],
        sampleRows: rows.slice(0, 5).map((r) => r.split(';')),
        mapping: {
          version: 1,
          hasHeader: true,
          date: 'Date',
          label: ['Libellé'],
          amount: 'Montant',
        },
        preset: null,
      },
    });
  });

  it('gives the table without a mapping when the columns cannot be told', () => {
    const result = inspectCsv('A;B;C\nx;y;z\nu;v;w\n');
    expect(result).toMatchObject({ ok: true, value: { mapping: null, headers: [] } });
    expect(parseCsv('A;B;C\nx;y;z\nu;v;w\n')).toMatchObject({ ok: false, code: 'needs_mapping' });
  });

  it('refuses text that holds no table', () => {
    expect(inspectCsv('just one line of text')).toMatchObject({
      ok: false,
      code: 'not_this_format',
    });
  });
});

describe('csvColumnMappingSchema', () => {
  it('accepts what detection produces, once stored as JSON', () => {
    const layout = inspectCsv('Date,Description,Debit,Credit\n2024-02-01,Coffee,3.50,\n');
    const stored: unknown = JSON.parse(JSON.stringify(layout.ok ? layout.value.mapping : null));
    expect(csvColumnMappingSchema.parse(stored)).toEqual({
      version: 1,
      hasHeader: true,
      date: 'Date',
      label: ['Description'],
      debit: 'Debit',
      credit: 'Credit',
    });
  });

  it('refuses mappings that cannot work', () => {
    const valid = { version: 1, hasHeader: true, date: 'Date', label: ['Label'], amount: 'Amount' };
    expect(csvColumnMappingSchema.safeParse(valid).success).toBe(true);
    const { amount: _amount, ...noAmount } = valid;
    expect(csvColumnMappingSchema.safeParse(noAmount).success).toBe(false);
    expect(csvColumnMappingSchema.safeParse({ ...valid, hasHeader: false }).success).toBe(false);
    expect(csvColumnMappingSchema.safeParse({ ...valid, label: [] }).success).toBe(false);
    expect(csvColumnMappingSchema.safeParse({ ...valid, delimiter: ':' }).success).toBe(false);
    expect(csvColumnMappingSchema.safeParse({ ...valid, version: 2 }).success).toBe(false);
  });
});
