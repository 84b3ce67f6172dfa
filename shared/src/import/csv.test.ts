import { describe, expect, it } from 'vitest';
import { currency } from '../money/currency.ts';
import type { CsvColumnMapping } from './csv-mapping.ts';
import { inspectCsv, looksLikeCsv, parseCsv, type CsvParseOptions } from './csv.ts';
import type { StatementFile, StatementOperation } from './statement.ts';

// Small invented files (no real account data). Lines joined with "\n" unless stated.
function parsed(text: string, options: CsvParseOptions = {}): StatementFile {
  const result = parseCsv(text, options);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}
const ops = (file: StatementFile): StatementOperation[] =>
  file.statements.flatMap((s) => [...s.operations]);
const amounts = (file: StatementFile): number[] => ops(file).map((o) => o.amountMinor);
const labels = (file: StatementFile): string[] => ops(file).map((o) => o.label);
const codes = (file: StatementFile): string[] => file.warnings.map((w) => w.code);

describe('looksLikeCsv', () => {
  it('spots tables of dated rows, with or without a header', () => {
    expect(looksLikeCsv('Date;Libellé;Montant\n01/02/2024;Café;-3,00\n')).toBe(true);
    expect(looksLikeCsv('01/02/2024,Coffee,-3.00\n02/02/2024,Tea,-2.00\n')).toBe(true);
  });

  it('leaves the other formats and plain text alone', () => {
    expect(looksLikeCsv('<?xml version="1.0"?><Document><BkToCstmrStmt/></Document>')).toBe(false);
    expect(looksLikeCsv('OFXHEADER:100\nDATA:OFXSGML\n<OFX>\n</OFX>')).toBe(false);
    expect(looksLikeCsv('!Type:Bank\nD01/02/2025\nT-3.00\n^')).toBe(false);
    expect(looksLikeCsv('Dear customer,\nyour statement is attached.\n')).toBe(false);
    expect(looksLikeCsv('')).toBe(false);
  });
});

describe('delimiter and table', () => {
  it('sniffs ";" even when amounts hold unquoted decimal commas', () => {
    const file = parsed('Date;Label;Amount\n01/02/2024;A;-3,50\n02/02/2024;B;1 234,56\n');
    expect(amounts(file)).toEqual([-350, 123456]);
  });

  it('sniffs ",", tab and "|", counting delimiters outside quotes only', () => {
    const comma = parsed('Date,Description,Amount\n2024-02-01,"Coffee; Paris, FR",-3.50\n');
    expect(labels(comma)).toEqual(['Coffee; Paris, FR']);
    const tab = parsed('Date\tDescription\tAmount\n2024-02-01\tCoffee, to go\t-3.50\n');
    expect(amounts(tab)).toEqual([-350]);
    const pipe = parsed('Date|Description|Amount\n2024-02-01|Tea; green|-2.10\n');
    expect(labels(pipe)).toEqual(['Tea; green']);
  });

  it('finds the header below account lines and blank lines, and the account number', () => {
    const text = [
      'Banque Exemple;',
      'Compte n° 00012345678;',
      'Période du 01/02/2024 au 29/02/2024',
      '',
      'Date;Libellé;Montant',
      '01/02/2024;CARTE CAFE;-3,50',
    ].join('\n');
    const file = parsed(text);
    expect(file.statements[0]?.account.id).toBe('00012345678');
    expect(ops(file)[0]).toMatchObject({ line: 6, amountMinor: -350, label: 'CARTE CAFE' });
    expect(inspectCsv(text)).toMatchObject({ ok: true, value: { headerLine: 5, delimiter: ';' } });
  });

  it('reads an IBAN named above the table', () => {
    const text = 'IBAN;FR76 3000 6000 0112 3456 7890 189\n\nDate;Label;Amount\n2024-02-01;A;-1.00';
    expect(parsed(text).statements[0]?.account.id).toBe('FR7630006000011234567890189');
  });

  it('takes the first row of the dominant column count when the names are unknown', () => {
    const text =
      'Export;v2\nJour|Quoi|Combien\n03/02/2024|Boulangerie du coin|-2,40\n04/02/2024|Pharmacie|-8,00';
    const file = parsed(text);
    expect(amounts(file)).toEqual([-240, -800]);
    expect(labels(file)).toEqual(['Boulangerie du coin', 'Pharmacie']);
    const layout = inspectCsv(text);
    expect(layout.ok && layout.value.mapping).toMatchObject({
      date: 'Jour',
      label: ['Quoi'],
      amount: 'Combien',
    });
  });
});

describe('column names in French, English, German and Spanish', () => {
  it('reads French names in capitals without accents', () => {
    const file = parsed(
      "DATE D'OPERATION;LIBELLE DE L'OPERATION;MONTANT;DEVISE\n01/02/2024;CB;-1,00;EUR",
    );
    expect(ops(file)[0]).toMatchObject({ date: '2024-02-01', amountMinor: -100, label: 'CB' });
  });

  it('reads English paid out / paid in and a running balance', () => {
    const file = parsed(
      'Posted Date,Payee,Paid out,Paid in,Running Balance\n02/01/2024,Shop,5.00,,95.00\n02/02/2024,Pay,,10.00,105.00',
    );
    expect(amounts(file)).toEqual([-500, 1000]);
    expect(file.statements[0]?.balances).toEqual([
      { kind: 'closing', date: '2024-02-02', amountMinor: 10500 },
    ]);
  });

  it('reads German names, joining payee and purpose', () => {
    const file = parsed(
      'Buchungstag;Wertstellung;Auftraggeber/Empfänger;Verwendungszweck;Betrag;Währung\n02.01.2024;03.01.2024;Stadtwerke;Abschlag Januar;-45,00;EUR',
    );
    expect(ops(file)[0]).toMatchObject({
      date: '2024-01-02',
      valueDate: '2024-01-03',
      label: 'Stadtwerke Abschlag Januar',
      amountMinor: -4500,
    });
  });

  it('reads Spanish names', () => {
    const file = parsed(
      'Fecha;Fecha valor;Concepto;Importe;Saldo\n15/01/2024;15/01/2024;Bizum;-12,00;88,00',
    );
    expect(ops(file)[0]).toMatchObject({ label: 'Bizum', amountMinor: -1200 });
    expect(file.bank).toBeNull();
  });
});

describe('files without a header row', () => {
  it('infers the date, the amount and the longest text column', () => {
    const file = parsed(
      '01/02/2024;-3,50;CB;CARTE CAFE DE LA GARE\n02/02/2024;1200,00;VIR;VIREMENT SALAIRE\n',
    );
    expect(ops(file).map((o) => [o.date, o.amountMinor, o.label])).toEqual([
      ['2024-02-01', -350, 'CARTE CAFE DE LA GARE'],
      ['2024-02-02', 120000, 'VIREMENT SALAIRE'],
    ]);
  });

  it('reads a debit and a credit column that never share a row', () => {
    const file = parsed('2024-02-01,Coffee shop,3.50,\n2024-02-02,Salary payment,,1200.00\n');
    expect(amounts(file)).toEqual([-350, 120000]);
  });

  it('asks for a mapping rather than guess between two amount-like columns', () => {
    const result = parseCsv(
      '2024-02-01,Coffee shop,-3.50,96.50\n2024-02-02,Salary,1200.00,1296.50\n',
    );
    expect(result).toMatchObject({ ok: false, code: 'needs_mapping' });
  });
});

describe('options.mapping', () => {
  const text = 'Date;Libellé;Détail;Montant;Solde\n05/02/2024;CB;CB CAFE;-3,50;96,50\n';
  const base: CsvColumnMapping = {
    version: 1,
    hasHeader: true,
    date: 'Date',
    label: ['Détail'],
    amount: 'Montant',
  };

  it('replaces detection entirely', () => {
    const file = parsed(text, { mapping: base });
    expect(ops(file)[0]).toMatchObject({ label: 'CB CAFE', amountMinor: -350 });
    expect(file.statements[0]?.balances).toEqual([]); // the mapping names no balance column
    const forced = parsed(text, { mapping: { ...base, dateOrder: 'mdy', invertAmounts: true } });
    expect(ops(forced)[0]).toMatchObject({ date: '2024-05-02', amountMinor: 350 });
  });

  it('reads a headerless file by position', () => {
    const file = parsed('05/02/2024;-3,50;CB CAFE\n', {
      mapping: { version: 1, hasHeader: false, date: 0, label: [2], amount: 1 },
    });
    expect(ops(file)[0]).toMatchObject({ label: 'CB CAFE', amountMinor: -350 });
  });

  it('fails with needs_mapping when the saved columns are gone', () => {
    const result = parseCsv(text, { mapping: { ...base, amount: 'Betrag' } });
    expect(result).toMatchObject({ ok: false, code: 'needs_mapping' });
  });

  it('can force the decimal separator', () => {
    const file = parsed('Date,Label,Amount\n2024-02-01,A,"1,234"\n', {
      mapping: {
        version: 1,
        hasHeader: true,
        date: 'Date',
        label: ['Label'],
        amount: 'Amount',
        decimalSeparator: '.',
      },
    });
    expect(amounts(file)).toEqual([123400]);
  });
});

describe('size', () => {
  it('reads 10,000 rows', () => {
    const lines = ['Date;Libellé;Montant;Solde'];
    for (let i = 0; i < 10_000; i += 1) {
      const day = String((i % 28) + 1).padStart(2, '0');
      lines.push(
        `${day}/03/2024;"CARTE X1234 ${i} MAGASIN";-${i % 500},${String(i % 100).padStart(2, '0')};0,00`,
      );
    }
    const file = parsed(lines.join('\n'), { defaultCurrency: currency('EUR') });
    expect(ops(file)).toHaveLength(10_000);
    expect(ops(file)[9_999]?.line).toBe(10_001);
    expect(codes(file)).toEqual(['balance_mismatch']);
  });
});
