import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeStatement, parseOfx } from '@tirelire/shared';
import { describe, expect, it } from 'vitest';

/**
 * The OFX/QFX reader against the real files in ../shared/fixtures/statements/ofx (beside the
 * checkout), with what their MANIFEST.md entries and expected/ofx/* extracts say. Bytes are
 * decoded by decodeStatement, as the app does. Run by `npm run test:conformance`.
 */
const OFX = resolve(import.meta.dirname, '../../../shared/fixtures/statements/ofx');

// The sha256 from MANIFEST.md: if a fixture changes, its expectations must be re-read.
const SHA256: Record<string, string> = {
  'actual__1252.qfx': '5cc9ca7da6e8cad68481bef50ac83fd894513ce4473b3803f58504b5a841fb8a',
  'actual__8859-1.qfx': '89c30a26b73949db15e2aba3cc814c611577737f63d5a3416493064319cb2c73',
  'actual__data-multi-decimal.ofx':
    'f597ea3c5c28cc1c4581613a9ca1de1e511ebbad2c6770edf5a91bbcb45470e3',
  'actual__html-vals.qfx': '4801c0a63a3140d68f0fcb11df1edb656c6f7649457178c98614288d8e1e9ff9',
  'beancount-import__amex.ofx': 'ef3e71d1ba81c7a1e772c063a12608053747b2956d7d23fe7b4a59a3398a7c12',
  'beancount-import__checking-emptyledgerbal.ofx':
    '0929d7ecfa8479646385018d66e708e92736d2c47207a127ef939328f7a474ea',
  'beancount-import__fidelity_treasury.ofx':
    'f9dd04c8900168000386ebc5fb33e735beab9b8107047b6bcf31ae2fc607c5d0',
  'ledger-autosync__accented_characters_latin1.ofx':
    '4056edb5ad55a53f6e8727f18bd11c92e3c48056536252b329964fd803fc786b',
  'ledger-autosync__apostrophe.ofx':
    '869303ebe311b0514cab6ee4c9111e8a9b0ff35e374ee484e8ca9280025d132c',
  'ledger-autosync__comments.ofx':
    '3d7d30903a2a4d1749b2182742812f03337d2dcffbaff3f30721b970d8a3c67f',
  'ofxparse__account_listing_aggregation.ofx':
    '62751ca4b0a8ada4e08a00952995162ba38e2ee48d5bf504bd7455a99aeb8f25',
  'ofxparse__anzcc.ofx': '619e9708cbe2b83d7e4716add867406812fcbec48218c4c254c4baa3477d0fcf',
  'ofxparse__bank_medium.ofx': '107a4e9314aa87e2a3c247b2be6d5360f84fb072beae9830bda3b1f3c9938a52',
  'ofxparse__checking.ofx': 'f428bb3c0c7b7a4c14f20eaca577d37b2b31845ef88de4c2816fc99ea462f8a2',
  'ofxparse__error_message.ofx': '678fddc510edccfe9e640bb1553a5fcf083918d017bde02add52e4ff80ea57b3',
  'ofxparse__fail_nice__date_missing.ofx':
    '5b31331412d99c4e5d905f35ad22accb5274039acd5e7a944fa97a7d8e468302',
  'ofxparse__fail_nice__decimal_error.ofx':
    '2f402250a2c5e026b6ddc0f1db68e90a92f053fc50a2655b84a4bb90ca46839c',
  'ofxparse__fail_nice__empty_balance.ofx':
    '52499c4ecf5b2c849927d5ceac5acdcb392bbf20a33374f3c88a84fe3a6d97a0',
  'ofxparse__fidelity.ofx': 'daa1abb520d5931d431fdea2a0c88d627443645f8f71e978f25d64f8ecfb6fc3',
  'ofxparse__investment_medium.ofx':
    'a931d8c640e79faf15ba08cc98b5277fd8b799a7aa2970cdd9114e26b4ce956b',
  'ofxparse__multiple_accounts2.ofx':
    '400719e386951583cccb9243d1513f39396fc70d5ddd8991169e547fbb805d08',
  'ofxparse__ofx-v102-empty-tags.ofx':
    '234ae2277a46882ae41402ca5813d2fb70a43f99439045982d6609ef573d55be',
  'ofxstatement-french__46297554894_02092025_04102025.ofx':
    'd8b101116ad45f615d1550b3c7f29bfdeb18840f9bff98bede125fd0819eeccf',
  'ofxtools__invstmtrs.ofx': '611cee0cbe3d0f0d45c7118d143ed741bb506d8e0db6272c2f04d1fad2d3851b',
  'ofxtools__stmtrs_euro.ofx': '8b4efd27238a2af84d3602e09ad53c5a47459542c48845b562386bfeceab0eb0',
  'reds__capitalone_360Checking.qfx':
    '483f1e5d38c5de392a33e293ac427158645372005288bb3a0941083262d7883c',
  'reds__ofxstatementGenerated.n26.ofx':
    '682eaa6c3bfce5b93b2b296da9eb4754c4d9b4f0e71bb4d034930723479d35b6',
  'reds__vanguard_OfxDownload-401k.qfx':
    '9daa3d67c217175c8e993e30b791b66591ffede738bc374b25651c2ea1fc104e',
};

// The statement types are not all exported by the package; take them from the parser's result.
type OfxResult = ReturnType<typeof parseOfx>;
type StatementFile = Extract<OfxResult, { ok: true }>['value'];

function read(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(OFX, name)));
}

function result(name: string): OfxResult {
  return parseOfx(decodeStatement(read(name)).text);
}

function parse(name: string): StatementFile {
  const parsed = result(name);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.code} ${parsed.message}`);
  return parsed.value;
}

const ops = (file: StatementFile) => file.statements.flatMap((s) => s.operations);
const amounts = (file: StatementFile): number[] => ops(file).map((op) => op.amountMinor);
const codes = (file: StatementFile): string[] => file.warnings.map((w) => w.code);
const balances = (file: StatementFile, index = 0) => file.statements[index]?.balances ?? [];
const view = (file: StatementFile) => ops(file).map((op) => [op.date, op.amountMinor, op.label]);

describe('OFX fixtures conform to MANIFEST.md', () => {
  it('covers every fixture in the folder, 28 of them', () => {
    expect(readdirSync(OFX).sort()).toEqual(Object.keys(SHA256).sort());
    expect(Object.keys(SHA256)).toHaveLength(28);
  });

  it.each(Object.entries(SHA256))('%s is the file the manifest describes', (name, sha) => {
    expect(createHash('sha256').update(read(name)).digest('hex')).toBe(sha);
  });

  it('actual__1252: windows-1252 bytes decoded, 1 operation of -20.00', () => {
    expect(decodeStatement(read('actual__1252.qfx')).encoding).toBe('windows-1252');
    const file = parse('actual__1252.qfx');
    expect(ops(file).map((o) => [o.date, o.amountMinor, o.currency, o.externalId])).toEqual([
      ['2022-10-19', -2000, 'CAD', 'cafe1252xx'],
    ]);
    expect(ops(file)[0]?.label).toBe('Café Métro €uro Paiement 5€ — débit');
    expect(file.warnings).toEqual([]);
  });

  it('actual__8859-1: a lying CHARSET ignored, "prépayée" intact, FITID wSoKuCS77', () => {
    const file = parse('actual__8859-1.qfx');
    expect(ops(file).map((o) => [o.date, o.amountMinor, o.label, o.externalId])).toEqual([
      ['2022-10-19', -2000, 'Paiement facture/Carte prépayée PWW', 'wSoKuCS77'],
    ]);
    expect(file.statements[0]?.account).toEqual({ id: '999-12345-0055666-EOP', currency: 'CAD' });
  });

  it('actual__data-multi-decimal: 3 and 5 decimals are -30.00 and -3.77', () => {
    const file = parse('actual__data-multi-decimal.ofx');
    expect(amounts(file)).toEqual([-3000, -377]);
    expect(ops(file).map((o) => o.externalId)).toEqual([
      '00092990122-30.00019012312798.01',
      '00092990121-3.77019012312828.01',
    ]);
    expect(file.bank).toBe('Bank of America');
    expect(file.warnings).toEqual([]);
  });

  it('actual__html-vals: double escaping undone, zone not applied, ACCTID with a space', () => {
    const file = parse('actual__html-vals.qfx');
    expect(view(file)).toEqual([
      [
        '2023-05-09',
        -100,
        '000000000000000 PREAUTHORIZED DEBIT;B.C. HYDRO & POWER AUTHORITY;Electronic Funds Transfer',
      ],
      [
        '2023-03-01',
        -100,
        'TPAY <DEFTPYMT> PREAUTHORIZED DEBIT;LUXMORE REALTY PPTY MGMT;Electronic Funds Transfer',
      ],
    ]);
    expect(file.statements[0]?.account.id).toBe('00000 00-00000');
    expect(ops(file).map((o) => o.line)).toEqual([15, 16]);
  });

  it('beancount-import amex: misnested leaves, 3 card operations, closing -2356.38', () => {
    const file = parse('beancount-import__amex.ofx');
    expect(ops(file).map((o) => [o.date, o.amountMinor, o.externalId])).toEqual([
      ['2013-11-24', -14394, '320133280255184014'],
      ['2013-11-25', -2805, '320133290268683266'],
      ['2013-11-26', -1876, '320133300285014247'],
    ]);
    // The bank's own spacing is kept (beancount collapses it in its narration).
    expect(ops(file)[0]?.label).toBe('PRUNE               NEW YORK 7101466     RESTAURANT');
    expect(balances(file)).toEqual([{ kind: 'closing', date: '2014-01-12', amountMinor: -235638 }]);
    expect(file.statements[0]?.account).toEqual({ id: '379700001111222', currency: 'USD' });
    expect(file.bank).toBe('AMEX');
    expect(file.warnings).toEqual([]);
  });

  it('beancount-import checking-emptyledgerbal: 3 operations, an empty LEDGERBAL is no balance', () => {
    const file = parse('beancount-import__checking-emptyledgerbal.ofx');
    expect(ops(file).map((o) => [o.date, o.amountMinor, o.externalId])).toEqual([
      ['2011-03-31', 1, '0000486'],
      ['2011-04-05', -3451, '0000487'],
      ['2011-04-07', -2500, '0000488'],
    ]);
    expect(balances(file)).toEqual([]);
    expect(file.warnings).toEqual([]);
  });

  it('beancount-import fidelity_treasury: INVBANKTRAN, BUYDEBT and SELLOTHER cash legs', () => {
    const file = parse('beancount-import__fidelity_treasury.ofx');
    expect(ops(file).map((o) => [o.date, o.amountMinor, o.externalId])).toEqual([
      ['2023-01-19', -9532501, 'Z0000000000000000000009'],
      ['2022-11-23', 111100, 'Z0000000000000000000003'],
      ['2023-03-21', 9600000, 'Z0464551608101420230321'],
    ]);
    expect(ops(file).map((o) => o.label)).toEqual([
      'YOU BOUGHT 912796Z77 UNITED STATES TREAS BILLS ZERO CPN 0.00000% 03/21/2023',
      'ELECTRONIC FUNDS TRANSFER RCVD',
      'REDEMPTION PAYOUT 912796Z77 UNITED STATES TREAS BILLS ZERO CPN 0.00000% 03/21/2023',
    ]);
    expect(file.statements[0]?.account).toEqual({ id: 'X0000001', currency: 'USD' });
    expect(file.warnings).toEqual([]);
  });

  it('ledger-autosync accented_characters_latin1: raw Latin-1 byte, CORRECTACTION REPLACE kept', () => {
    const file = parse('ledger-autosync__accented_characters_latin1.ofx');
    expect(view(file)).toEqual([['2014-09-20', -5873, 'Virement Interac à: Jean']]);
    expect(ops(file)[0]?.externalId).toBe('201409206');
    expect(file.warnings).toEqual([]);
  });

  it("ledger-autosync apostrophe: 1 operation, TRADER JOE'S intact", () => {
    const file = parse('ledger-autosync__apostrophe.ofx');
    expect(view(file)).toEqual([['2014-09-20', -5873, "TRADER JOE'S #541 QPS"]]);
  });

  it('ledger-autosync comments: the "-0" placeholder row is dropped, +123.45 remains', () => {
    const file = parse('ledger-autosync__comments.ofx');
    expect(amounts(file)).toEqual([12345]);
    expect(codes(file)).toEqual(['zero_amount_skipped']);
    expect(file.warnings[0]?.line).toBe(53);
  });

  it('ofxparse account_listing_aggregation: no statement, the 4 accounts named', () => {
    const parsed = result('ofxparse__account_listing_aggregation.ofx');
    expect(parsed.ok ? 'ok' : parsed.code).toBe('no_operations');
    const message = parsed.ok ? '' : parsed.message;
    for (const account of [
      'USAA SAVINGS 0000000001',
      'FOUR STAR CHECKING 0000000002',
      'LINE OF CREDIT 00000000000003',
      'MY CREDIT CARD 4111111111111111',
    ]) {
      expect(message).toContain(account);
    }
  });

  it('ofxparse anzcc: XML credit card, 1 operation -5.50 AUD, LEDGERBAL -123.45', () => {
    const file = parse('ofxparse__anzcc.ofx');
    expect(file.statements[0]?.account).toEqual({ id: '1234123412341234', currency: 'AUD' });
    expect(ops(file).map((o) => [o.date, o.amountMinor, o.currency, o.label])).toEqual([
      ['2017-05-08', -550, 'AUD', 'SOME MEMO'],
    ]);
    expect(balances(file)).toEqual([
      { kind: 'closing', date: '2017-05-10', amountMinor: -12345 },
      { kind: 'available', date: '2017-05-10', amountMinor: 12345 },
    ]);
  });

  it('ofxparse bank_medium: ACCTID with a space, 3 operations, closing 382.34, available 682.34', () => {
    const file = parse('ofxparse__bank_medium.ofx');
    expect(file.statements[0]?.account).toEqual({ id: '12300 000012345678', currency: 'CAD' });
    expect(amounts(file)).toEqual([-660, -31667, -2200]);
    expect(ops(file)[0]?.label).toBe("MCDONALD'S #112 POS MERCHANDISE;MCDONALD'S #112");
    expect(balances(file)).toEqual([
      { kind: 'closing', date: '2009-05-23', amountMinor: 38234 },
      { kind: 'available', date: '2009-05-23', amountMinor: 68234 },
    ]);
  });

  it('ofxparse checking: canonical SGML, 3 operations, LEDGERBAL 100.99 USD', () => {
    const file = parse('ofxparse__checking.ofx');
    expect(amounts(file)).toEqual([1, -3451, -2500]);
    expect(ops(file).map((o) => o.line)).toEqual([46, 54, 62]);
    // NAME is MEMO cut at 32 characters: MEMO alone is the label.
    expect(ops(file)[0]?.label).toBe(
      'DIVIDEND EARNED FOR PERIOD OF 03/01/2011 THROUGH 03/31/2011 ANNUAL PERCENTAGE YIELD EARNED IS 0.05%',
    );
    expect(balances(file)[0]).toEqual({ kind: 'closing', date: '2013-05-25', amountMinor: 10099 });
    expect(file.bank).toBe('FAKE');
  });

  it("ofxparse error_message: the bank's error, not 0 operations", () => {
    expect(result('ofxparse__error_message.ofx')).toEqual({
      ok: false,
      code: 'bank_error',
      message: '2000 General Server Error',
    });
  });

  it('ofxparse fail_nice date_missing: 3 rows skipped with warnings, the statement still read', () => {
    const file = parse('ofxparse__fail_nice__date_missing.ofx');
    expect(file.statements).toHaveLength(1);
    expect(amounts(file)).toEqual([]);
    expect(file.warnings.map((w) => [w.code, w.line])).toEqual([
      ['skipped_operation', 33],
      ['skipped_operation', 40],
      ['skipped_operation', 48],
    ]);
  });

  it('ofxparse fail_nice decimal_error: "$120" and an invalid date skip the one row', () => {
    const file = parse('ofxparse__fail_nice__decimal_error.ofx');
    expect(amounts(file)).toEqual([]);
    expect(file.warnings).toEqual([
      {
        code: 'skipped_operation',
        message:
          'Operation skipped: DTPOSTED "201120000000" is not a valid date; TRNAMT "$120" is not a valid amount',
        line: 34,
      },
    ]);
    // <CURDEF>CAD left unclosed among closed siblings is still read.
    expect(file.statements[0]?.account).toEqual({ id: '192639749', currency: 'CAD' });
  });

  it('ofxparse fail_nice empty_balance: 1 operation +120, blank balances are none', () => {
    const file = parse('ofxparse__fail_nice__empty_balance.ofx');
    expect(view(file)).toEqual([['2011-03-08', 12000, 'Foobar']]);
    expect(balances(file)).toEqual([]);
    expect(file.warnings).toEqual([]);
  });

  it('ofxparse fidelity: one long line, 14 trades and 3 INVBANKTRAN as cash, AVAILCASH', () => {
    const file = parse('ofxparse__fidelity.ofx');
    expect(file.statements[0]?.account).toEqual({ id: '01234567890', currency: 'USD' });
    // 8 BUYSTOCK, 4 INCOME, 2 SELLSTOCK (TOTAL), then 3 INVBANKTRAN (TRNAMT), in file order.
    expect(amounts(file)).toEqual([
      -257145, -504999, -199170, -100637, -100719, -1447, -2243, -2250, 553, 1544, 2243, 2250,
      108930, 480, 24, -97, 16,
    ]);
    expect(ops(file)[1]?.label).toBe('YOU BOUGHT SEADRILL LTD USD2');
    expect(ops(file).every((o) => o.line === 11)).toBe(true);
    expect(balances(file)).toEqual([
      { kind: 'available', date: '2012-09-08', amountMinor: 1807398 },
    ]);
    expect(file.warnings).toEqual([]);
  });

  it('ofxparse investment_medium: 3 INVBANKTRAN rows summing -3.95 CAD', () => {
    const file = parse('ofxparse__investment_medium.ofx');
    expect(amounts(file)).toEqual([-365, 335, -365]);
    expect(amounts(file).reduce((sum, a) => sum + a, 0)).toBe(-395);
    expect(ops(file).every((o) => o.currency === 'CAD')).toBe(true);
    // Each row names USD (CURRATE 1.06): kept in the account's CAD, and said once.
    expect(codes(file)).toEqual(['transaction_currency_ignored']);
  });

  it('ofxparse multiple_accounts2: 2 statements without operations, LEDGERBAL 111 and 222', () => {
    const file = parse('ofxparse__multiple_accounts2.ofx');
    expect(file.statements.map((s) => [s.account.id, s.operations.length, s.balances])).toEqual([
      ['9100', 0, [{ kind: 'closing', date: '2012-06-03', amountMinor: 11100 }]],
      ['9200', 0, [{ kind: 'closing', date: '2012-06-03', amountMinor: 22200 }]],
    ]);
  });

  it('ofxparse ofx-v102-empty-tags: one-line body, empty CURDEF said, 1 operation +12.34', () => {
    const file = parse('ofxparse__ofx-v102-empty-tags.ofx');
    expect(file.statements[0]?.account).toEqual({ id: '12345678', currency: null });
    // The empty CURDEF is reported; the row's own CURRENCY names AUD, used for the amount.
    expect(ops(file).map((o) => [o.date, o.amountMinor, o.currency, o.externalId])).toEqual([
      ['2018-05-07', 1234, 'AUD', null],
    ]);
    expect(codes(file)).toEqual(['currency_assumed']);
    expect(balances(file)).toEqual([]);
  });

  it('ofxstatement-french: an empty savings statement reads as 0 operations, no balance', () => {
    const file = parse('ofxstatement-french__46297554894_02092025_04102025.ofx');
    expect(file.statements).toEqual([
      { account: { id: null, currency: 'EUR' }, operations: [], balances: [] },
    ]);
    expect(file.warnings).toEqual([]);
  });

  it('ofxtools invstmtrs: the INVBANKTRAN deposit +1000.00 and the BUYSTOCK cash leg', () => {
    const file = parse('ofxtools__invstmtrs.ofx');
    expect(ops(file).map((o) => [o.date, o.valueDate, o.amountMinor, o.label])).toEqual([
      ['2005-08-25', '2005-08-28', -502500, 'BUYSTOCK Acme Development, Inc.'],
      ['2005-08-25', null, 100000, 'Customer deposit Your check #1034'],
    ]);
    expect(balances(file)).toEqual([{ kind: 'available', date: '2005-08-27', amountMinor: 20000 }]);
  });

  it('ofxtools stmtrs_euro: comma decimals in XML, -200.00 and -300.00, LEDGERBAL 200.29', () => {
    const file = parse('ofxtools__stmtrs_euro.ofx');
    expect(ops(file).map((o) => [o.amountMinor, o.label])).toEqual([
      [-20000, 'CHECK 1000'],
      [-30000, 'ATM'],
    ]);
    expect(balances(file)[0]).toEqual({ kind: 'closing', date: '2005-10-29', amountMinor: 20029 });
  });

  it('reds capitalone_360Checking: <?OFX?> alone, minute 82 ignored, 4 operations, 4321.98', () => {
    const file = parse('reds__capitalone_360Checking.qfx');
    expect(view(file)).toEqual([
      ['2023-02-28', 1, 'Monthly Interest Paid'],
      ['2023-01-19', 88899, 'Deposit from BEAN COUNTERS PAYROLL'],
      ['2023-01-17', -10000, 'Withdrawal from AMERICAN EXPRESS ACH PMT'],
      ['2023-01-12', 44455, 'Deposit from BEAN COUNTERS PAYROLL'],
    ]);
    expect(balances(file)).toEqual([{ kind: 'closing', date: '2023-03-10', amountMinor: 432198 }]);
    expect(file.bank).toBe('Capital One Bank');
  });

  it('reds ofxstatementGenerated.n26: header in a comment, 1 operation -1.50 EUR', () => {
    const file = parse('reds__ofxstatementGenerated.n26.ofx');
    expect(
      ops(file).map((o) => [o.date, o.amountMinor, o.currency, o.label, o.externalId]),
    ).toEqual([['2025-05-03', -150, 'EUR', 'name', 'fitid']]);
    expect(balances(file)).toEqual([]);
    expect(file.warnings).toEqual([]);
  });

  it('reds vanguard 401k: two BUYMF cash legs; the three TRANSFER (units only) skipped', () => {
    const file = parse('reds__vanguard_OfxDownload-401k.qfx');
    expect(ops(file).map((o) => [o.date, o.amountMinor])).toEqual([
      ['2023-01-06', -113548],
      ['2023-01-20', -64192],
    ]);
    expect(ops(file)[0]?.label).toBe(
      'Price as of date based on closing price Vanguard Target Retirement 2050 Trust',
    );
    expect(file.warnings.map((w) => [w.code, w.message])).toEqual([
      [
        'investment_transactions_skipped',
        '3 investment transaction(s) without a cash movement not read (TRANSFER ×3)',
      ],
    ]);
  });
});
