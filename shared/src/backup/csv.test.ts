import { describe, expect, it } from 'vitest';
import { defaultCategories } from '../categories/defaults.ts';
import { makeAccount, makeOperation } from '../testing/fixtures.ts';
import { csvField, operationsToCsv } from './csv.ts';

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['with space', 'with space'],
    ['a,b', '"a,b"'],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['line\nbreak', '"line\nbreak"'],
    ['line\r\nbreak', '"line\r\nbreak"'],
    ["l'étoile", "l'étoile"],
  ])('quotes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+33 6 12 34 56 78', "'+33 6 12 34 56 78"],
    ['@cmd', "'@cmd"],
    ['-cmd', "'-cmd"],
    ['-1+1|calc', "'-1+1|calc"],
    ['-2-3', "'-2-3"],
    ['\t=1', "'\t=1"],
    ['\r=1', '"\'\r=1"'],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['=1,2', `"'=1,2"`],
  ])('defuses the formula %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each(['-12.50', '-5', '-0.005', '12.50', '0'])('leaves the number %j alone', (value) => {
    expect(csvField(value)).toBe(value);
  });
});

describe('operationsToCsv', () => {
  const accounts = [
    makeAccount({ id: 'a1', name: 'Compte, courant' }),
    makeAccount({ id: 'jp', name: 'Tokyo', currency: 'JPY' }),
    makeAccount({ id: 'bh', name: 'Manama', currency: 'BHD' }),
  ];
  const categories = defaultCategories(1);
  const operations = [
    makeOperation({
      id: 'late',
      accountId: 'a1',
      date: '2024-03-02',
      amountMinor: -123456,
      label: 'Café "Le Zinc"',
      rawLabel: 'CB CAFE; LE ZINC',
      categoryId: 'eating_out',
      note: 'ligne 1\nligne 2',
      externalId: 'ext-9',
    }),
    makeOperation({
      id: 'early',
      accountId: 'a1',
      date: '2024-03-01',
      valueDate: '2024-03-03',
      amountMinor: 5,
      label: '=cmd()',
      rawLabel: '=cmd()',
      categoryId: null,
    }),
    makeOperation({
      id: 'yen',
      accountId: 'jp',
      date: '2024-03-03',
      amountMinor: -1500,
      currency: 'JPY',
    }),
    makeOperation({
      id: 'dinar',
      accountId: 'bh',
      date: '2024-03-04',
      amountMinor: 1234,
      currency: 'BHD',
    }),
    makeOperation({
      id: 'orphan',
      accountId: 'gone',
      date: '2024-03-05',
      amountMinor: 0,
      categoryId: 'nope',
    }),
  ];

  it('writes a header, CRLF rows oldest first, decimal amounts and quoted fields', () => {
    const csv = operationsToCsv(operations, accounts, categories, 'fr');
    expect(csv).toBe(
      [
        'date,value_date,account,amount,currency,label,raw_label,category,note,origin,external_id,id',
        '2024-03-01,2024-03-03,"Compte, courant",0.05,EUR,\'=cmd(),\'=cmd(),,,import,,early',
        '2024-03-02,,"Compte, courant",-1234.56,EUR,"Café ""Le Zinc""","CB CAFE; LE ZINC",Restaurants & sorties,"ligne 1\nligne 2",import,ext-9,late',
        '2024-03-03,,Tokyo,-1500,JPY,CB MONOP PARIS,CB MONOP PARIS,,,import,,yen',
        '2024-03-04,,Manama,1.234,BHD,CB MONOP PARIS,CB MONOP PARIS,,,import,,dinar',
        '2024-03-05,,gone,0.00,EUR,CB MONOP PARIS,CB MONOP PARIS,,,import,,orphan',
        '',
      ].join('\r\n'),
    );
  });

  it('names categories in the chosen language', () => {
    const csv = operationsToCsv(operations.slice(0, 1), accounts, categories, 'en');
    expect(csv.split('\r\n')[1]).toContain(',Eating out,');
  });

  it('writes only the header for no operations', () => {
    expect(operationsToCsv([], accounts, categories, 'en')).toBe(
      'date,value_date,account,amount,currency,label,raw_label,category,note,origin,external_id,id\r\n',
    );
  });

  it('does not reorder the caller’s list', () => {
    const copy = [...operations];
    operationsToCsv(copy, accounts, categories, 'en');
    expect(copy).toEqual(operations);
  });
});
