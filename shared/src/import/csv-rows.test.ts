import { describe, expect, it } from 'vitest';
import { currency } from '../money/currency.ts';
import { joinLabel } from './csv-rows.ts';
import { parseCsv, type CsvParseOptions } from './csv.ts';
import type { StatementFile, StatementOperation } from './statement.ts';

// Small invented files (no real account data).
function parsed(text: string, options: CsvParseOptions = {}): StatementFile {
  const result = parseCsv(text, options);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}
const ops = (file: StatementFile): StatementOperation[] =>
  file.statements.flatMap((s) => [...s.operations]);
const amounts = (file: StatementFile): number[] => ops(file).map((o) => o.amountMinor);
const dates = (file: StatementFile): string[] => ops(file).map((o) => o.date);
const warned = (file: StatementFile): [string, number | null][] =>
  file.warnings.map((w) => [w.code, w.line]);

describe('amounts', () => {
  it('infers each column’s separators from all its values', () => {
    const us = parsed('Date,Description,Amount\n2024-01-01,A,"1,234"\n2024-01-02,B,"1,234.56"');
    expect(amounts(us)).toEqual([123400, 123456]);
    const fr = parsed('Date;Libellé;Montant\n01/01/2024;A;1.234\n02/01/2024;B;2,50');
    expect(amounts(fr)).toEqual([123400, 250]);
  });

  it('reads spaces, symbols, signs and parentheses', () => {
    const file = parsed(
      'Date,Description,Amount\n2024-01-01,A,(12.00)\n2024-01-02,B,+5.00\n2024-01-03,C,€1\u00a0234.50\n2024-01-04,D,-$7.00',
    );
    expect(amounts(file)).toEqual([-1200, 500, 123450, -700]);
  });

  it('reads Swiss apostrophes in a ";" file', () => {
    expect(amounts(parsed("Datum;Text;Betrag\n05.01.2024;Migros;-11'373.94"))).toEqual([-1137394]);
  });

  it('negates positive debits and keeps already negative ones', () => {
    const positive = parsed('Date;Libellé;Débit;Crédit\n01/02/2024;A;12,50;\n02/02/2024;B;;100,00');
    expect(amounts(positive)).toEqual([-1250, 10000]);
    const signed = parsed('Date;Libellé;Débit;Crédit\n01/02/2024;A;-12,50;\n02/02/2024;B;;100,00');
    expect(amounts(signed)).toEqual([-1250, 10000]);
  });

  it('takes a fee off the amount', () => {
    const file = parsed('Date,Description,Amount,Fee\n2024-01-01,Card,-10.00,0.50');
    expect(amounts(file)).toEqual([-1050]);
  });
});

describe('dates', () => {
  it('reads day first when a date says so', () => {
    expect(dates(parsed('Date,Label,Amount\n01/02/2024,A,1.00\n25/02/2024,B,1.00'))).toEqual([
      '2024-02-01',
      '2024-02-25',
    ]);
  });

  it('reads month first when a date says so, even in a ";" file with decimal commas', () => {
    const file = parsed('Date;Name;Amount\n2/20/19;A;1,00\n2/8/19;B;-63,89');
    expect(dates(file)).toEqual(['2019-02-20', '2019-02-08']);
    expect(file.warnings).toEqual([]);
  });

  it('reads an all-ambiguous column day first in European files, saying so', () => {
    const file = parsed('Date;Libellé;Montant\n01/02/2024;A;1,00\n03/02/2024;B;1,00');
    expect(dates(file)).toEqual(['2024-02-01', '2024-02-03']);
    expect(file.warnings.map((w) => w.code)).toEqual(['ambiguous_date']);
  });

  it('reads an all-ambiguous column month first in "," files with decimal points', () => {
    const file = parsed('Date,Label,Amount\n01/02/2024,A,1.00\n03/02/2024,B,1.00');
    expect(dates(file)).toEqual(['2024-01-02', '2024-03-02']);
    expect(file.warnings.map((w) => w.code)).toEqual(['ambiguous_date']);
  });

  it('lets options.dateOrder force the order', () => {
    const file = parsed('Date,Label,Amount\n01/02/2024,A,1.00\n25/02/2024,B,1.00', {
      dateOrder: 'mdy',
    });
    expect(dates(file)).toEqual(['2024-01-02']);
    expect(warned(file)).toEqual([['skipped_line', 3]]);
  });

  it('reads month names and times', () => {
    const file = parsed(
      'Completed Date,Description,Amount\n05 Jan 2021 10:02,A,-1.00\n"Jan 6, 2021",B,-1.00',
    );
    expect(dates(file)).toEqual(['2021-01-05', '2021-01-06']);
  });
});

describe('rows that are not operations', () => {
  it('skips pending rows of a status column, whatever the language', () => {
    const file = parsed(
      [
        'Date,Status,Description,Amount',
        '2024-01-01,Posted,A,-1.00',
        '2024-01-02,Pending,B,-2.00',
        '2024-01-03,En attente,C,-3.00',
        '2024-01-04,Non comptabilisé,D,-4.00',
      ].join('\n'),
    );
    expect(amounts(file)).toEqual([-100]);
    expect(warned(file)).toEqual([
      ['pending_skipped', 3],
      ['pending_skipped', 4],
      ['pending_skipped', 5],
    ]);
  });

  it('skips rows that have a value date but no booking date yet', () => {
    const file = parsed(
      'Date;Date de valeur;Libellé;Montant\n;14/01/2024;CB A;-1,00\n13/01/2024;13/01/2024;B;-2,00',
    );
    expect(amounts(file)).toEqual([-200]);
    expect(warned(file)).toEqual([['pending_skipped', 2]]);
  });

  it('skips a totals footer and unreadable amounts with a warning, never failing', () => {
    const file = parsed(
      'Date;Libellé;Débit;Crédit\n13/02/2024;A;1,00;\n14/02/2024;B;not-a-number;\nTotal;;1,00;0,00\n',
    );
    expect(amounts(file)).toEqual([-100]);
    expect(warned(file)).toEqual([
      ['skipped_line', 3],
      ['skipped_line', 4],
    ]);
  });

  it('passes over blank lines and a repeated header silently', () => {
    const file = parsed(
      'Date;Libellé;Montant\n\n13/02/2024;A;-1,00\n ; ; \nDate;Libellé;Montant\n14/02/2024;B;-2,00\n',
    );
    expect(amounts(file)).toEqual([-100, -200]);
    expect(file.warnings).toEqual([]);
  });

  it('fails with no_operations when nothing is booked', () => {
    const result = parseCsv('Date,State,Description,Amount\n2024-01-01,PENDING,A,-1.00');
    expect(result).toMatchObject({ ok: false, code: 'no_operations' });
  });
});

describe('quoting and lines', () => {
  it('keeps multi-line quoted labels, doubled quotes and counts lines inside quotes', () => {
    const text = [
      'Date;Libellé;Débit Euros;Crédit Euros;',
      '01/02/2024;"PAIEMENT PAR CARTE   ',
      'CAFE ""LE ZINC""  PARIS  ',
      '',
      '";3,18;;',
      '02/02/2024;"VIREMENT";;30,13;',
    ].join('\r\n');
    const file = parsed(text);
    expect(ops(file).map((o) => [o.line, o.label, o.amountMinor])).toEqual([
      [2, 'PAIEMENT PAR CARTE CAFE "LE ZINC"  PARIS', -318],
      [6, 'VIREMENT', 3013],
    ]);
  });

  it('reads a trailing delimiter on some rows and not on others', () => {
    const file = parsed('Date,Description,Amount,\n2024-01-01,A,-1.00\n2024-01-02,B,-2.00,,\n');
    expect(amounts(file)).toEqual([-100, -200]);
  });

  it('joins label columns, dropping empty, placeholder and repeated parts', () => {
    expect(joinLabel(['CARTE X1417 27/05 ', 'CARTE X1417 27/05 BOULANGERIE'])).toBe(
      'CARTE X1417 27/05 BOULANGERIE',
    );
    expect(joinLabel(['Jane Doe', 'Jane Doe', 'Rent'])).toBe('Jane Doe Rent');
    expect(joinLabel(['Shop', '-', '', '  '])).toBe('Shop');
  });
});

describe('balance, currency, ids and accounts', () => {
  it('takes the closing balance from the newest row, whichever way the file runs', () => {
    const oldestFirst = parsed(
      'Date,Description,Amount,Balance\n2024-01-01,A,-1.00,9.00\n2024-01-02,B,5.00,14.00',
    );
    expect(oldestFirst.statements[0]?.balances).toEqual([
      { kind: 'closing', date: '2024-01-02', amountMinor: 1400 },
    ]);
    const newestFirst = parsed(
      'Date,Description,Amount,Balance\n2024-01-02,B,5.00,14.00\n2024-01-02,A,-1.00,9.00',
    );
    expect(newestFirst.statements[0]?.balances[0]?.amountMinor).toBe(1400);
    expect(newestFirst.warnings).toEqual([]);
  });

  it('warns once when the running balance does not follow from the amounts', () => {
    const file = parsed(
      'Date,Description,Amount,Balance\n2024-01-01,A,-1.00,9.00\n2024-01-02,B,5.00,99.00\n2024-01-03,C,5.00,0.00',
    );
    expect(warned(file)).toEqual([['balance_mismatch', 3]]);
  });

  it('takes the currency from its column, else the options, else the symbols, else EUR', () => {
    const column = parsed(
      'Date,Description,Amount,Currency\n2024-01-01,A,-1.00,USD\n2024-01-02,B,-100,JPY',
    );
    expect(ops(column).map((o) => [o.currency, o.amountMinor])).toEqual([
      ['USD', -100],
      ['JPY', -100],
    ]);
    expect(column.statements[0]?.account.currency).toBeNull();
    const text = 'Date,Description,Amount\n2024-01-01,A,-$1.00';
    expect(ops(parsed(text, { defaultCurrency: currency('CAD') }))[0]?.currency).toBe('CAD');
    expect(ops(parsed(text))[0]?.currency).toBe('USD');
    expect(ops(parsed('Date,Description,Amount\n2024-01-01,A,-1.00'))[0]?.currency).toBe('EUR');
  });

  it('keeps the bank id byte for byte, null when the file has none', () => {
    const file = parsed(
      'Date,ID,Description,Amount\n2024-01-01, tx_00A ,A,-1.00\n2024-01-02,,B,-1.00',
    );
    expect(ops(file).map((o) => o.externalId)).toEqual([' tx_00A ', null]);
    expect(ops(parsed('Date,Description,Amount\n2024-01-01,A,-1.00'))[0]?.externalId).toBeNull();
  });

  it('makes one statement per account when rows name their account', () => {
    const file = parsed(
      'Date;Compte;Libellé;Montant\n01/02/2024;="0001";A;-1,00\n01/02/2024;0002;B;-2,00\n02/02/2024;0001;C;-3,00',
    );
    expect(file.statements.map((s) => [s.account.id, s.operations.length])).toEqual([
      ['0001', 2],
      ['0002', 1],
    ]);
  });
});
