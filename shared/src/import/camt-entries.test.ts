import { describe, expect, it } from 'vitest';
import { parseCamt } from './camt.ts';
import type { StatementFile, StatementOperation } from './statement.ts';

// Small invented entries (no real account data), each in its own camt.053 (or given version).
function camt(entries: string, version = '02'): string {
  return [
    `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}">`,
    '<BkToCstmrStmt><Stmt>',
    '<Acct><Id><IBAN>DE00000000000000000001</IBAN></Id><Ccy>EUR</Ccy></Acct>',
    entries,
    '</Stmt></BkToCstmrStmt></Document>',
  ].join('\n');
}

function entry(
  amount: string,
  indicator: 'CRDT' | 'DBIT',
  inner = '',
  dates = '<BookgDt><Dt>2025-05-02</Dt></BookgDt><ValDt><Dt>2025-05-03</Dt></ValDt>',
): string {
  return `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${indicator}</CdtDbtInd><Sts>BOOK</Sts>${dates}${inner}</Ntry>`;
}

const details = (...transactions: string[]): string =>
  `<NtryDtls>${transactions.map((t) => `<TxDtls>${t}</TxDtls>`).join('')}</NtryDtls>`;

function file(text: string): StatementFile {
  const result = parseCamt(text);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

const operations = (text: string): readonly StatementOperation[] =>
  file(text).statements[0]?.operations ?? [];
const pick = <K extends keyof StatementOperation>(text: string, key: K) =>
  operations(text).map((op) => op[key]);

describe('CAMT entries', () => {
  it('signs amounts by CdtDbtInd: DBIT leaves the account', () => {
    expect(pick(camt(entry('12.30', 'DBIT') + entry('4.00', 'CRDT')), 'amountMinor')).toEqual([
      -1230, 400,
    ]);
  });

  it('keeps the booked direction of reversals: a reversed debit is a CRDT, money coming back', () => {
    // ISO 20022 books a reversal in the direction opposite to the original, and CdtDbtInd
    // already says so; RvslInd does not flip the sign again.
    const reversals = [
      entry('9.99', 'CRDT', '<RvslInd>true</RvslInd>'),
      entry('5.00', 'DBIT', '<RvslInd>true</RvslInd>'),
    ];
    expect(pick(camt(reversals.join('')), 'amountMinor')).toEqual([999, -500]);
  });

  it('takes the day of Dt or DtTm as written, without moving it across time zones', () => {
    const dates =
      '<BookgDt><DtTm>2025-12-31T23:30:00-05:00</DtTm></BookgDt><ValDt><DtTm>2026-01-01T00:10:00.000000000+14:00</DtTm></ValDt>';
    const op = operations(camt(entry('1.00', 'DBIT', '', dates)))[0];
    expect([op?.date, op?.valueDate]).toEqual(['2025-12-31', '2026-01-01']);
    const valueOnly = operations(
      camt(entry('1.00', 'DBIT', '', '<ValDt><Dt>2025-02-03</Dt></ValDt>')),
    );
    expect([valueOnly[0]?.date, valueOnly[0]?.valueDate]).toEqual(['2025-02-03', '2025-02-03']);
    const none = file(camt(entry('1.00', 'DBIT', '', '<BookgDt><Dt>2025-02-30</Dt></BookgDt>')));
    expect(none.warnings.map((w) => w.code)).toEqual(['invalid_date']);
  });

  it('skips pending entries with a warning and keeps BOOK and INFO, v2 and v8 style', () => {
    const v2 = [
      entry('1.00', 'DBIT').replace('BOOK', 'PDNG'),
      entry('2.00', 'DBIT').replace('BOOK', 'INFO'),
    ].join('\n');
    const two = file(camt(v2));
    expect(two.statements[0]?.operations.map((op) => op.amountMinor)).toEqual([-200]);
    expect(two.warnings).toEqual([expect.objectContaining({ code: 'pending_skipped', line: 4 })]);
    const v8 = [
      entry('1.00', 'DBIT').replace('<Sts>BOOK</Sts>', '<Sts><Cd>PDNG</Cd></Sts>'),
      entry('3.00', 'DBIT').replace('<Sts>BOOK</Sts>', '<Sts><Cd>BOOK</Cd></Sts>'),
    ].join('\n');
    expect(pick(camt(v8, '08'), 'amountMinor')).toEqual([-300]);
  });

  it('splits an entry into one operation per TxDtls when their amounts add up', () => {
    const batch = [
      '<NtryDtls><Btch><NbOfTxs>3</NbOfTxs></Btch>',
      '<TxDtls><Amt Ccy="EUR">7.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><RmtInf><Ustrd>Part A</Ustrd></RmtInf></TxDtls>',
      '<TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">4.00</Amt></TxAmt></AmtDtls><RmtInf><Ustrd>Part B</Ustrd></RmtInf></TxDtls>',
      '</NtryDtls><NtryDtls>',
      '<TxDtls><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><RmtInf><Ustrd>Refund C</Ustrd></RmtInf></TxDtls>',
      '</NtryDtls>',
    ].join('');
    const ops = operations(camt(entry('10.00', 'DBIT', `<AcctSvcrRef>B-1</AcctSvcrRef>${batch}`)));
    expect(ops.map((op) => [op.amountMinor, op.label, op.externalId, op.line])).toEqual([
      [-700, 'Part A', 'B-1#1', 4],
      [-400, 'Part B', 'B-1#2', 4],
      [100, 'Refund C', 'B-1#3', 4],
    ]);
  });

  it('falls back to one operation, with a warning, when the details do not add up', () => {
    const parts = details(
      '<Amt Ccy="EUR">7.00</Amt><RmtInf><Ustrd>Part A</Ustrd></RmtInf>',
      '<Amt Ccy="EUR">4.00</Amt><RmtInf><Ustrd>Part B</Ustrd></RmtInf>',
    );
    const result = file(camt(entry('10.00', 'DBIT', `<AcctSvcrRef>B-2</AcctSvcrRef>${parts}`)));
    expect(result.statements[0]?.operations).toEqual([
      expect.objectContaining({ amountMinor: -1000, label: 'Part A Part B', externalId: 'B-2' }),
    ]);
    expect(result.warnings.map((w) => [w.code, w.line])).toEqual([['entry_details_mismatch', 4]]);
    // Details without amounts (a plain batch summary) are no mismatch.
    const quiet = file(camt(entry('10.00', 'DBIT', details('', ''))));
    expect([quiet.statements[0]?.operations.length, quiet.warnings]).toEqual([1, []]);
  });

  it('makes one operation from an entry without TxDtls', () => {
    const ops = operations(camt(entry('3.00', 'CRDT', '<AddtlNtryInf>Interest</AddtlNtryInf>')));
    expect(ops).toEqual([
      {
        date: '2025-05-02',
        valueDate: '2025-05-03',
        amountMinor: 300,
        currency: 'EUR',
        label: 'Interest',
        externalId: null,
        line: 4,
      },
    ]);
  });
});

describe('CAMT labels', () => {
  const labelled = (indicator: 'CRDT' | 'DBIT', detail: string, after = ''): string =>
    operations(camt(entry('1.00', indicator, details(detail) + after)))[0]?.label ?? '';
  const parties =
    '<RltdPties><Dbtr><Nm>Payer  Ltd</Nm></Dbtr><Cdtr><Pty><Nm>Payee SA</Nm></Pty></Cdtr></RltdPties>';

  it('puts the counterparty name before the joined Ustrd lines, keeping case', () => {
    const remittance =
      '<RmtInf><Ustrd>Invoice 7\n   line two</Ustrd><Ustrd>and THREE</Ustrd></RmtInf>';
    expect(labelled('DBIT', parties + remittance)).toBe('Payee SA Invoice 7 line two and THREE');
    expect(labelled('CRDT', parties + remittance)).toBe('Payer Ltd Invoice 7 line two and THREE');
  });

  it('uses the name alone, then AddtlTxInf, then AddtlNtryInf', () => {
    const entryInfo = '<AddtlNtryInf>CARD PAYMENT</AddtlNtryInf>';
    expect(labelled('DBIT', parties, entryInfo)).toBe('Payee SA');
    expect(labelled('DBIT', '<AddtlTxInf>Transfer text</AddtlTxInf>', entryInfo)).toBe(
      'Transfer text',
    );
    expect(labelled('DBIT', '<Refs><EndToEndId>E</EndToEndId></Refs>', entryInfo)).toBe(
      'CARD PAYMENT',
    );
  });

  it('does not repeat a remittance text equal to the name', () => {
    const same =
      '<RltdPties><Cdtr><Nm>ACME</Nm></Cdtr></RltdPties><RmtInf><Ustrd>ACME</Ustrd></RmtInf>';
    expect(labelled('DBIT', same)).toBe('ACME');
  });
});

describe('CAMT external ids', () => {
  const id = (detail: string | null, entryRef = ''): string | null => {
    const inner = `${entryRef}${detail === null ? '' : details(detail)}`;
    return operations(camt(entry('1.00', 'DBIT', inner)))[0]?.externalId ?? null;
  };
  const entryRef = '<AcctSvcrRef>NTRY-REF</AcctSvcrRef>';

  it('prefers the detail AcctSvcrRef, then the entry one, then the EndToEndId', () => {
    const refs = '<Refs><AcctSvcrRef>TX-REF</AcctSvcrRef><EndToEndId>E2E</EndToEndId></Refs>';
    expect(id(refs, entryRef)).toBe('TX-REF');
    expect(id('<Refs><EndToEndId>E2E</EndToEndId></Refs>', entryRef)).toBe('NTRY-REF');
    expect(id('<Refs><EndToEndId>E2E/01 x</EndToEndId></Refs>')).toBe('E2E/01 x');
    expect(id(null, entryRef)).toBe('NTRY-REF');
  });

  it('treats NOTPROVIDED and NONREF as no reference', () => {
    expect(id('<Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>')).toBeNull();
    expect(
      id('<Refs><EndToEndId>E2E</EndToEndId></Refs>', '<AcctSvcrRef>NONREF</AcctSvcrRef>'),
    ).toBe('E2E');
    expect(id(null)).toBeNull();
  });
});
