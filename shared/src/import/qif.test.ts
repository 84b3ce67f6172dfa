import { describe, expect, it } from 'vitest';
import { currency } from '../money/currency.ts';
import { looksLikeQif, parseQif } from './qif.ts';
import type { StatementFile } from './statement.ts';

/** Joins fixture lines; every fixture below is invented (names, amounts and dates). */
const qif = (...lines: string[]): string => lines.join('\n');

function parsed(text: string, options = {}): StatementFile {
  const result = parseQif(text, options);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

function operations(text: string, options = {}) {
  return parsed(text, options).statements.flatMap((s) => s.operations);
}

describe('parseQif: headers and records', () => {
  it('reads a bank register with payee, memo, number and category', () => {
    const file = parsed(
      qif(
        '!Type:Bank',
        'D29/05/08',
        'T-42.10',
        'N1201',
        'PBoulangerie du Coin',
        'MCroissants',
        'LFood',
        '^',
        'D30/05/08',
        'T1500.00',
        'MSalaire mai',
        '^',
      ),
    );
    expect(file.format).toBe('qif');
    expect(file.warnings).toEqual([]);
    expect(file.statements).toHaveLength(1);
    expect(file.statements[0]!.account).toEqual({ id: null, currency: null });
    expect(file.statements[0]!.operations).toEqual([
      {
        date: '2008-05-29',
        valueDate: null,
        amountMinor: -4210,
        currency: 'EUR',
        label: 'Boulangerie du Coin',
        externalId: null,
        line: 2,
      },
      {
        date: '2008-05-30',
        valueDate: null,
        amountMinor: 150000,
        currency: 'EUR',
        label: 'Salaire mai', // no payee: the memo is the label
        externalId: null,
        line: 9,
      },
    ]);
  });

  it.each(['!Type:Bank', '!type:bank', '!TYPE:CCard', '!Type:Cash', '!Type:Oth A', '!type:oth l'])(
    'accepts the header %s',
    (header) => {
      expect(operations(qif(header, 'D13/01/2020', 'T-1.00', 'PX', '^'))).toHaveLength(1);
    },
  );

  it('assumes a bank register when the header is missing, and the last record may lack ^', () => {
    const ops = operations(
      qif('D13/01/2020', 'T-1.00', 'PFirst', '^', 'D14/01/2020', 'U2.00', 'PLast'),
    );
    expect(ops.map((o) => [o.date, o.amountMinor, o.label, o.line])).toEqual([
      ['2020-01-13', -100, 'First', 1],
      ['2020-01-14', 200, 'Last', 5],
    ]);
  });

  it('reads CRLF files and counts lines in the decoded text', () => {
    const ops = operations(
      '!Type:Bank\r\nD13/01/2020\r\nT-1.00\r\n^\r\nD14/01/2020\r\nT-2.00\r\n^\r\n',
    );
    expect(ops.map((o) => o.line)).toEqual([2, 5]);
  });

  it('splits !Account blocks into one statement per account', () => {
    const file = parsed(
      qif(
        '!Option:AutoSwitch',
        '!Account',
        'NCompte courant',
        'TBank',
        '^',
        '!Account',
        'NCarte Visa',
        'TCCard',
        '^',
        '!Clear:AutoSwitch',
        '!Account',
        'NCompte courant',
        'TBank',
        '^',
        '!Type:Bank',
        'D13/01/2020',
        'T-10.00',
        'PA',
        '^',
        '!Account',
        'NCarte Visa',
        'TCCard',
        '^',
        '!Type:CCard',
        'D14/01/2020',
        'T-20.00',
        'PB',
        '^',
        'D15/01/2020',
        'T-30.00',
        'PC',
        '^',
      ),
    );
    expect(
      file.statements.map((s) => [s.account.id, s.operations.map((o) => o.amountMinor)]),
    ).toEqual([
      ['Compte courant', [-1000]],
      ['Carte Visa', [-2000, -3000]],
    ]);
  });

  it('skips category and memorized lists', () => {
    const ops = operations(
      qif('!Type:Cat', 'NFood', 'E', '^', '!Type:Bank', 'D13/01/2020', 'T-5.00', 'PShop', '^'),
    );
    expect(ops.map((o) => o.label)).toEqual(['Shop']);
  });

  it('turns an opening-balance record into a balance, not an operation', () => {
    const file = parsed(
      qif(
        '!Type:Bank',
        'D01/01/2020',
        'T1,234.56',
        'POpening Balance',
        'L[Compte courant]',
        '^',
        'D13/01/2020',
        'T-5.00',
        'PShop',
        '^',
      ),
    );
    expect(file.statements[0]!.balances).toEqual([
      { kind: 'opening', date: '2020-01-01', amountMinor: 123456 },
    ]);
    expect(file.statements[0]!.operations.map((o) => o.label)).toEqual(['Shop']);
  });

  it('keeps splits inside one operation and warns when they do not add up', () => {
    const file = parsed(
      qif(
        '!Type:Bank',
        'D13/01/2020',
        'T-100.00',
        'PSupermarché',
        'SFood',
        '$-60.00',
        'EFruit',
        'SHome',
        '$-40.00',
        '^',
        'D14/01/2020',
        'T-100.00',
        'PSupermarché',
        'SFood',
        '$-60.00',
        'SHome',
        '$-30.00',
        '^',
      ),
    );
    expect(file.statements[0]!.operations.map((o) => o.amountMinor)).toEqual([-10000, -10000]);
    expect(file.warnings).toEqual([
      { code: 'split_mismatch', message: expect.any(String) as string, line: 11 },
    ]);
  });

  it('skips a record without a usable date or amount, with a warning', () => {
    const file = parsed(qif('D13/01/2020', 'TABC', '^', 'D14/01/2020', 'T-1.00', '^'));
    expect(file.statements[0]!.operations).toHaveLength(1);
    expect(file.warnings.map((w) => [w.code, w.line])).toEqual([['skipped_record', 1]]);
  });
});

describe('parseQif: dates', () => {
  const dates = (options: object, ...values: string[]) =>
    operations(qif('!Type:Bank', ...values.flatMap((d) => [`D${d}`, 'T1.00', '^'])), options).map(
      (o) => o.date,
    );

  it('infers day-first from any first field above 12', () => {
    expect(dates({}, '04/08/08', '29/05/08')).toEqual(['2008-08-04', '2008-05-29']);
  });

  it('infers month-first from any second field above 12', () => {
    expect(dates({}, '04/08/08', '05/29/08')).toEqual(['2008-04-08', '2008-05-29']);
  });

  it('follows a forced order even against the file, skipping the dates it makes impossible', () => {
    const file = parsed(qif('!Type:Bank', 'D04/08/08', 'T1.00', '^', 'D05/29/08', 'T2.00', '^'), {
      dateOrder: 'dmy',
    });
    expect(file.statements[0]!.operations.map((o) => o.date)).toEqual(['2008-08-04']);
    expect(file.warnings.map((w) => w.code)).toContain('skipped_record');
  });

  it("reads apostrophe years, space padding, ISO dates and Quicken's 1' 5", () => {
    expect(dates({}, "04/13'2008", ' 4/ 8/2008', '2008-04-08', "1/31' 5")).toEqual([
      '2008-04-13',
      '2008-04-08',
      '2008-04-08',
      '2005-01-31',
    ]);
  });

  it('pivots two-digit years at 70', () => {
    expect(dates({}, '13/01/00', '13/01/69', '13/01/70', '13/01/99')).toEqual([
      '2000-01-13',
      '2069-01-13',
      '1970-01-13',
      '1999-01-13',
    ]);
  });

  it('uses the option when the file cannot tell, without warning', () => {
    const file = parsed(qif('D04/08/08', 'T1.00', '^'), { dateOrder: 'mdy' });
    expect(file.statements[0]!.operations[0]!.date).toBe('2008-04-08');
    expect(file.warnings).toEqual([]);
  });

  it('defaults to day-first with a warning when nothing tells', () => {
    const file = parsed(qif('D04/08/08', 'T1.00', '^'));
    expect(file.statements[0]!.operations[0]!.date).toBe('2008-08-04');
    expect(file.warnings.map((w) => w.code)).toEqual(['ambiguous_date_order']);
  });

  it('does not warn when every date is ISO', () => {
    expect(parsed(qif('D2008-04-08', 'T1.00', '^')).warnings).toEqual([]);
  });
});

describe('parseQif: amounts and currency', () => {
  const amounts = (...values: string[]) =>
    operations(qif('!Type:Bank', ...values.flatMap((t) => ['D13/01/2020', `T${t}`, '^']))).map(
      (o) => o.amountMinor,
    );

  it('reads grouped, stray-comma and plain amounts with a dot decimal', () => {
    expect(amounts('-1,234.56', ',300.00', '1,234,567.89', '75', '-0.05')).toEqual([
      -123456, 30000, 123456789, 7500, -5,
    ]);
  });

  it('infers a comma decimal for the whole file', () => {
    expect(amounts('-12,50', '1.234,56', '1.234')).toEqual([-1250, 123456, 123400]);
  });

  it('keeps "1,234" as thousands in a dot-decimal file', () => {
    expect(amounts('1,234', '5.00')).toEqual([123400, 500]);
  });

  it('uses the default currency, EUR unless told', () => {
    const text = qif('D13/01/2020', 'T1.00', '^');
    expect(operations(text)[0]!.currency).toBe('EUR');
    expect(operations(text, { defaultCurrency: currency('CHF') })[0]!.currency).toBe('CHF');
  });
});

describe('parseQif: refusals and detection', () => {
  it('refuses investment registers', () => {
    const result = parseQif(qif('!Type:Invst', 'D8/25/93', 'NBuy', 'Yacme', 'T100.00', '^'));
    expect(result.ok ? null : result.code).toBe('unsupported');
  });

  it('refuses what is not QIF', () => {
    for (const text of ['Date;Libellé;Montant\n13/01/2020;Shop;-5,00', '<OFX>', '', 'hello']) {
      const result = parseQif(text);
      expect(result.ok ? null : result.code).toBe('not_this_format');
    }
  });

  it('says no_operations for a header alone or only lists', () => {
    for (const text of ['!Type:Bank\n', qif('!Type:Cat', 'NFood', '^')]) {
      const result = parseQif(text);
      expect(result.ok ? null : result.code).toBe('no_operations');
    }
  });

  it('detects QIF with or without a header, with a BOM', () => {
    expect(looksLikeQif('\ufeff!Type:Bank\nD1/1/20\nT1\n^')).toBe(true);
    expect(looksLikeQif('!Account\nNX\n^')).toBe(true);
    expect(looksLikeQif('D13/01/2020\nT-1.00\n^')).toBe(true);
    expect(looksLikeQif('!Something else')).toBe(false);
    expect(looksLikeQif('Date,Amount\n2020-01-13,1.00')).toBe(false);
  });
});
