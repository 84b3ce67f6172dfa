import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeStatement, parseCsv } from '@tirelire/shared';
import { describe, expect, it } from 'vitest';

/**
 * The CSV parser against real exports (../shared/fixtures/statements/csv, beside the checkout).
 * Expected values come from MANIFEST.md and from what the source projects converted the files
 * to (expected/csv: csv2ofx OFX, beancount_reds_importers .extract, ofxstatement .ambr).
 */
const FIXTURES = resolve(import.meta.dirname, '../../../shared/fixtures/statements');
const CSV = resolve(FIXTURES, 'csv');
const EXPECTED = resolve(FIXTURES, 'expected/csv');

// The sha256 from MANIFEST.md: if a fixture changes, its expectations must be re-read.
const SHA256: Record<string, string> = {
  'budgetcategorizer__credit-agricole_extracted-from-parser_test.csv':
    '348c6c0de77a676c4915a53f6a6cd43ce9d09aa7420c9b3386709a45e87b8520',
  'csv2ofx__capitalone.csv': 'e52ec31a037223d1b4d864a489837e55568c21787a571523557ddd553f26c887',
  'csv2ofx__gls.csv': '9f5b31643baa63eb15efb8be6c4bcd54888985f92a3c4b8fc5c592ee5035d83b',
  'csv2ofx__ingesp.csv': '202b464d27ef50ac7d955c04b885366770b896e42756545d2e483dbfb9a764a3',
  'csv2ofx__n26-fr.csv': '6490670154be288884ef8074fb7d4b5a501217933d8b9e8412866e750aa02caa',
  'csv2ofx__outbank.csv': '671ae6aa683276fe737032c36689e146998e0b9bacdf93bc84b54f4a3db746ed',
  'csv2ofx__schwab-checking.csv':
    '1994e3f72c3d9f166757c4c17b4efedb09661bad719a68841e031d77df9f0354',
  'ofxstatement-lloyds__sample-statement.csv':
    'a4cd3cf1c86fb93dc864eed1b015e9673ef6da33f8cee611db856334f8696553',
  'ofxstatement-revolut__2021-october.csv':
    '28ec9adf267c07c7250287ff9c479a94f493fd5c945ba8329d83bba4e986cf8c',
  'ofxstatement-transferwise__sample-statement.csv':
    '6f3667f5e6277a288aff7501e11b2c62a739edb452158daab2a7cd62202cceb6',
  'reds__dcu_Main_Checking_Account_Transactions.csv':
    '55fa105c8c7f5b27cb08ba62a46d95e6da9d6b196cb523e31edac30b3b5455c6',
  'reds__semicolon_delimited.csv':
    '77adaa24d85727073c3faca66620ca4a0c44b34882d7e1e79e4f00b288f3ae85',
};

// The statement types are not exported by the package; take them from the parser's result.
type StatementFile = Extract<ReturnType<typeof parseCsv>, { ok: true }>['value'];
type Operation = StatementFile['statements'][number]['operations'][number];

function bytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(CSV, name)));
}

function parse(name: string): { file: StatementFile; ops: Operation[] } {
  const result = parseCsv(decodeStatement(bytes(name)).text);
  if (!result.ok) throw new Error(`${name}: ${result.code} ${result.message}`);
  return { file: result.value, ops: result.value.statements.flatMap((s) => [...s.operations]) };
}

const codes = (file: StatementFile): string[] => file.warnings.map((w) => w.code);
const sum = (ops: readonly Operation[]): number => ops.reduce((t, op) => t + op.amountMinor, 0);
const closing = (file: StatementFile): unknown => file.statements[0]?.balances;

/** Cents from a decimal text, by string surgery: no floats. */
function cents(text: string): number {
  const [whole = '0', fraction = ''] = text.replace('+', '').split('.');
  const negative = whole.startsWith('-');
  const value = Number(whole.replace('-', '')) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  return negative ? -value : value;
}

/** The STMTTRNs of a csv2ofx output: date, amount in cents, NAME. */
function expectedOfx(name: string): { date: string; amount: number; name: string }[] {
  const text = readFileSync(resolve(EXPECTED, name), 'utf8');
  return [...text.matchAll(/<STMTTRN>([\s\S]*?)<\/STMTTRN>/g)].map(([, body = '']) => {
    const field = (tag: string): string => new RegExp(`<${tag}>([^<\\n]*)`).exec(body)?.[1] ?? '';
    const posted = field('DTPOSTED');
    return {
      date: `${posted.slice(0, 4)}-${posted.slice(4, 6)}-${posted.slice(6, 8)}`,
      amount: cents(field('TRNAMT')),
      name: field('NAME').trim(),
    };
  });
}

/** The transactions of a beancount .extract: date, narration, amount in cents. */
function expectedExtract(name: string): [string, string, number][] {
  const text = readFileSync(resolve(EXPECTED, name), 'utf8');
  return [...text.matchAll(/^(\d{4}-\d{2}-\d{2}) \* "([^"]*)".*\n\s+\S+\s+(-?[\d.]+) /gm)].map(
    ([, date = '', narration = '', amount = '']) => [date, narration, cents(amount)],
  );
}

describe('CSV fixtures conform to MANIFEST.md', () => {
  it.each(Object.entries(SHA256))('%s is the file the manifest describes', (name, sha) => {
    expect(createHash('sha256').update(bytes(name)).digest('hex')).toBe(sha);
  });

  it('Crédit Agricole: preamble, multi-line labels, 2 invalid rows skipped, lost NBSP', () => {
    const { file, ops } = parse(
      'budgetcategorizer__credit-agricole_extracted-from-parser_test.csv',
    );
    expect(file.bank).toBe('Crédit Agricole');
    // budgetcategorizer stores debits positive; we store them negative.
    expect(ops.map((o) => [o.date, o.amountMinor])).toEqual([
      ['2019-12-18', -318],
      ['2019-12-18', 3013],
      ['2020-02-28', -11880],
      ['2020-02-29', -3900],
      ['2020-01-01', 162000],
    ]);
    expect(ops[0]?.label).toBe('PAIEMENT PAR CARTE BRULERIE DES CAPUCI BREST  15/02');
    expect(ops[4]?.label).toBe('VIREMENT EN VOTRE FAVEUR Youpi Youpi');
    expect(ops.map((o) => o.line)).toEqual([12, 23, 29, 32, 35]);
    expect(file.warnings.filter((w) => /not-a-number/.test(w.message)).map((w) => w.line)).toEqual([
      18, 26,
    ]);
    // The card-section footer after the table is skipped, never fatal.
    expect(codes(file).every((c) => c === 'skipped_line')).toBe(true);
    expect(file.statements[0]?.account).toEqual({ id: '62734091867', currency: 'EUR' });
    expect(closing(file)).toEqual([{ kind: 'closing', date: '2019-12-18', amountMinor: 1337 }]);
  });

  it('Capital One: ISO dates, positive Debit/Credit columns', () => {
    const { file, ops } = parse('csv2ofx__capitalone.csv');
    expect(ops.map((o) => [o.date, o.amountMinor, o.label])).toEqual([
      ['2015-12-31', -100000, 'Airplanes R Us'],
      ['2015-12-31', 100000, 'CAPITAL ONE AUTOPAY PYMT'],
    ]);
    expect(file.warnings).toEqual([]);
  });

  it('GLS: windows-1252, dd.mm.yyyy, "1.234,56", purpose lines joined', () => {
    const { file, ops } = parse('csv2ofx__gls.csv');
    const expected = expectedOfx('csv2ofx__converted__gls.ofx');
    expect(ops.map((o) => [o.date, o.amountMinor])).toEqual(
      expected.map((e) => [e.date, e.amount]),
    );
    expect(ops[0]?.label).toBe(
      'Drillisch Online AG B4658645 U123456789 B123456 987 SIMply Rechnung',
    );
    expect(ops[0]?.currency).toBe('EUR');
    expect(file.statements[0]?.account.id).toBe('1234567890');
    expect(closing(file)).toEqual([{ kind: 'closing', date: '2017-10-10', amountMinor: 123456 }]);
  });

  it('ING Spain: 10 operations summing to +350.21, as csv2ofx converted them', () => {
    const { file, ops } = parse('csv2ofx__ingesp.csv');
    const expected = expectedOfx('csv2ofx__converted__ingesp.ofx');
    expect(ops).toHaveLength(10);
    expect(sum(ops)).toBe(35021);
    expect(ops.map((o) => o.amountMinor)).toEqual(expected.map((e) => e.amount));
    // csv2ofx read "08/04/2022" month first although "24/03/2022" above is plainly day first.
    expect(ops[1]?.date).toBe('2022-04-08');
    expect(expected[1]?.date).toBe('2022-08-04');
    ops.forEach((op, i) => {
      if (i !== 1) expect(op.date).toBe(expected[i]?.date);
      expect(op.label).toContain(expected[i]?.name ?? '');
    });
    // The anonymised running balance does not follow from the amounts.
    expect(codes(file)).toEqual(['balance_mismatch']);
  });

  it('N26 (French account, English headers): +328.00 and -328.00 on 2020-03-07', () => {
    const { file, ops } = parse('csv2ofx__n26-fr.csv');
    const expected = expectedOfx('csv2ofx__converted__n26.ofx');
    expect(file.bank).toBe('N26');
    expect(ops.map((o) => [o.date, o.amountMinor])).toEqual(
      expected.map((e) => [e.date, e.amount]),
    );
    expect(ops.map((o) => [o.valueDate, o.label])).toEqual([
      [null, 'Compte courant'],
      [null, 'Compte courant'],
    ]);
  });

  it('Outbank: ";" and decimal commas with month-first dates, sum -35.89', () => {
    const { file, ops } = parse('csv2ofx__outbank.csv');
    const expected = expectedOfx('csv2ofx__converted__outbank.ofx');
    expect(ops.map((o) => [o.date, o.amountMinor])).toEqual(
      expected.map((e) => [e.date, e.amount]),
    );
    expect(sum(ops)).toBe(-3589);
    ops.forEach((op, i) => expect(op.label.startsWith(expected[i]?.name ?? '?')).toBe(true));
    expect(file.statements[0]?.account.id).toBe('DE81254326973657190105');
    expect(file.warnings).toEqual([]);
  });

  it('Schwab: all quoted, "$" amounts, newest first, closing 878.47', () => {
    const { file, ops } = parse('csv2ofx__schwab-checking.csv');
    const expected = expectedOfx('csv2ofx__converted__schwab-checking.ofx');
    expect(ops.map((o) => [o.date, o.amountMinor, o.label])).toEqual(
      expected.map((e) => [e.date, e.amount, e.name]),
    );
    expect(sum(ops)).toBe(-21527);
    expect(ops[0]?.currency).toBe('USD');
    expect(closing(file)).toEqual([{ kind: 'closing', date: '2022-08-17', amountMinor: 87847 }]);
    expect(file.warnings).toEqual([]);
  });

  it('Lloyds: 12 lines, newest first, account 1515152252, end balance 2040.59', () => {
    const { file, ops } = parse('ofxstatement-lloyds__sample-statement.csv');
    expect(file.bank).toBe('Lloyds');
    expect(ops).toHaveLength(12);
    expect([ops[0]?.amountMinor, ops[3]?.amountMinor]).toEqual([-899, 200000]);
    expect(ops[0]?.label.startsWith('ACME STORE')).toBe(true);
    expect(ops[3]?.label.startsWith('HHHHH LTD')).toBe(true);
    const days = ops.map((o) => o.date).sort();
    expect([days[0], days[days.length - 1]]).toEqual(['2023-12-01', '2024-01-15']);
    expect(file.statements[0]?.account).toEqual({ id: '1515152252', currency: 'GBP' });
    expect(closing(file)).toEqual([{ kind: 'closing', date: '2024-01-15', amountMinor: 204059 }]);
    // Two 01/12 rows carry each other's balance in the sample, so its start balance (5926.70)
    // is 4.12 off the amounts: said once, never fatal.
    expect(codes(file)).toEqual(['balance_mismatch']);
  });

  it('Revolut: integer amounts, completed dates with one-digit hours, 7 lines', () => {
    const { file, ops } = parse('ofxstatement-revolut__2021-october.csv');
    expect(file.bank).toBe('Revolut');
    expect(ops).toHaveLength(7);
    expect(ops.slice(0, 2).map((o) => [o.date, o.amountMinor, o.currency, o.label])).toEqual([
      ['2021-09-05', -25000, 'EUR', 'transfer'],
      ['2021-09-05', -950, 'EUR', 'company äöå'],
    ]);
    expect(ops[2]?.date).toBe('2021-09-06'); // "2021-09-06 6:11:59"
    expect(closing(file)).toEqual([{ kind: 'closing', date: '2021-09-08', amountMinor: 58083 }]);
    expect(file.warnings).toEqual([]);
  });

  it('Wise: 5 USD lines, ids kept even when a fee row repeats its transfer’s', () => {
    const { file, ops } = parse('ofxstatement-transferwise__sample-statement.csv');
    const snapshot = readFileSync(
      resolve(EXPECTED, 'ofxstatement-transferwise__test_transferwise.ambr'),
      'utf8',
    );
    const amounts = [...snapshot.matchAll(/'amount': Decimal\('(-?[\d.]+)'\)/g)].map(([, a = '']) =>
      cents(a),
    );
    const ids = [...snapshot.matchAll(/'id': '([^']+)'/g)].map(([, id]) => id);
    const dates = [...snapshot.matchAll(/'date': datetime\.datetime\((\d+), (\d+), (\d+)/g)].map(
      ([, y = '', m = '', d = '']) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`,
    );
    expect(file.bank).toBe('Wise');
    expect(ops.map((o) => o.amountMinor)).toEqual(amounts);
    expect(ops.map((o) => o.amountMinor)).toEqual([-35738, -1135, 12500, 2017, -17]);
    expect(ops.map((o) => o.externalId)).toEqual(ids);
    expect(ops.map((o) => o.date)).toEqual(dates);
    expect(ops[0]?.label).toBe('Sent money to John Doe Moving to Revolut');
    expect(file.statements[0]?.account.currency).toBe('USD');
    // The sample lists a transfer and its fee in an order its running balance contradicts.
    expect(codes(file)).toEqual(['balance_mismatch']);
  });

  it('DCU: "-$7,971.39", long ids, newest first, balance 500.00', () => {
    const { file, ops } = parse('reds__dcu_Main_Checking_Account_Transactions.csv');
    const expected = expectedExtract('reds__dcu_Main_Checking_Account_Transactions.csv.extract');
    const ours = ops.map((o): [string, string, number] => [o.date, o.label, o.amountMinor]);
    expect(ours.reverse()).toEqual(expected);
    expect(ops.every((o) => (o.externalId?.length ?? 0) > 100)).toBe(true);
    // reds dates the balance the day after the last operation; the file states it on 12/31.
    expect(closing(file)).toEqual([{ kind: 'closing', date: '2021-12-31', amountMinor: 50000 }]);
    expect(ops[0]?.currency).toBe('USD');
    expect(file.warnings).toEqual([]);
  });

  it('semicolon: preamble lines before the header, yyyy/mm/dd dates', () => {
    const { file, ops } = parse('reds__semicolon_delimited.csv');
    const expected = expectedExtract('reds__semicolon_delimited.csv.extract');
    const ours = ops.map((o): [string, number] => [o.date, o.amountMinor]);
    expect(ours.reverse()).toEqual(expected.map(([date, , amount]) => [date, amount]));
    expect(ops.map((o) => [o.line, o.label])).toEqual([
      [6, 'A description A Payee'],
      [7, 'Another description Another Payee'],
    ]);
    expect(file.warnings).toEqual([]);
  });
});
