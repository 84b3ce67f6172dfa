import { describe, expect, it } from 'vitest';
import { looksLikeMt940, parseMt940 } from './mt940.ts';
import type { StatementFile } from './statement.ts';
import { currency } from '../money/currency.ts';

// Small invented statements (no real account data). Lines joined with "\n" unless stated.
const BASIC = [
  '{1:F01TESTBANKAXXX0000000000}{2:I940TESTBANKXXXXN}{4:',
  ':20:REF001',
  ':25:DE00123456780000000001',
  ':28C:1/1',
  ':60F:C250101EUR100,00',
  ':61:2501020102D10,50NTRFINV-7//BK-1',
  ':86:/TRTP/SEPA CREDIT TRANSFER/NAME/Bakery Doe/REMI/Invoice 7',
  ':61:2501030103C5,NMSCNONREF',
  'Supplementary text',
  ':61:2501040104RC1,00NTRFNONREF',
  ':86:Plain text',
  'continued here',
  ':61:2501050105RD2,00NTRFNONREF',
  ':86:166?00GUTSCHRIFT?20Rent ?21January?32JANE ?33ROE',
  ':62F:C250105EUR95,50',
  ':64:C250105EUR90,00',
  '-}',
].join('\n');

function parsed(text: string): StatementFile {
  const result = parseMt940(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('parseMt940', () => {
  it('reads balances, marks, references and labels', () => {
    const file = parsed(BASIC);
    expect(file.format).toBe('mt940');
    expect(file.warnings).toEqual([]);
    const [statement] = file.statements;
    expect(statement?.account).toEqual({ id: 'DE00123456780000000001', currency: 'EUR' });
    expect(statement?.balances).toEqual([
      { kind: 'opening', date: '2025-01-01', amountMinor: 10000 },
      { kind: 'closing', date: '2025-01-05', amountMinor: 9550 },
      { kind: 'available', date: '2025-01-05', amountMinor: 9000 },
    ]);
    expect(statement?.operations).toEqual([
      {
        date: '2025-01-02',
        valueDate: '2025-01-02',
        amountMinor: -1050,
        currency: currency('EUR'),
        label: 'Bakery Doe Invoice 7',
        externalId: 'BK-1',
        line: 6,
      },
      {
        date: '2025-01-03',
        valueDate: '2025-01-03',
        amountMinor: 500,
        currency: currency('EUR'),
        label: 'Supplementary text',
        externalId: null,
        line: 8,
      },
      {
        date: '2025-01-04',
        valueDate: '2025-01-04',
        amountMinor: -100, // reversal of a credit
        currency: currency('EUR'),
        label: 'Plain text continued here',
        externalId: null,
        line: 10,
      },
      {
        date: '2025-01-05',
        valueDate: '2025-01-05',
        amountMinor: 200, // reversal of a debit
        currency: currency('EUR'),
        label: 'JANE ROE Rent January',
        externalId: null,
        line: 13,
      },
    ]);
  });

  it('reads CRLF and a missing final newline the same way', () => {
    const crlf = parsed(BASIC.replace(/\n/g, '\r\n').replace(/\r\n-\}$/, ''));
    expect(crlf.statements[0]?.operations.map((op) => op.amountMinor)).toEqual([
      -1050, 500, -100, 200,
    ]);
    expect(crlf.statements[0]?.operations[3]?.line).toBe(13);
  });

  it('does not read a funds code letter as a reversal mark', () => {
    const file = parsed(
      ':20:X\n:60F:C250101EUR0,00\n:61:250102CR7,00NTRFNONREF\n:62F:C250102EUR7,00',
    );
    expect(file.statements[0]?.operations[0]?.amountMinor).toBe(700);
    const debit = parsed(
      ':20:X\n:60F:C250101EUR0,00\n:61:250102DR7,00NTRFNONREF\n:62F:D250102EUR7,00',
    );
    expect(debit.statements[0]?.operations[0]?.amountMinor).toBe(-700);
    expect(debit.warnings).toEqual([]);
  });

  it('infers the entry year across a year boundary', () => {
    const file = parsed(
      [
        ':20:X',
        ':60F:C251231EUR0,00',
        ':61:2512310102D1,00NTRFNONREF', // booked Jan 2 of the next year
        ':61:2601021231C1,00NTRFNONREF', // booked Dec 31 of the previous year
        ':62F:C260102EUR0,00',
      ].join('\n'),
    );
    expect(file.statements[0]?.operations.map((op) => [op.date, op.valueDate])).toEqual([
      ['2026-01-02', '2025-12-31'],
      ['2025-12-31', '2026-01-02'],
    ]);
  });

  it('keeps a Feb 30 line with its date moved to the month end and warns', () => {
    const file = parsed(
      ':20:X\n:60F:C160229EUR10,00\n:61:1602300301D6,00NTRFNONREF\n:62F:C160301EUR4,00',
    );
    expect(file.statements[0]?.operations[0]).toMatchObject({
      valueDate: '2016-02-29',
      date: '2016-03-01',
      amountMinor: -600,
    });
    expect(file.warnings).toEqual([expect.objectContaining({ code: 'invalid_date', line: 3 })]);
  });

  it('warns, without rejecting, when the balances do not add up', () => {
    const file = parsed(
      ':20:X\n:60F:C250101EUR10,00\n:61:250102D1,00NTRFNONREF\n:62F:C250102EUR10,00',
    );
    expect(file.warnings.map((w) => w.code)).toEqual(['balance_mismatch']);
    expect(file.statements[0]?.operations).toHaveLength(1);
  });

  it('splits several statements and ignores bank header lines', () => {
    const file = parsed(
      [
        'BANK HEADER 0001',
        ':20:A',
        ':25:111',
        ':60F:C250101EUR0,',
        ':61:250102C1,00NTRFNONREF',
        ':62M:C250102EUR1,00',
        '-',
        ':20:B',
        ':25:111',
        ':60M:C250102EUR1,00',
        ':62F:D250103EUR0,50',
        '-',
      ].join('\n'),
    );
    expect(file.statements.map((s) => s.balances.map((b) => b.amountMinor))).toEqual([
      [0, 100],
      [100, -50],
    ]);
    expect(file.warnings.map((w) => w.code)).toEqual(['balance_mismatch']);
  });

  it('reads an MT942 with a floor limit, a timestamp and control bytes', () => {
    const file = parsed(
      '\u0001\n:20:I1\n:25:PL00\n:28C:1/1\n:34F:PLN0\n:13D:2501011200+0100\n:61:2501010101CN0,01NTRFNONREF//R1\n-\u0003',
    );
    expect(file.statements[0]?.account.currency).toBe('PLN');
    expect(file.statements[0]?.operations[0]).toMatchObject({ amountMinor: 1, externalId: 'R1' });
    expect(file.warnings.map((w) => [w.code, w.line])).toEqual([
      ['control_characters', 1],
      ['control_characters', 8],
    ]);
  });

  it('keeps a detail line that starts with a dash but is not an end-of-block marker', () => {
    const file = parsed(
      ':20:X\n:60F:C250101EUR1,00\n:61:250102D1,00NTRFNONREF\n:86:Card\n-Paiement mobile\n-',
    );
    expect(file.statements[0]?.operations[0]?.label).toBe('Card -Paiement mobile');
  });

  it('refuses text that is not MT940', () => {
    const result = parseMt940('Date;Label;Amount\n2025-01-01;Coffee;-3,00\n');
    expect(result).toMatchObject({ ok: false, code: 'not_this_format' });
  });
});

describe('looksLikeMt940', () => {
  it('spots MT940 fields and nothing else', () => {
    expect(looksLikeMt940(BASIC)).toBe(true);
    expect(looksLikeMt940(':62F:C100323EUR1,00\n-')).toBe(true);
    expect(looksLikeMt940('OFXHEADER:100\n<OFX>')).toBe(false);
    expect(looksLikeMt940('!Type:Bank\nD01/02/2025\nT-3.00\n^')).toBe(false);
  });
});
