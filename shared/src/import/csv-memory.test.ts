import { describe, expect, it } from 'vitest';
import type { CsvColumnMapping, CsvLayout } from './csv-mapping.ts';
import { mappingFitsLayout } from './csv-memory.ts';

const layout = (headers: string[], width = headers.length): CsvLayout => ({
  delimiter: ';',
  headerLine: 1,
  headers,
  sampleRows: [Array.from({ length: width }, () => 'x')],
  mapping: null,
  preset: null,
});

const byName: CsvColumnMapping = {
  version: 1,
  hasHeader: true,
  date: 'Date opération',
  label: ['Libellé'],
  amount: 'Montant',
};

describe('mappingFitsLayout', () => {
  it('fits a layout holding every named column, whatever the case, accents or order', () => {
    expect(
      mappingFitsLayout(byName, layout(['MONTANT', 'libelle', 'Date Operation', 'Solde'])),
    ).toBe(true);
  });

  it('does not fit when a named column is missing', () => {
    expect(mappingFitsLayout(byName, layout(['Date opération', 'Libellé', 'Débit']))).toBe(false);
  });

  it('fits a headerless table by position only when it is wide enough', () => {
    const byPosition: CsvColumnMapping = {
      version: 1,
      hasHeader: false,
      date: 0,
      label: [2],
      amount: 3,
    };
    expect(mappingFitsLayout(byPosition, layout([], 4))).toBe(true);
    expect(mappingFitsLayout(byPosition, layout([], 3))).toBe(false);
    expect(mappingFitsLayout(byPosition, layout(['a', 'b', 'c', 'd']))).toBe(false);
  });
});
