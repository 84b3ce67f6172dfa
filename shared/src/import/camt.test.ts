import { describe, expect, it } from 'vitest';
import { looksLikeCamt, parseCamt } from './camt.ts';
import type { StatementFile } from './statement.ts';
import { currency } from '../money/currency.ts';

// Small invented documents (no real account data).
const namespace = (kind: string, version: string): string =>
  `urn:iso:std:iso:20022:tech:xsd:camt.${kind}.001.${version}`;

const ACCOUNT = '<Acct><Id><IBAN>FR7600000000000000000000001</IBAN></Id><Ccy>EUR</Ccy></Acct>';

function entry(amount: string, indicator: 'CRDT' | 'DBIT', extra = ''): string {
  return [
    '<Ntry>',
    `<Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${indicator}</CdtDbtInd><Sts>BOOK</Sts>`,
    '<BookgDt><Dt>2025-03-04</Dt></BookgDt><ValDt><Dt>2025-03-05</Dt></ValDt>',
    extra,
    '</Ntry>',
  ].join('\n');
}

function balance(code: string, amount: string, indicator = 'CRDT', date = '<Dt>2025-03-01</Dt>') {
  return `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${indicator}</CdtDbtInd><Dt>${date}</Dt></Bal>`;
}

function camt053(reports: string, version = '02'): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Document xmlns="${namespace('053', version)}">`,
    '<BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId></GrpHdr>',
    reports,
    '</BkToCstmrStmt></Document>',
  ].join('\n');
}

const statement = (body: string, account = ACCOUNT): string => `<Stmt>${account}\n${body}</Stmt>`;

function parsed(text: string): StatementFile {
  const result = parseCamt(text);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

const amounts = (file: StatementFile): number[] =>
  file.statements.flatMap((s) => s.operations.map((op) => op.amountMinor));
const codes = (file: StatementFile): string[] => file.warnings.map((w) => w.code);

describe('looksLikeCamt', () => {
  it('recognises camt namespaces and message elements, not other formats', () => {
    expect(looksLikeCamt(camt053(''))).toBe(true);
    expect(looksLikeCamt('\uFEFF <Document xmlns="urn:x"><BkToCstmrStmt/></Document>')).toBe(true);
    expect(looksLikeCamt('<OFX><BANKMSGSRSV1></BANKMSGSRSV1></OFX>')).toBe(false);
    expect(looksLikeCamt(':20:REF\n:25:ACCOUNT\n:60F:C250101EUR1,00')).toBe(false);
    expect(looksLikeCamt('date;label;amount\n2025-01-01;camt.053;1')).toBe(false);
  });
});

describe('parseCamt messages and versions', () => {
  it('reads camt.052 reports, camt.053 statements and camt.054 notifications, v02 to v08', () => {
    const wrap = (kind: string, version: string, message: string, report: string): string =>
      `<Document xmlns="${namespace(kind, version)}"><${message}><${report}>${ACCOUNT}${entry('1.00', 'CRDT')}</${report}></${message}></Document>`;
    for (const version of ['02', '04', '08']) {
      expect(amounts(parsed(wrap('052', version, 'BkToCstmrAcctRpt', 'Rpt')))).toEqual([100]);
      expect(amounts(parsed(wrap('053', version, 'BkToCstmrStmt', 'Stmt')))).toEqual([100]);
      expect(amounts(parsed(wrap('054', version, 'BkToCstmrDbtCdtNtfctn', 'Ntfctn')))).toEqual([
        100,
      ]);
    }
  });

  it('reads namespace-prefixed documents', () => {
    const text = camt053(statement(entry('2.50', 'DBIT')))
      .replace(/<(\/?)(\w)/g, '<$1c:$2')
      .replace('xmlns=', 'xmlns:c=');
    expect(amounts(parsed(text))).toEqual([-250]);
  });

  it('refuses unknown namespaces and versions clearly', () => {
    const refused = (text: string): string => {
      const result = parseCamt(text);
      return result.ok ? 'ok' : `${result.code}: ${result.message}`;
    };
    expect(refused('<Document xmlns="urn:weird-namespace"><BkToCstmrStmt/></Document>')).toBe(
      'unsupported: Unsupported CAMT document: urn:weird-namespace',
    );
    expect(refused(camt053(statement(''), '09'))).toBe(
      `unsupported: Unsupported CAMT document: ${namespace('053', '09')}`,
    );
    expect(refused(camt053(statement(''), '01'))).toContain('unsupported');
    expect(refused(`<Document xmlns="${namespace('060', '03')}"><X/></Document>`)).toContain(
      'Unsupported CAMT document: urn:iso:std:iso:20022:tech:xsd:camt.060.001.03',
    );
    expect(refused('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"/>')).toBe(
      'unsupported: Unsupported CAMT document: urn:iso:std:iso:20022:tech:xsd:pain.001.001.03',
    );
    expect(refused('<Document><BkToCstmrStmt/></Document>')).toBe(
      'unsupported: Unsupported CAMT document: (no namespace)',
    );
  });

  it('says malformed for a document without any statement, and for broken XML', () => {
    const empty = parseCamt(camt053(''));
    expect(empty.ok ? null : [empty.code, empty.message]).toEqual([
      'malformed',
      'The camt.053 document holds no Stmt element',
    ]);
    const broken = parseCamt(camt053(statement(entry('1.00', 'CRDT'))).replace('</Amt>', '</Amx>'));
    expect(broken.ok ? null : broken.code).toBe('malformed');
    expect(broken.ok ? '' : broken.message).toMatch(/^Malformed XML at line \d+, column \d+/);
    const notXml = parseCamt('date;amount\n2025-01-01;1');
    expect(notXml.ok ? null : notXml.code).toBe('not_this_format');
  });

  it('decodes entities and character references, and accepts whitespace before the prolog', () => {
    const text = `\n  ${camt053(statement(entry('1.00', 'DBIT', '<AddtlNtryInf>Caf&#233; &amp; Th&#xE9; &lt;3&gt;</AddtlNtryInf>')))}`;
    expect(parsed(text).statements[0]?.operations[0]?.label).toBe('Café & Thé <3>');
  });
});

describe('parseCamt statements and balances', () => {
  it('gives one statement per Stmt, with the IBAN or other id and the currency', () => {
    const other = '<Acct><Id><Othr><Id>0035-29152</Id></Othr></Id></Acct>';
    const chf = entry('3.00', 'CRDT').replace('Ccy="EUR"', 'Ccy="CHF"');
    const file = parsed(camt053(statement(entry('1.00', 'DBIT')) + statement(chf, other)));
    expect(file.format).toBe('camt');
    expect(file.statements.map((s) => s.account)).toEqual([
      { id: 'FR7600000000000000000000001', currency: 'EUR' },
      { id: '0035-29152', currency: 'CHF' }, // no Acct/Ccy: the entries' currency
    ]);
    expect(file.statements.map((s) => s.operations.length)).toEqual([1, 1]);
  });

  it('reads opening (OPBD, PRCD), closing (CLBD) and available (CLAV) balances only', () => {
    const balances = [
      balance('PRCD', '10.00'),
      balance('OPAV', '99.00'),
      balance('ITBD', '98.00'),
      balance('CLBD', '5.50', 'DBIT', '<DtTm>2025-03-31T23:59:59+02:00</DtTm>'),
      balance('CLAV', '7.00'),
    ].join('\n');
    const file = parsed(camt053(statement(`${balances}\n${entry('15.50', 'DBIT')}`)));
    expect(file.statements[0]?.balances).toEqual([
      { kind: 'opening', date: '2025-03-01', amountMinor: 1000 },
      { kind: 'closing', date: '2025-03-31', amountMinor: -550 },
      { kind: 'available', date: '2025-03-01', amountMinor: 700 },
    ]);
    expect(file.warnings).toEqual([]);
  });

  it('warns, without refusing, when opening + operations differ from closing', () => {
    const body = `${balance('OPBD', '10.00')}${balance('CLBD', '10.00')}\n${entry('1.00', 'DBIT')}`;
    const file = parsed(camt053(statement(body)));
    expect(codes(file)).toEqual(['balance_mismatch']);
    expect(amounts(file)).toEqual([-100]);
  });

  it('names the bank by a BIC-shaped BICFI or BIC, else by name', () => {
    const withServicer = (institution: string): string | null | undefined => {
      const account = ACCOUNT.replace(
        '</Acct>',
        `<Svcr><FinInstnId>${institution}</FinInstnId></Svcr></Acct>`,
      );
      return parsed(camt053(statement('', account))).bank;
    };
    expect(withServicer('<BICFI>TESTFRPPXXX</BICFI><Nm>Test Bank</Nm>')).toBe('TESTFRPPXXX');
    expect(withServicer('<BIC>TESTDEFF</BIC>')).toBe('TESTDEFF');
    expect(withServicer('<BICFI>BANK BIC</BICFI><Nm>Test Bank</Nm>')).toBe('Test Bank');
    expect(withServicer('<Othr><Id>1</Id></Othr>')).toBeNull();
  });
});

describe('parseCamt amounts', () => {
  it('accepts zero decimals beyond the exponent and rounds others half away from zero', () => {
    const body = [
      entry('18.15000', 'CRDT'),
      entry('8.850', 'CRDT'),
      entry('1.005', 'DBIT'),
      entry('2.00499', 'CRDT'),
    ].join('\n');
    const file = parsed(camt053(statement(body)));
    expect(amounts(file)).toEqual([1815, 885, -101, 200]);
    expect(file.warnings.map((w) => [w.code, w.line])).toEqual([
      ['amount_rounded', 15],
      ['amount_rounded', 20],
    ]);
  });

  it('uses the default currency for an unusable code, or skips the entry without one', () => {
    const text = camt053(
      statement(
        entry('1.00', 'CRDT').replace('EUR', 'XXX'),
        '<Acct><Id><IBAN>X</IBAN></Id></Acct>',
      ),
    );
    const skipped = parsed(text);
    expect(amounts(skipped)).toEqual([]);
    expect(codes(skipped)).toEqual(['unknown_currency']);
    const assumed = parseCamt(text, { defaultCurrency: currency('CHF') });
    expect(assumed.ok && assumed.value.statements[0]?.operations[0]).toMatchObject({
      amountMinor: 100,
      currency: 'CHF',
    });
  });
});

describe('parseCamt lines and robustness', () => {
  it('gives each operation the line of its <Ntry>, with CRLF and prefixes', () => {
    const body = [entry('1.00', 'DBIT'), entry('2.00', 'DBIT')].join('\n');
    const text = camt053(statement(body)).replace(/\n/g, '\r\n');
    expect(parsed(text).statements[0]?.operations.map((op) => op.line)).toEqual([5, 10]);
  });

  it('never throws on truncated or mutated input', () => {
    const text = camt053(
      statement(
        `${balance('OPBD', '1.00')}\n${entry('1.00', 'CRDT', '<NtryDtls><TxDtls/></NtryDtls>')}`,
      ),
    );
    for (let end = 0; end < text.length; end += 1) {
      expect(parseCamt(text.slice(0, end)).ok).toBe(false);
    }
    // Deterministic pseudo-random byte flips (shared/ has no Math.random).
    let seed = 42;
    for (let round = 0; round < 300; round += 1) {
      const chars = text.split('');
      for (let flips = 0; flips < 3; flips += 1) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        chars[seed % chars.length] = String.fromCharCode(32 + (seed % 95));
      }
      expect(() => parseCamt(chars.join(''))).not.toThrow();
    }
  });

  it('reads a 10,000-entry statement', () => {
    const entries: string[] = [];
    for (let i = 0; i < 10_000; i += 1) {
      entries.push(
        entry(
          `${i}.25`,
          i % 2 === 0 ? 'DBIT' : 'CRDT',
          `<AcctSvcrRef>R${i}</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Cdtr><Nm>Shop ${i}</Nm></Cdtr></RltdPties><RmtInf><Ustrd>Invoice ${i}</Ustrd></RmtInf></TxDtls></NtryDtls>`,
        ),
      );
    }
    const file = parsed(camt053(statement(entries.join('\n'))));
    const operations = file.statements[0]?.operations ?? [];
    expect(operations).toHaveLength(10_000);
    expect(operations[9_999]).toMatchObject({ amountMinor: 999_925, externalId: 'R9999' });
    expect(operations[9_999]?.line).toBe(4 + 9_999 * 5 + 1);
  });
});
