import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { currency, decodeStatement, parseCamt } from '@tirelire/shared';
import { describe, expect, it } from 'vitest';

/**
 * The CAMT reader against the real files in ../shared/fixtures/statements/camt (beside the
 * checkout), with the values MANIFEST.md expects and, for genkgo's files, the entries and
 * balances of expected/camt/*.json (genkgo/camt's own decoding, amounts in minor units).
 */
const ROOT = resolve(import.meta.dirname, '../../../shared/fixtures/statements');
const DIR = resolve(ROOT, 'camt');

// The sha256 from MANIFEST.md: if a fixture changes, its expectations must be re-read.
const SHA256: Record<string, string> = {
  'actual__camt.latin1.xml': 'e52de8a493d669e98990f28d95939336f41895c72dbae0735012e9333d6cf05e',
  'genkgo__camt052.v2.xml': '24a5f2bcabd423eabafdb3132ff9a3239a2c45a608015411d4d0a686b4ee3029',
  'genkgo__camt052.v8.xml': '509270dc1c5bf6d651f940848996d6c9a17b1817104c527982e789048221b118',
  'genkgo__camt053.v2.all-balance-types.xml':
    '51f8fa3ca2ff548a4d98b4633e2483619e8d5f1056f9d22504d9b5a96b97e66e',
  'genkgo__camt053.v2.five.decimals.xml':
    'e5d8b3486203e6c342d33a8f22835f3ebd4c9fb16602cc31919fe707a234892c',
  'genkgo__camt053.v2.minimal.xml':
    'd01db4b370ff8fbc011466921928411c58794d5a3249a64eeb407848eacd6b07',
  'genkgo__camt053.v2.wrong.xml':
    'ed23b9f97d6a58c2ff5110271dc23a1f2a060658fcacea57f612e72e2d72f462',
  'genkgo__camt053.v8.xml': '792e05f38125ef6d7fe447623c1703b5968ffd1cad9630479a8d588392c8b9b1',
  'genkgo__camt054.v2.xml': '793151860f74c78699c10a8127e2ad8389fb6dc7a642724689614fe2b9ca22bd',
  'genkgo__camt054.v8.xml': '6bce60802c5b9947eafb3fa6fbb73c7f4496a90aa47f8807f17feffb75966352',
  'genkgo__camt53.only-Dt-with-DtTm.xml':
    '2fc04f2775e4a06e17c0bbaf8fb0d549b13ba9cbd2810826cbbbb912ba6d23b9',
  'ofxstatement-iso20022__camt052.xml':
    'c3771481a22693b9127d2c567dcb4d1c67571a6ee118bac7f4915058639ab546',
  'ofxstatement-iso20022__camt053.xml':
    '3bad763f7de0471543d60076d898babccd274969006f783381f7422c9bfbbbed',
  'ofxstatement-iso20022__gcamp6.xml':
    '8f8dc41116cf4ea1c3bd9571b1c4c4c624943042d24d1dfa21c7541e235f7dad',
  'ofxstatement-iso20022__simple.xml':
    '8b206af6db704ab1e540880c7421733ef7c72efd4409129217574311dbab39c0',
  'ofxstatement-iso20022__unsupported.xml':
    'c6aafac16570ca56ee904517fd55d5484ede980fa37e0a4c2ccaaef53d9bff3c',
};

// The statement types are not exported by the package; take them from the parser's result.
type Parsed = ReturnType<typeof parseCamt>;
type StatementFile = Extract<Parsed, { ok: true }>['value'];
type Options = Parameters<typeof parseCamt>[1];

const read = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(DIR, name)));
const attempt = (name: string, options?: Options): Parsed =>
  parseCamt(decodeStatement(read(name)).text, options);

function parse(name: string, options?: Options): StatementFile {
  const result = attempt(name, options);
  if (!result.ok) throw new Error(`${name}: ${result.code} ${result.message}`);
  return result.value;
}

const ops = (file: StatementFile) => file.statements.flatMap((s) => s.operations);
const amounts = (file: StatementFile): number[] => ops(file).map((op) => op.amountMinor);
const codes = (file: StatementFile): string[] => file.warnings.map((w) => w.code);
const balances = (file: StatementFile) =>
  file.statements[0]?.balances.map((b) => [b.kind, b.amountMinor, b.date]);

/** Walks genkgo's JSON dump without trusting its shape. */
function get(value: unknown, ...path: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);

// genkgo's balance types that we keep, under our names (OPAV, FWAV, ITBD… are left out).
const GENKGO_KINDS: Record<string, string> = {
  opening: 'opening',
  closing: 'closing',
  closing_available: 'available',
};

/** Entries as [amount, currency, booking day] and balances as [kind, amount, day] from the JSON. */
function genkgo(name: string) {
  const json: unknown = JSON.parse(
    readFileSync(resolve(ROOT, 'expected/camt', name.replace(/\.xml$/, '.json')), 'utf8'),
  );
  const entries = list(get(json, 'getEntries'));
  const record = get(entries[0], 'getRecord') ?? get(json, 'getRecords', 0);
  const day = (date: unknown): string => String(get(date, '0')).slice(0, 10);
  return {
    entries: entries.map((entry) => [
      Number(get(entry, 'getAmount', 'getAmount')),
      get(entry, 'getAmount', 'getCurrency', 'getCode'),
      day(get(entry, 'getBookingDate')),
    ]),
    balances: list(get(record, 'getBalances')).flatMap((balance) => {
      const kind = GENKGO_KINDS[String(get(balance, 'getType'))];
      const amount = Number(get(balance, 'getAmount', 'getAmount'));
      return kind === undefined ? [] : [[kind, amount, day(get(balance, 'getDate'))]];
    }),
  };
}

/** Our operations and balances in the same shape, for the genkgo comparisons. */
function ours(file: StatementFile) {
  return {
    entries: ops(file).map((op) => [op.amountMinor, op.currency, op.date]),
    balances: balances(file) ?? [],
  };
}

describe('CAMT fixtures conform to MANIFEST.md', () => {
  it.each(Object.entries(SHA256))('%s is the file the manifest describes', (name, sha) => {
    expect(createHash('sha256').update(read(name)).digest('hex')).toBe(sha);
  });

  it('actual camt.latin1: Latin-1 camt.052.001.08, umlauts, v8 Cdtr/Pty/Nm', () => {
    const decoded = decodeStatement(read('actual__camt.latin1.xml'));
    expect(decoded.encoding).toBe('windows-1252');
    const file = parse('actual__camt.latin1.xml');
    expect(ops(file).map((op) => [op.amountMinor, op.label, op.externalId, op.date])).toEqual([
      [10000, 'M-Überschusssparen', '2025090900000000', '2025-09-09'],
      [
        -500,
        'Grüße aus München Restaurant Schrödingers Katze und Café Ünique',
        '2025090900000001',
        '2025-09-09',
      ],
    ]);
    expect(file.statements[0]?.account).toEqual({ id: 'DE00000000000000000000', currency: 'EUR' });
    expect(file.warnings).toEqual([]);
  });

  it('genkgo camt052.v2: a report (Rpt), one -200000.00 SEK debit booked as DtTm', () => {
    const file = parse('genkgo__camt052.v2.xml');
    expect(ours(file)).toEqual(genkgo('genkgo__camt052.v2.xml'));
    expect(ops(file)[0]).toMatchObject({
      amountMinor: -20000000,
      date: '2007-10-18',
      valueDate: '2007-10-18',
      label: 'Company Name',
      externalId: 'AAAASESS-FP-ACCR-01',
    });
    expect(file.statements[0]?.account).toEqual({ id: 'CH2801234000123456789', currency: 'SEK' });
    expect(file.bank).toBe('AAAA BANKEN');
  });

  it('genkgo camt052.v8: an entry without TxDtls, labelled by AddtlNtryInf', () => {
    const file = parse('genkgo__camt052.v8.xml');
    expect(ours(file)).toEqual(genkgo('genkgo__camt052.v8.xml'));
    expect(ops(file).map((op) => [op.amountMinor, op.label])).toEqual([[-20000000, 'Credit']]);
    expect(file.warnings).toEqual([]);
  });

  it('genkgo camt053 all balance types: OPBD and PRCD open, CLBD closes, CLAV is available', () => {
    const file = parse('genkgo__camt053.v2.all-balance-types.xml');
    expect(ours(file)).toEqual(genkgo('genkgo__camt053.v2.all-balance-types.xml'));
    expect(balances(file)).toEqual([
      ['opening', 101, '2015-01-21'],
      ['opening', 202, '2015-01-21'],
      ['closing', 404, '2015-01-22'],
      ['available', 505, '2015-01-23'],
    ]);
    expect(ops(file)[0]).toMatchObject({
      label: 'Transaction Description',
      externalId: '000000001',
    });
    // 1.01 + 8.85 is not 4.04 in this synthetic sample.
    expect(codes(file)).toEqual(['balance_mismatch']);
  });

  it('genkgo camt053 five decimals: "8.850" is 885, zero extra decimals need no rounding', () => {
    const file = parse('genkgo__camt053.v2.five.decimals.xml');
    expect(ours(file)).toEqual(genkgo('genkgo__camt053.v2.five.decimals.xml'));
    expect(amounts(file)).toEqual([885]);
    expect(balances(file)).toEqual([
      ['opening', 1815, '2014-12-30'],
      ['closing', 2705, '2014-12-31'],
    ]);
    // 18.15 + 8.85 = 27.00, not the 27.05 the sample closes with.
    expect(codes(file)).toEqual(['balance_mismatch']);
  });

  it('genkgo camt053 minimal: balances in four currencies, value date after booking', () => {
    const file = parse('genkgo__camt053.v2.minimal.xml');
    expect(ours(file)).toEqual(genkgo('genkgo__camt053.v2.minimal.xml'));
    expect(ops(file)).toEqual([
      {
        date: '2014-12-31',
        valueDate: '2015-01-02',
        amountMinor: 885,
        currency: 'EUR',
        label: 'NAME NAME',
        externalId: null, // only a proprietary reference
        line: 90,
      },
    ]);
    // -27.00 SEK and -2700 JPY, each in its own minor units; OPAV (35.00 CHF) is not kept.
    expect(balances(file)).toEqual([
      ['opening', 1815, '2014-12-30'],
      ['closing', -2700, '2014-12-31'],
      ['available', -2700, '2014-12-31'],
    ]);
    expect(codes(file)).toEqual(['currency_mismatch', 'currency_mismatch', 'balance_mismatch']);
  });

  it('genkgo camt053 wrong: a group header without statement is refused', () => {
    const result = attempt('genkgo__camt053.v2.wrong.xml');
    expect(result.ok ? null : [result.code, result.message]).toEqual([
      'malformed',
      'The camt.053 document holds no Stmt element',
    ]);
  });

  it('genkgo camt053.v8: booking DtTm read as the day written', () => {
    const file = parse('genkgo__camt053.v8.xml');
    expect(ours(file)).toEqual(genkgo('genkgo__camt053.v8.xml'));
    expect(ops(file)[0]).toMatchObject({
      amountMinor: 885,
      date: '2014-12-31',
      externalId: 'AAAASESS-FP-CN_98765/01',
    });
    expect(file.statements[0]?.account).toEqual({ id: 'NL26VAYB8060476890', currency: 'EUR' });
  });

  it('genkgo camt054.v2: a notification whose 3 TxDtls carry no amounts stays one operation', () => {
    const file = parse('genkgo__camt054.v2.xml');
    expect(ours(file)).toEqual(genkgo('genkgo__camt054.v2.xml'));
    expect(ops(file)).toHaveLength(1);
    expect(ops(file)[0]?.externalId).toBe('AAAASESS-FP-ACCR001');
    expect(file.warnings).toEqual([]);
  });

  it('genkgo camt054.v8: 3 CHF details against a SEK entry: one operation and a warning', () => {
    const file = parse('genkgo__camt054.v8.xml');
    expect(ours(file)).toEqual(genkgo('genkgo__camt054.v8.xml'));
    expect(ops(file).map((op) => [op.amountMinor, op.currency, op.externalId])).toEqual([
      [-20000000, 'SEK', 'ACSR160617103200001'],
    ]);
    expect(codes(file)).toEqual(['entry_details_mismatch']);
    expect(file.bank).toBe('UBSWCHZH80A');
  });

  it('genkgo only-Dt-with-DtTm: no entries, an opening balance dated by Dt/DtTm', () => {
    const file = parse('genkgo__camt53.only-Dt-with-DtTm.xml');
    expect(ours(file)).toEqual(genkgo('genkgo__camt53.only-Dt-with-DtTm.xml'));
    expect(balances(file)).toEqual([['opening', 544209, '2025-07-23']]);
    expect(file.statements[0]?.account).toEqual({ id: 'GB33BUKB20201555555555', currency: 'RON' });
  });

  it('ofxstatement camt052: Sparkasse intraday report, PRCD opening, CRLF', () => {
    const file = parse('ofxstatement-iso20022__camt052.xml');
    expect(file.bank).toBe('PZHSDE66XXX');
    expect(file.statements[0]?.account.currency).toBe('EUR');
    expect(balances(file)).toEqual([
      ['opening', 26835, '2021-02-04'],
      ['closing', 1695, '2021-02-05'],
    ]);
    expect(amounts(file)).toEqual([-3000, -2600, -3452, 250, -16338]);
    // ofxstatement keeps 'NONREF' as the id; it is the "no reference" placeholder, so null here.
    expect(ops(file)[0]).toMatchObject({
      label: 'SPARKASSE PFORZHEIM CALW Something',
      externalId: null,
    });
    expect(ops(file).map((op) => op.line)).toEqual([56, 119, 189, 252, 315]);
    expect(file.warnings).toEqual([]);
  });

  it('ofxstatement camt053: Swiss v8 sample, BICFI placeholder, one credit', () => {
    const file = parse('ofxstatement-iso20022__camt053.xml');
    expect(file.bank).toBe('SAMPLEBANK222'); // BICFI is "BANK BIC", not a BIC
    expect(file.statements[0]?.account.currency).toBe('CHF');
    expect(balances(file)).toEqual([
      ['opening', 83201, '2023-01-25'],
      ['available', 211631, '2023-01-25'],
      ['closing', 211631, '2023-01-25'],
    ]);
    expect(ops(file).map((op) => [op.amountMinor, op.label, op.externalId])).toEqual([
      [128430, 'PAYEE PAYMENT INFO', 'A032-J30K20-03-JF021'],
    ]);
    expect(file.warnings).toEqual([]);
  });

  it('ofxstatement gcamp6: currency XXX needs a default currency, balances do not reconcile', () => {
    const unconfigured = parse('ofxstatement-iso20022__gcamp6.xml');
    expect(amounts(unconfigured)).toEqual([]);
    expect(codes(unconfigured)).toContain('unknown_currency');
    const file = parse('ofxstatement-iso20022__gcamp6.xml', { defaultCurrency: currency('CHF') });
    expect(file.statements[0]?.account).toEqual({ id: 'CH2609000000924238861', currency: 'CHF' });
    expect(balances(file)).toEqual([
      ['opening', 0, '2015-12-31'],
      ['closing', 1000000, '2017-01-31'],
    ]);
    expect(amounts(file)).toEqual([1000000, 100000, 100000, 100000, 1000]);
    expect(ops(file)[0]).toMatchObject({
      label: 'Account Transfer',
      externalId: '20160423000805545979476000000012',
    });
    expect(codes(file)).toEqual(['unknown_currency', 'balance_mismatch']);
  });

  it('ofxstatement simple: DNB Lithuanian statement, value date after booking date', () => {
    const file = parse('ofxstatement-iso20022__simple.xml');
    expect(file.bank).toBe('AGBLLT2XXXX');
    expect(file.statements[0]?.account).toEqual({ id: 'LT000000000000000000', currency: 'EUR' });
    expect(balances(file)).toEqual([
      ['opening', 30653, '2015-12-01'],
      ['closing', 12552, '2015-12-31'],
    ]);
    expect(amounts(file)).toEqual([-29, -29, -2819, -15224]);
    expect(ops(file)[0]).toMatchObject({
      label: 'AB DNB Bankas Sąskaitos aptarnavimo mokestis',
      externalId: 'FC1261858984',
      date: '2015-12-31',
      valueDate: '2016-01-01',
    });
    expect(file.warnings).toEqual([]);
  });

  it('ofxstatement unsupported: a foreign namespace is refused by name', () => {
    const result = attempt('ofxstatement-iso20022__unsupported.xml');
    expect(result.ok ? null : [result.code, result.message]).toEqual([
      'unsupported',
      'Unsupported CAMT document: urn:weird-namespace',
    ]);
  });
});
