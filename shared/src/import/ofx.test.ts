import { describe, expect, it } from 'vitest';
import { currency } from '../money/currency.ts';
import { looksLikeOfx, parseOfx } from './ofx.ts';
import type { StatementFile, StatementParseOptions } from './statement.ts';

// Every fixture below is invented (banks, accounts, names, amounts and dates).
const SGML_HEADER = [
  'OFXHEADER:100',
  'DATA:OFXSGML',
  'VERSION:102',
  'SECURITY:NONE',
  'ENCODING:USASCII',
  'CHARSET:1252',
  'COMPRESSION:NONE',
  'OLDFILEUID:NONE',
  'NEWFILEUID:NONE',
  '',
  '',
].join('\n');
const XML_HEADER =
  '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
  '<?OFX OFXHEADER="200" VERSION="211" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>\n';

/** One SGML STMTTRN, leaves unclosed, one per line. */
function trn(fields: Record<string, string>): string {
  const leaves = Object.entries(fields).map(([tag, value]) => `<${tag}>${value}`);
  return ['<STMTTRN>', ...leaves, '</STMTTRN>'].join('\n');
}

const groceries = {
  TRNTYPE: 'DEBIT',
  DTPOSTED: '20240305',
  TRNAMT: '-42.10',
  FITID: 'F1',
  NAME: 'EPICERIE DU PORT',
};
const salary = {
  TRNTYPE: 'CREDIT',
  DTPOSTED: '20240328',
  TRNAMT: '2100.00',
  FITID: 'F2',
  NAME: 'SALAIRE MARS',
};

interface StatementSpec {
  readonly rows?: readonly Record<string, string>[];
  readonly curdef?: string;
  readonly acctid?: string;
  readonly balances?: string;
}

function bankStatement({
  rows = [],
  curdef = 'EUR',
  acctid = '0001234567',
  balances = '',
}: StatementSpec): string {
  return [
    '<STMTTRNRS>',
    '<TRNUID>1',
    '<STATUS>',
    '<CODE>0',
    '<SEVERITY>INFO',
    '</STATUS>',
    '<STMTRS>',
    `<CURDEF>${curdef}`,
    '<BANKACCTFROM>',
    '<BANKID>30001',
    `<ACCTID>${acctid}`,
    '<ACCTTYPE>CHECKING',
    '</BANKACCTFROM>',
    '<BANKTRANLIST>',
    '<DTSTART>20240301',
    '<DTEND>20240331',
    ...rows.map(trn),
    '</BANKTRANLIST>',
    balances,
    '</STMTRS>',
    '</STMTTRNRS>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function ofx(messages: string, { header = SGML_HEADER, org = 'BANQUE EXEMPLE' } = {}): string {
  const fi = org === '' ? '' : `<FI>\n<ORG>${org}\n<FID>123\n</FI>\n`;
  return (
    `${header}<OFX>\n<SIGNONMSGSRSV1>\n<SONRS>\n<STATUS>\n<CODE>0\n<SEVERITY>INFO\n</STATUS>\n` +
    `<DTSERVER>20240401120000\n<LANGUAGE>FRA\n${fi}</SONRS>\n</SIGNONMSGSRSV1>\n${messages}\n</OFX>\n`
  );
}

const bankFile = (spec: StatementSpec, options?: { header?: string; org?: string }): string =>
  ofx(`<BANKMSGSRSV1>\n${bankStatement(spec)}\n</BANKMSGSRSV1>`, options);

function parsed(text: string, options: StatementParseOptions = {}): StatementFile {
  const result = parseOfx(text, options);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

const operations = (text: string, options: StatementParseOptions = {}) =>
  parsed(text, options).statements.flatMap((s) => s.operations);
const amounts = (text: string): number[] => operations(text).map((op) => op.amountMinor);
const codes = (file: StatementFile): string[] => file.warnings.map((w) => w.code);

/** The 1-based lines on which `needle` starts, to check the lines the parser reports. */
function linesOf(text: string, needle: string): number[] {
  return text.split('\n').flatMap((line, i) => (line.includes(needle) ? [i + 1] : []));
}

describe('looksLikeOfx', () => {
  it.each([
    ['an OFX 1.x header', 'OFXHEADER:100\nDATA:OFXSGML\n'],
    ['an OFX 2.x processing instruction', '<?xml version="1.0"?>\n<?OFX OFXHEADER="200"?>'],
    ['a bare body', '\n\n<OFX>\n<SIGNONMSGSRSV1>'],
    ['a body after other text', 'Exported by MyBank\r\n<ofx>'],
  ])('recognises %s', (_, text) => {
    expect(looksLikeOfx(text)).toBe(true);
  });

  it.each([
    ['QIF', '!Type:Bank\nD01/02/2024\nT-5.00\n^'],
    ['CSV', 'Date;Libellé;Montant\n01/02/2024;OFX;-5,00'],
    [
      'CAMT',
      '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">',
    ],
    ['an <OFXX> tag', '<OFXX>'],
  ])('refuses %s', (_, text) => {
    expect(looksLikeOfx(text)).toBe(false);
    expect(parseOfx(text)).toMatchObject({ ok: false, code: 'not_this_format' });
  });
});

describe('parseOfx: headers and layout', () => {
  const expected = [
    ['2024-03-05', -4210, 'EPICERIE DU PORT'],
    ['2024-03-28', 210000, 'SALAIRE MARS'],
  ];
  const view = (text: string) => operations(text).map((o) => [o.date, o.amountMinor, o.label]);

  it('reads an SGML file with its OFXHEADER block', () => {
    const text = bankFile({ rows: [groceries, salary] });
    const file = parsed(text);
    expect(file.format).toBe('ofx');
    expect(file.bank).toBe('BANQUE EXEMPLE');
    expect(file.warnings).toEqual([]);
    expect(file.statements).toHaveLength(1);
    expect(file.statements[0]!.account).toEqual({ id: '0001234567', currency: 'EUR' });
    expect(file.statements[0]!.operations[0]).toEqual({
      date: '2024-03-05',
      valueDate: null,
      amountMinor: -4210,
      currency: 'EUR',
      label: 'EPICERIE DU PORT',
      externalId: 'F1',
      line: linesOf(text, '<STMTTRN>')[0],
    });
    expect(linesOf(text, '<STMTTRN>')).toEqual([43, 50]);
  });

  it('reads an XML file with <?xml?><?OFX?>, or no header at all', () => {
    expect(view(bankFile({ rows: [groceries, salary] }, { header: XML_HEADER }))).toEqual(expected);
    expect(view(bankFile({ rows: [groceries, salary] }, { header: '' }))).toEqual(expected);
  });

  it('skips leading blank lines and any text before <OFX>', () => {
    const header = '\n\n\n  \nExport du 01/04/2024 <not a tag\n' + SGML_HEADER;
    expect(view(bankFile({ rows: [groceries, salary] }, { header }))).toEqual(expected);
  });

  it('gives the same operations and lines with CRLF, LF and CR line ends', () => {
    const lf = bankFile({ rows: [groceries, salary] });
    const lines = (text: string) => operations(text).map((o) => [o.amountMinor, o.line]);
    expect(lines(lf.replaceAll('\n', '\r\n'))).toEqual(lines(lf));
    expect(lines(lf.replaceAll('\n', '\r'))).toEqual(lines(lf));
  });

  it('reads a whole file on one line, and a tab-indented one', () => {
    const lf = bankFile({ rows: [groceries, salary] });
    expect(view(lf.replaceAll('\n', ''))).toEqual(expected);
    expect(operations(lf.replaceAll('\n', '')).map((o) => o.line)).toEqual([1, 1]);
    const tabbed = lf
      .split('\n')
      .map((line, i) => '\t'.repeat(i % 4) + line)
      .join('\n');
    expect(view(tabbed)).toEqual(expected);
  });

  it('reads XML-closed leaves, mixed with unclosed ones', () => {
    const text = bankFile({ rows: [groceries] }).replace(
      '<TRNAMT>-42.10',
      '<TRNAMT>-42.10</TRNAMT>',
    );
    expect(amounts(text)).toEqual([-4210]);
  });

  it('reads leaves closed only after their following siblings (American Express)', () => {
    const row = [
      '<STMTTRN>',
      ' <TRNTYPE>DEBIT',
      '  <DTPOSTED>20240305000000.000[-7:MST]',
      '   <TRNAMT>-18.76',
      '    <FITID>3201',
      '     <NAME>MARCHE CENTRAL',
      '      <MEMO>GROCERY',
      '      </MEMO>',
      '     </NAME>',
      '    </FITID>',
      '   </TRNAMT>',
      '  </DTPOSTED>',
      ' </TRNTYPE>',
      '</STMTTRN>',
    ].join('\n');
    const text = bankFile({ rows: [] }).replace('<DTEND>20240331', `<DTEND>20240331\n${row}`);
    expect(operations(text).map((o) => [o.amountMinor, o.label, o.externalId])).toEqual([
      [-1876, 'MARCHE CENTRAL GROCERY', '3201'],
    ]);
  });

  it('names the bank from <FI><ORG>, or null without it', () => {
    expect(parsed(bankFile({ rows: [groceries] }, { org: '' })).bank).toBeNull();
  });

  it('warns when the file is cut short, and keeps what it read', () => {
    const text = bankFile({ rows: [groceries, salary] });
    const cut = text.slice(0, text.indexOf('</BANKTRANLIST>'));
    const file = parsed(cut);
    expect(file.statements[0]!.operations.map((o) => o.amountMinor)).toEqual([-4210, 210000]);
    expect(codes(file)).toEqual(['truncated_file']);
  });

  it('refuses a header with no body', () => {
    expect(parseOfx(SGML_HEADER)).toMatchObject({ ok: false, code: 'malformed' });
  });
});

describe('parseOfx: text values', () => {
  it('decodes entities, including double escaping, and keeps apostrophes', () => {
    const rows = [
      { ...groceries, NAME: 'TPAY &amp;lt;DEFTPYMT&amp;gt;', MEMO: 'B.C. HYDRO &amp; POWER' },
      { ...salary, NAME: "L'ATELIER D'ANNE &#233;t&#xE9;" },
    ];
    expect(operations(bankFile({ rows })).map((o) => o.label)).toEqual([
      'TPAY <DEFTPYMT> B.C. HYDRO & POWER',
      "L'ATELIER D'ANNE été",
    ]);
  });

  it('reads CDATA as literal text', () => {
    const text = bankFile({ rows: [{ ...groceries, NAME: '<![CDATA[R&D <LABO> &amp; CIE]]>' }] });
    expect(operations(text)[0]!.label).toBe('R&D <LABO> &amp; CIE');
  });

  it('keeps FITID and ACCTID byte-exact, spaces inside included', () => {
    const text = bankFile({
      acctid: '12300 000012345678',
      rows: [{ ...groceries, FITID: ' A-1.2  B ' }],
    });
    const file = parsed(text);
    expect(file.statements[0]!.account.id).toBe('12300 000012345678');
    // An unclosed SGML leaf loses only its line end; an XML one closed on the line keeps all.
    expect(file.statements[0]!.operations[0]!.externalId).toBe(' A-1.2  B');
    const xml = text.replace('<FITID> A-1.2  B ', '<FITID> A-1.2  B </FITID>');
    expect(operations(xml)[0]!.externalId).toBe(' A-1.2  B ');
  });

  it('an empty FITID or ACCTID is null', () => {
    const file = parsed(bankFile({ acctid: '', rows: [{ ...groceries, FITID: '' }] }));
    expect(file.statements[0]!.account.id).toBeNull();
    expect(file.statements[0]!.operations[0]!.externalId).toBeNull();
  });

  it('builds the label from NAME, MEMO, PAYEE, TRNTYPE and CHECKNUM', () => {
    const { NAME: _, ...noName } = groceries;
    const rows = [
      { ...groceries, MEMO: 'CB 04/03' },
      { ...groceries, MEMO: 'EPICERIE DU PORT' },
      { ...groceries, MEMO: '' },
      { ...noName, MEMO: 'RETRAIT DAB' },
      // NAME is capped at 32 characters; MEMO repeats it in full.
      {
        ...groceries,
        NAME: 'PRELEVEMENT ASSURANCE HABITATION',
        MEMO: 'PRELEVEMENT ASSURANCE HABITATION 2024',
      },
      { ...noName, PAYEE: '' }, // filled in below
      { ...noName, TRNTYPE: 'CHECK', CHECKNUM: '1000' },
    ];
    const text = bankFile({ rows }).replace(
      '<PAYEE>',
      '<PAYEE>\n<NAME>PLOMBERIE MARTIN\n<ADDR1>1 RUE HAUTE\n</PAYEE>',
    );
    expect(operations(text).map((o) => o.label)).toEqual([
      'EPICERIE DU PORT CB 04/03',
      'EPICERIE DU PORT',
      'EPICERIE DU PORT',
      'RETRAIT DAB',
      'PRELEVEMENT ASSURANCE HABITATION 2024',
      'PLOMBERIE MARTIN',
      'CHECK 1000',
    ]);
  });

  it('reads DTAVAIL as the value date', () => {
    const text = bankFile({ rows: [{ ...groceries, DTAVAIL: '20240307' }] });
    expect(operations(text)[0]!.valueDate).toBe('2024-03-07');
  });
});

describe('parseOfx: amounts', () => {
  it('reads comma decimals, "+" signs and 3 to 5 decimals', () => {
    const rows = ['-12,50', '+5', '-30.000', '-3.77000', '+00000000001111.0000'].map(
      (TRNAMT, i) => ({
        ...groceries,
        TRNAMT,
        FITID: `A${i}`,
      }),
    );
    expect(amounts(bankFile({ rows }))).toEqual([-1250, 500, -3000, -377, 111100]);
  });

  it('skips a row whose amount is not a number ("$120"), with a warning and its line', () => {
    const text = bankFile({ rows: [{ ...groceries, TRNAMT: '$120' }, salary] });
    const file = parsed(text);
    expect(file.statements[0]!.operations.map((o) => o.amountMinor)).toEqual([210000]);
    expect(file.warnings).toEqual([
      {
        code: 'skipped_operation',
        message: 'Operation skipped: TRNAMT "$120" is not a valid amount',
        line: linesOf(text, '<STMTTRN>')[0],
      },
    ]);
  });

  it('drops "-0" placeholder rows with a warning', () => {
    const file = parsed(
      bankFile({ rows: [{ ...groceries, TRNAMT: '-0', NAME: 'XXXEXTRAXXX' }, salary] }),
    );
    expect(file.statements[0]!.operations.map((o) => o.amountMinor)).toEqual([210000]);
    expect(codes(file)).toEqual(['zero_amount_skipped']);
  });

  it('rounds sub-cent amounts with a warning rather than losing the row', () => {
    const file = parsed(bankFile({ rows: [{ ...groceries, TRNAMT: '-1.2351' }] }));
    expect(file.statements[0]!.operations[0]!.amountMinor).toBe(-124);
    expect(codes(file)).toEqual(['amount_rounded']);
  });
});

describe('parseOfx: dates', () => {
  it.each([
    ['20240305', '2024-03-05'],
    ['20240305235959', '2024-03-05'],
    ['20240305235959.123', '2024-03-05'],
    ['20240305233000.000[-5:EST]', '2024-03-05'],
    ['20240305000000[0:GMT]', '2024-03-05'],
    ['20240305010000[+5.30:IST]', '2024-03-05'],
  ])('DTPOSTED %s is %s, as written', (DTPOSTED, date) => {
    expect(operations(bankFile({ rows: [{ ...groceries, DTPOSTED }] }))[0]!.date).toBe(date);
  });

  it('skips rows without a valid DTPOSTED, each with a warning and its line', () => {
    const { DTPOSTED: _, ...undated } = groceries;
    const rows = [
      undated,
      { ...groceries, DTPOSTED: '' },
      { ...groceries, DTPOSTED: '20240231' },
      salary,
    ];
    const text = bankFile({ rows });
    const file = parsed(text);
    const [first, second, third] = linesOf(text, '<STMTTRN>');
    expect(file.statements[0]!.operations.map((o) => o.amountMinor)).toEqual([210000]);
    expect(file.warnings.map((w) => [w.code, w.line, w.message])).toEqual([
      ['skipped_operation', first, 'Operation skipped: no DTPOSTED'],
      ['skipped_operation', second, 'Operation skipped: empty DTPOSTED'],
      ['skipped_operation', third, 'Operation skipped: DTPOSTED "20240231" is not a valid date'],
    ]);
  });

  it('still parses a statement whose every row is skipped', () => {
    const file = parsed(bankFile({ rows: [{ ...groceries, DTPOSTED: '2024' }] }));
    expect(file.statements).toHaveLength(1);
    expect(file.statements[0]!.operations).toEqual([]);
    expect(codes(file)).toEqual(['skipped_operation']);
  });
});

describe('parseOfx: statements, accounts and currencies', () => {
  const card = [
    '<CREDITCARDMSGSRSV1>',
    '<CCSTMTTRNRS>',
    '<TRNUID>2',
    '<CCSTMTRS>',
    '<CURDEF>USD',
    '<CCACCTFROM>',
    '<ACCTID>4970000000001234',
    '</CCACCTFROM>',
    '<BANKTRANLIST>',
    trn({ ...groceries, TRNAMT: '-9.99', FITID: 'C1' }),
    '</BANKTRANLIST>',
    '<LEDGERBAL>',
    '<BALAMT>-123.45',
    '<DTASOF>20240331',
    '</LEDGERBAL>',
    '</CCSTMTRS>',
    '</CCSTMTTRNRS>',
    '</CREDITCARDMSGSRSV1>',
  ].join('\n');

  it('reads several bank statements and a credit card, one statement each, in order', () => {
    const banks = `<BANKMSGSRSV1>\n${bankStatement({ rows: [groceries] })}\n${bankStatement({
      acctid: '0007654321',
      curdef: 'CHF',
      rows: [salary],
    })}\n</BANKMSGSRSV1>`;
    const file = parsed(ofx(`${banks}\n${card}`));
    expect(
      file.statements.map((s) => [s.account, s.operations.map((o) => [o.amountMinor, o.currency])]),
    ).toEqual([
      [{ id: '0001234567', currency: 'EUR' }, [[-4210, 'EUR']]],
      [{ id: '0007654321', currency: 'CHF' }, [[210000, 'CHF']]],
      [{ id: '4970000000001234', currency: 'USD' }, [[-999, 'USD']]],
    ]);
    expect(file.statements[2]!.balances).toEqual([
      { kind: 'closing', date: '2024-03-31', amountMinor: -12345 },
    ]);
  });

  it('without CURDEF: the default currency, else EUR, with a warning', () => {
    const text = bankFile({ curdef: '', rows: [groceries] });
    const file = parsed(text);
    expect(file.statements[0]!.account.currency).toBeNull();
    expect(file.statements[0]!.operations[0]!.currency).toBe('EUR');
    expect(codes(file)).toEqual(['currency_assumed']);
    const withDefault = parsed(text, { defaultCurrency: currency('CAD') });
    expect(withDefault.statements[0]!.operations[0]!.currency).toBe('CAD');
    expect(codes(withDefault)).toEqual(['currency_assumed']);
    expect(operations(bankFile({ curdef: 'EURO', rows: [groceries] }))[0]!.currency).toBe('EUR');
  });

  it('without CURDEF, the one currency the rows name wins', () => {
    const text = bankFile({ curdef: '', rows: [groceries] }).replace(
      '</STMTTRN>',
      '<CURRENCY>\n<CURRATE>1.0\n<CURSYM>AUD\n</CURRENCY>\n</STMTTRN>',
    );
    const file = parsed(text, { defaultCurrency: currency('EUR') });
    expect(file.statements[0]!.operations[0]!.currency).toBe('AUD');
    expect(codes(file)).toEqual(['currency_assumed']);
  });

  it("keeps the statement's currency for rows tagged with another one, and says so", () => {
    const tagged = (aggregate: string) =>
      bankFile({ rows: [groceries, salary] }).replaceAll(
        '</STMTTRN>',
        `<${aggregate}>\n<CURRATE>1.08\n<CURSYM>USD\n</${aggregate}>\n</STMTTRN>`,
      );
    const file = parsed(tagged('CURRENCY'));
    expect(file.statements[0]!.operations.map((o) => [o.amountMinor, o.currency])).toEqual([
      [-4210, 'EUR'],
      [210000, 'EUR'],
    ]);
    expect(codes(file)).toEqual(['transaction_currency_ignored']);
    // ORIGCURRENCY says the amount was already converted: nothing to say.
    expect(codes(parsed(tagged('ORIGCURRENCY')))).toEqual([]);
  });

  it('reads a statement without transactions (balances only)', () => {
    const balances = '<LEDGERBAL>\n<BALAMT>111\n<DTASOF>20240331\n</LEDGERBAL>';
    const file = parsed(bankFile({ balances }).replace(/<BANKTRANLIST>[^]*<\/BANKTRANLIST>\n/, ''));
    expect(file.statements[0]!.operations).toEqual([]);
    expect(file.statements[0]!.balances).toEqual([
      { kind: 'closing', date: '2024-03-31', amountMinor: 11100 },
    ]);
  });
});

describe('parseOfx: balances', () => {
  const withBalances = (balances: string) => parsed(bankFile({ rows: [groceries], balances }));

  it('LEDGERBAL is the closing balance, AVAILBAL the available one; never an opening one', () => {
    const file = withBalances(
      '<LEDGERBAL>\n<BALAMT>1234,56\n<DTASOF>20240331120000.000[+1:CET]\n</LEDGERBAL>\n' +
        '<AVAILBAL>\n<BALAMT>+1000.00\n<DTASOF>20240401\n</AVAILBAL>',
    );
    expect(file.statements[0]!.balances).toEqual([
      { kind: 'closing', date: '2024-03-31', amountMinor: 123456 },
      { kind: 'available', date: '2024-04-01', amountMinor: 100000 },
    ]);
    expect(file.warnings).toEqual([]);
  });

  it('an empty, blank or self-closed BALAMT is no balance, silently', () => {
    for (const amount of ['<BALAMT>', '<BALAMT> </BALAMT>', '<BALAMT></BALAMT>', '<BALAMT/>']) {
      const file = withBalances(`<LEDGERBAL>\n${amount}\n<DTASOF>20240331\n</LEDGERBAL>`);
      expect(file.statements[0]!.balances).toEqual([]);
      expect(file.warnings).toEqual([]);
    }
    expect(withBalances('<LEDGERBAL>\n</LEDGERBAL>').statements[0]!.balances).toEqual([]);
  });

  it('a balance that cannot be read is skipped with a warning, never given a made-up date', () => {
    const file = withBalances(
      '<LEDGERBAL>\n<BALAMT>12.00\n<DTASOF>\n</LEDGERBAL>\n<AVAILBAL>\n<BALAMT>N/A\n<DTASOF>20240331\n</AVAILBAL>',
    );
    expect(file.statements[0]!.balances).toEqual([]);
    expect(file.warnings.map((w) => w.code)).toEqual(['balance_skipped', 'balance_skipped']);
  });
});

describe('parseOfx: corrections', () => {
  it('keeps a REPLACE row; warns when it replaces another FITID', () => {
    const rows = [
      { ...groceries, CORRECTFITID: 'F1', CORRECTACTION: 'REPLACE' },
      { ...salary, CORRECTFITID: 'F0', CORRECTACTION: 'REPLACE' },
    ];
    const file = parsed(bankFile({ rows }));
    expect(file.statements[0]!.operations.map((o) => o.externalId)).toEqual(['F1', 'F2']);
    expect(file.warnings.map((w) => [w.code, w.message])).toEqual([
      [
        'corrected_operation',
        'This operation replaces operation F0; remove that one if it was imported',
      ],
    ]);
  });

  it('skips a DELETE row, naming the operation it cancels', () => {
    const file = parsed(
      bankFile({ rows: [{ ...groceries, CORRECTFITID: 'F0', CORRECTACTION: 'DELETE' }, salary] }),
    );
    expect(file.statements[0]!.operations.map((o) => o.externalId)).toEqual(['F2']);
    expect(file.warnings.map((w) => w.code)).toEqual(['deleted_operation']);
    expect(file.warnings[0]!.message).toContain('F0');
  });
});

describe('parseOfx: investment statements', () => {
  const investment = [
    '<INVSTMTMSGSRSV1>',
    '<INVSTMTTRNRS>',
    '<TRNUID>3',
    '<INVSTMTRS>',
    '<DTASOF>20240331',
    '<CURDEF>EUR',
    '<INVACCTFROM>',
    '<BROKERID>courtier.example',
    '<ACCTID>PEA-0042',
    '</INVACCTFROM>',
    '<INVTRANLIST>',
    '<DTSTART>20240301',
    '<DTEND>20240331',
    '<BUYSTOCK>',
    '<INVBUY>',
    '<INVTRAN>',
    '<FITID>B1',
    '<DTTRADE>20240304',
    '<DTSETTLE>20240306',
    '<MEMO>ACHAT',
    '</INVTRAN>',
    '<SECID>',
    '<UNIQUEID>FR0000000001',
    '<UNIQUEIDTYPE>ISIN',
    '</SECID>',
    '<UNITS>10',
    '<UNITPRICE>50.00',
    '<COMMISSION>2.50',
    '<TOTAL>-502.50',
    '<SUBACCTSEC>CASH',
    '<SUBACCTFUND>CASH',
    '</INVBUY>',
    '<BUYTYPE>BUY',
    '</BUYSTOCK>',
    '<INCOME>',
    '<INVTRAN>',
    '<FITID>D1',
    '<DTTRADE>20240315',
    '</INVTRAN>',
    '<SECID>',
    '<UNIQUEID>FR0000000001',
    '<UNIQUEIDTYPE>ISIN',
    '</SECID>',
    '<INCOMETYPE>DIV',
    '<TOTAL>12.34',
    '<SUBACCTSEC>CASH',
    '<SUBACCTFUND>CASH',
    '</INCOME>',
    '<TRANSFER>',
    '<INVTRAN>',
    '<FITID>T1',
    '<DTTRADE>20240320',
    '</INVTRAN>',
    '<UNITS>5',
    '</TRANSFER>',
    '<INVBANKTRAN>',
    trn({ TRNTYPE: 'DEP', DTPOSTED: '20240301', TRNAMT: '1000.00', FITID: 'V1', NAME: 'VIREMENT' }),
    '<SUBACCTFUND>CASH',
    '</INVBANKTRAN>',
    '</INVTRANLIST>',
    '<INVBAL>',
    '<AVAILCASH>522.34',
    '<MARGINBALANCE>0',
    '<SHORTBALANCE>0',
    '</INVBAL>',
    '</INVSTMTRS>',
    '</INVSTMTTRNRS>',
    '</INVSTMTMSGSRSV1>',
    '<SECLISTMSGSRSV1>',
    '<SECLIST>',
    '<STOCKINFO>',
    '<SECINFO>',
    '<SECID>',
    '<UNIQUEID>FR0000000001',
    '<UNIQUEIDTYPE>ISIN',
    '</SECID>',
    '<SECNAME>SOCIETE EXEMPLE SA',
    '<TICKER>EXM',
    '</SECINFO>',
    '</STOCKINFO>',
    '</SECLIST>',
    '</SECLISTMSGSRSV1>',
  ].join('\n');

  it('reads cash movements: buys, income and INVBANKTRAN; skips unit-only rows with a warning', () => {
    const file = parsed(ofx(investment));
    const [statement] = file.statements;
    expect(statement!.account).toEqual({ id: 'PEA-0042', currency: 'EUR' });
    expect(
      statement!.operations.map((o) => [o.date, o.valueDate, o.amountMinor, o.label, o.externalId]),
    ).toEqual([
      ['2024-03-04', '2024-03-06', -50250, 'ACHAT SOCIETE EXEMPLE SA', 'B1'],
      ['2024-03-15', null, 1234, 'INCOME DIV SOCIETE EXEMPLE SA', 'D1'],
      ['2024-03-01', null, 100000, 'VIREMENT', 'V1'],
    ]);
    expect(statement!.balances).toEqual([
      { kind: 'available', date: '2024-03-31', amountMinor: 52234 },
    ]);
    expect(file.warnings.map((w) => [w.code, w.message])).toEqual([
      [
        'investment_transactions_skipped',
        '1 investment transaction(s) without a cash movement not read (TRANSFER ×1)',
      ],
    ]);
  });

  it('lines point at the transaction tag', () => {
    const text = ofx(investment);
    expect(operations(text).map((o) => o.line)).toEqual([
      ...linesOf(text, '<BUYSTOCK>'),
      ...linesOf(text, '<INCOME>'),
      ...linesOf(text, '<STMTTRN>'),
    ]);
  });
});

describe('parseOfx: responses without a statement', () => {
  const errorResponse = [
    '<BANKMSGSRSV1>',
    '<STMTTRNRS>',
    '<TRNUID>9',
    '<STATUS>',
    '<CODE>2000',
    '<SEVERITY>ERROR',
    '<MESSAGE>Service indisponible',
    '</STATUS>',
    '</STMTTRNRS>',
    '</BANKMSGSRSV1>',
  ].join('\n');

  it("an error STATUS and no statement is the bank's error, with its code and message", () => {
    expect(parseOfx(ofx(errorResponse))).toEqual({
      ok: false,
      code: 'bank_error',
      message: '2000 Service indisponible',
    });
  });

  it('an error beside a statement is a warning', () => {
    const messages = errorResponse.replace(
      '</BANKMSGSRSV1>',
      `${bankStatement({ rows: [groceries] })}\n</BANKMSGSRSV1>`,
    );
    const file = parsed(ofx(messages));
    expect(file.statements[0]!.operations).toHaveLength(1);
    expect(file.warnings.map((w) => [w.code, w.message])).toEqual([
      ['bank_error', 'The bank reports an error: 2000 Service indisponible'],
    ]);
  });

  it('an account listing names the accounts it found', () => {
    const listing = [
      '<SIGNUPMSGSRSV1>',
      '<ACCTINFOTRNRS>',
      '<TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>',
      '<ACCTINFORS>',
      '<DTACCTUP>20240401',
      '<ACCTINFO><DESC>LIVRET A<BANKACCTINFO><BANKACCTFROM><BANKID>30001<ACCTID>0000000001<ACCTTYPE>SAVINGS</BANKACCTFROM><SUPTXDL>Y</BANKACCTINFO></ACCTINFO>',
      '<ACCTINFO><DESC>CARTE<CCACCTINFO><CCACCTFROM><ACCTID>4970000000001234</CCACCTFROM></CCACCTINFO></ACCTINFO>',
      '</ACCTINFORS>',
      '</ACCTINFOTRNRS>',
      '</SIGNUPMSGSRSV1>',
    ].join('\n');
    const result = parseOfx(ofx(listing));
    expect(result).toMatchObject({ ok: false, code: 'no_operations' });
    expect(result.ok ? '' : result.message).toContain(
      'LIVRET A 0000000001, CARTE 4970000000001234',
    );
  });

  it('a file with no statement at all has no operations', () => {
    expect(parseOfx(ofx(''))).toMatchObject({ ok: false, code: 'no_operations' });
  });
});

describe('parseOfx: size', () => {
  it('reads a 10,000-transaction file', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      TRNTYPE: 'DEBIT',
      DTPOSTED: `2024${String((i % 12) + 1).padStart(2, '0')}15120000.000[+1:CET]`,
      TRNAMT: `-${(i % 500) + 1}.${String(i % 100).padStart(2, '0')}`,
      FITID: `FIT${i}`,
      NAME: `COMMERCE &amp; CIE ${i}`,
      MEMO: `CB ${i}`,
    }));
    const file = parsed(bankFile({ rows }));
    const ops = file.statements[0]!.operations;
    expect(ops).toHaveLength(10_000);
    expect(ops[9_999]).toMatchObject({
      externalId: 'FIT9999',
      label: 'COMMERCE & CIE 9999 CB 9999',
    });
    expect(file.warnings).toEqual([]);
  });
});
