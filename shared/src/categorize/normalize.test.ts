import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeLabel, OPERATION_KINDS, type OperationKind } from './normalize.ts';

type Case = [raw: string, text: string, kind: OperationKind | null, merchantKey: string];

describe('normalizeLabel', () => {
  it.each<Case>([
    // French banks
    ['CB MONOP 12/03 PARIS 75', 'monop paris', 'card', 'monop'],
    [
      'PAIEMENT CB 1203 MONOPRIX PARIS CARTE 4974XXXXXXXX1234',
      'monoprix paris',
      'card',
      'monoprix',
    ],
    [
      'PRLV SEPA FREE MOBILE ECH/120324 ID EMETTEUR/FR84ZZZ123456 MDT/+XYZ',
      'free mobile',
      'direct_debit',
      'free mobile',
    ],
    [
      'VIR SEPA RECU /DE M. JEAN DUPONT /MOTIF LOYER MARS',
      'jean dupont loyer mars',
      'transfer',
      'jean dupont',
    ],
    ['RETRAIT DAB 12/03 14H32 BNP PARIS', 'bnp paris', 'withdrawal', 'bnp'],
    ['CHQ N 1234567', '', 'cheque', ''],
    ['FRAIS CARTE INTERNATIONALE', 'internationale', 'fee', 'internationale'],
    ['COTIS CARTE VISA PREMIER', 'visa premier', 'fee', 'visa premier'],
    ['INTERETS CREDITEURS', 'crediteurs', 'interest', 'crediteurs'],
    ['ECH PRET 1234567 IMMO', 'immo', 'loan', 'immo'],
    ['ECHEANCE PRET IMMO', 'immo', 'loan', 'immo'],
    ['PRLV SEPA PAYPAL EUROPE S.A.R.L. ET CIE S.C.A', 'paypal europe', 'direct_debit', 'paypal'],
    ['PRLV SEPA DIRECT ENERGIE', 'direct energie', 'direct_debit', 'direct energie'],
    ['PRLV SEPA EDF SA', 'edf', 'direct_debit', 'edf'],
    ['CB CAFÉ DE FLORE 12,50EUR', 'cafe flore', 'card', 'cafe flore'],
    ['CARTE X1234 12/03 E.LECLERC', 'leclerc', 'card', 'leclerc'],
    [
      'FACTURE CARTE DU 120324 CARREFOUR MARKET CARTE 4974XXXXXXXX1234',
      'carrefour market',
      'card',
      'carrefour market',
    ],
    ['CB SNCF INTERNET 1203 PARIS', 'sncf internet paris', 'card', 'sncf internet'],
    ['VIR INST DE MME DURAND', 'durand', 'transfer', 'durand'],
    ['VIREMENT SEPA EMIS VERS LIVRET A', 'livret', 'transfer', 'livret'],
    ['REMISE CHQ N 123', '', 'deposit', ''],
    ['VERSEMENT ESPECES', 'especes', 'deposit', 'especes'],
    ['AGIOS', '', 'fee', ''],
    ['PAIEMENT SANS CONTACT BOULANGERIE PAUL', 'boulangerie paul', 'card', 'boulangerie paul'],
    ['CB LA POSTE 10/01/24', 'poste', 'card', 'poste'],
    ['CB H&M 12/03', 'h&m', 'card', 'h&m'],
    ['CB CHECK24 12MAR24', 'check24', 'card', 'check24'],
    ['CB FREE2MOVE 1203', 'free2move', 'card', 'free2move'],
    // UK banks
    ['CARD PAYMENT TO TESCO STORES 3345 ON 12-03-2024', 'tesco stores', 'card', 'tesco stores'],
    ['DIRECT DEBIT PAYMENT TO BRITISH GAS REF 12345', 'british gas', 'direct_debit', 'british gas'],
    ['FASTER PAYMENTS RECEIPT REF SALARY FROM ACME LTD', 'salary acme', 'transfer', 'salary acme'],
    ['POS 1234 AMAZON.CO.UK*AB12CD3 LUXEMBOURG', 'amazon luxembourg', 'card', 'amazon'],
    ['CONTACTLESS PAYMENT PRET A MANGER', 'pret manger', 'card', 'pret manger'],
    ['CARD FACTORY', 'card factory', null, 'card factory'],
    ['CASH WITHDRAWAL HSBC 12MAR', 'hsbc', 'withdrawal', 'hsbc'],
    ['ATM WITHDRAWAL 14:32 LONDON', 'london', 'withdrawal', 'london'],
    ['BRITISH GAS DD', 'british gas', 'direct_debit', 'british gas'],
    ['STANDING ORDER TO J SMITH', 'smith', 'transfer', 'smith'],
    ['BACS ACME PAYROLL', 'acme payroll', 'transfer', 'acme payroll'],
    ['TESCO STORES SW1A 2AA', 'tesco stores sw1a 2aa', null, 'tesco stores'],
    ['MARKS & SPENCER ON 12 MAR', 'marks spencer', null, 'marks spencer'],
    ['CHEQUE 000123', '', 'cheque', ''],
    ['MONTHLY ACCOUNT FEE', 'monthly account', 'fee', 'monthly account'],
    ['INTEREST PAID', 'paid', 'interest', 'paid'],
    // Processors, domains, clean names
    ['SQ *BLUE BOTTLE COFFEE', 'sq blue bottle coffee', null, 'blue bottle'],
    ['PAYPAL *NETFLIX', 'paypal netflix', null, 'netflix'],
    ['UBER   *TRIP HELP.UBER.COM', 'uber trip uber', null, 'uber trip'],
    ['SUMUP *CAFE DU COIN PARIS', 'sumup cafe coin paris', null, 'cafe coin'],
    ['IZETTLE *GLACES MARTIN', 'izettle glaces martin', null, 'glaces martin'],
    ['WWW.SNCF-CONNECT.COM', 'sncf connect', null, 'sncf connect'],
    ['netflix.com.', 'netflix', null, 'netflix'],
    ['Pret A Manger', 'pret manger', null, 'pret manger'],
    ['Boulangerie Pâtisserie', 'boulangerie patisserie', null, 'boulangerie patisserie'],
    ['Café   Crème  EUR 12.50', 'cafe creme', null, 'cafe creme'],
    ['CB MONOP*PARIS 75 FR', 'monop paris fr', 'card', 'monop'],
    ['ＣＢ　ＭＯＮＯＰ', 'monop', 'card', 'monop'], // full-width letters and space
    ['', '', null, ''],
    ['   ', '', null, ''],
    ['12/03/2024 14:32 1234567', '', null, ''],
  ])('%j → %j (%s, key %j)', (raw, text, kind, merchantKey) => {
    const normalized = normalizeLabel(raw);
    expect(normalized).toEqual({
      text,
      tokens: text === '' ? [] : text.split(' '),
      kind,
      merchantKey,
    });
  });

  describe('removes the noise in labels', () => {
    it.each([
      ['dates', 'MONOP 12/03 12/03/24 12-03-2024 12.03.2024 2024-03-12 120324 12MAR 12MAR24'],
      ['month names beside a day or year', 'MONOP ON 12 MAR 12 MARS 2024 MARCH 2024 1 JANV'],
      ['times', 'MONOP 14H32 14:32 14H 9h05'],
      ['card numbers', 'MONOP 4974XXXXXXXX1234 XXXX1234 **** 1234 X1234 4974 XXXX XXXX 1234'],
      ['references', 'MONOP AB12CD3 X7K2P9 REF 12345 FR7630006000011234567890189'],
      ['amounts', 'MONOP 12,50EUR EUR 12.50 12.50 EUR €12.50 £3 USD5'],
      ['field values', 'MONOP MDT/+XYZ REF:ABC RUM/QWERTY ICS/ZZZ'],
    ])('%s', (_what, raw) => {
      expect(normalizeLabel(raw).text).toBe('monop');
    });

    it('keeps a month name that is not part of a date', () => {
      expect(normalizeLabel('LOYER MARS').text).toBe('loyer mars');
      expect(normalizeLabel('MARS WRIGLEY').text).toBe('mars wrigley');
    });

    it('keeps a reference-like word only when its value has a space before it', () => {
      expect(normalizeLabel('REF SALARY').text).toBe('salary');
      expect(normalizeLabel('REF/SALARY').text).toBe('');
    });
  });

  describe('kind', () => {
    it.each<[string, OperationKind]>([
      ['CB X', 'card'],
      ['CARTE X', 'card'],
      ['POS X', 'card'],
      ['CARD PAYMENT X', 'card'],
      ['CONTACTLESS X', 'card'],
      ['PRLV X', 'direct_debit'],
      ['PRELEVEMENT X', 'direct_debit'],
      ['PRÉLÈVEMENT X', 'direct_debit'],
      ['DIRECT DEBIT X', 'direct_debit'],
      ['DD X', 'direct_debit'],
      ['VIR X', 'transfer'],
      ['VIREMENT X', 'transfer'],
      ['TRANSFER X', 'transfer'],
      ['FPS X', 'transfer'],
      ['FASTER PAYMENT X', 'transfer'],
      ['BACS X', 'transfer'],
      ['SO X', 'transfer'],
      ['STANDING ORDER X', 'transfer'],
      ['RETRAIT X', 'withdrawal'],
      ['DAB X', 'withdrawal'],
      ['ATM X', 'withdrawal'],
      ['CASH WITHDRAWAL X', 'withdrawal'],
      ['CHQ X', 'cheque'],
      ['CHEQUE X', 'cheque'],
      ['CHÈQUE X', 'cheque'],
      ['CHECK X', 'cheque'],
      ['FRAIS X', 'fee'],
      ['COTIS X', 'fee'],
      ['COMMISSION X', 'fee'],
      ['FEE X', 'fee'],
      ['CHARGES X', 'fee'],
      ['REMISE X', 'deposit'],
      ['DEPOT X', 'deposit'],
      ['DÉPÔT X', 'deposit'],
      ['DEPOSIT X', 'deposit'],
      ['INTERETS X', 'interest'],
      ['INTÉRÊTS X', 'interest'],
      ['INTEREST X', 'interest'],
      ['ECH PRET X', 'loan'],
      ['LOAN X', 'loan'],
    ])('%j is %s', (raw, kind) => {
      expect(normalizeLabel(`${raw}YZ`)).toMatchObject({ kind, text: 'xyz', merchantKey: 'xyz' });
    });

    it('is the first type found, and every type word leaves the text', () => {
      expect(normalizeLabel('FRAIS CARTE')).toMatchObject({ kind: 'fee', text: '' });
      expect(normalizeLabel('REMISE CHEQUE')).toMatchObject({ kind: 'deposit', text: '' });
      expect(normalizeLabel('MONOP CB')).toMatchObject({ kind: 'card', text: 'monop' });
    });

    it('is null without a type word', () => {
      expect(normalizeLabel('NETFLIX').kind).toBeNull();
      expect(normalizeLabel('PRET IMMO').kind).toBeNull(); // "pret" alone is a name
    });

    it('lists every kind once', () => {
      expect(new Set(OPERATION_KINDS).size).toBe(OPERATION_KINDS.length);
    });
  });

  describe('merchantKey', () => {
    it.each([
      ['monop paris', 'monop'],
      ['monop paris fr', 'monop'],
      ['amazon luxembourg', 'amazon'],
      ['tesco london', 'tesco'],
      ['tesco ec1', 'tesco'],
      ['paris baguette', 'paris baguette'], // a place first is the name
      ['paypal netflix', 'netflix'],
      ['paypal', 'paypal'],
      ['paypal europe', 'paypal'], // nothing but places after the processor
      ['sq paypal', 'sq paypal'],
      ['sq blue bottle coffee', 'blue bottle'],
      ['stripe sumup shop', 'shop'],
    ])('of %j is %j', (text, key) => {
      expect(normalizeLabel(text).merchantKey).toBe(key);
    });
  });

  describe('properties', () => {
    const vocabulary = [
      'CB',
      'CARTE',
      'PRLV',
      'SEPA',
      'VIR',
      'DE',
      'PAYMENT',
      'CARD',
      'DIRECT',
      'DEBIT',
      'ECH',
      'PRET',
      'FASTER',
      'CASH',
      'WITHDRAWAL',
      'STANDING',
      'ORDER',
      'PAYPAL',
      'SQ',
      'PARIS',
      'FR',
      'MONOP',
      'CAFÉ',
      'H&M',
      'MARS',
      '12',
      '12/03',
      '2024',
      'AB12CD3',
      'X1234',
      'MDT/+XYZ',
      'HELP.UBER.COM',
      'AMAZON.CO.UK',
      '14H32',
      '12,50EUR',
      'ÉCOLE',
      'ŒUVRE',
      'Ｂ',
      'ß',
      'ﬁ',
      '*',
      '/',
      '-',
      '.',
      "L'",
      'İ',
      'ǅ',
      '\u00a0',
    ];
    const bankLike = fc.array(fc.constantFrom(...vocabulary), { maxLength: 12 }).chain((words) =>
      fc
        .array(fc.constantFrom(' ', '  ', '/', '*', '', '.', '-'), {
          minLength: words.length,
          maxLength: words.length,
        })
        .map((gaps) => words.map((word, i) => word + gaps[i]!).join('')),
    );
    const labels = fc.oneof(
      bankLike,
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.string({ unit: 'binary', maxLength: 60 }),
    );

    it('is idempotent on its text: same text, tokens and merchant key', () => {
      fc.assert(
        fc.property(labels, (raw) => {
          const once = normalizeLabel(raw);
          const twice = normalizeLabel(once.text);
          expect(twice.text).toBe(once.text);
          expect(twice.tokens).toEqual(once.tokens);
          expect(twice.merchantKey).toBe(once.merchantKey);
        }),
        { numRuns: 2_000 },
      );
    });

    it('gives single-space-joined tokens, a key made of its first tokens, and a known kind', () => {
      fc.assert(
        fc.property(labels, (raw) => {
          const { text, tokens, kind, merchantKey } = normalizeLabel(raw);
          expect(text).toBe(tokens.join(' '));
          for (const token of tokens) {
            expect(token).not.toMatch(/^\d+$|\s/u);
            expect(token).toBe(token.toLowerCase());
          }
          expect(kind === null || OPERATION_KINDS.includes(kind)).toBe(true);
          expect(text.includes(merchantKey)).toBe(true);
          expect(merchantKey === '').toBe(tokens.length === 0);
        }),
        { numRuns: 2_000 },
      );
    });

    it('ignores case and accents', () => {
      // Not over all of Unicode: "ς".toUpperCase().toLowerCase() is "σ".
      fc.assert(
        fc.property(fc.oneof(bankLike, fc.string({ maxLength: 60 })), (raw) => {
          expect(normalizeLabel(raw.toUpperCase())).toEqual(normalizeLabel(raw.toLowerCase()));
        }),
        { numRuns: 1_000 },
      );
      expect(normalizeLabel('Café Crème')).toEqual(normalizeLabel('CAFE CREME'));
    });
  });

  it('takes linear time on long and adversarial labels', () => {
    const long = [
      'a.'.repeat(50_000),
      '1a'.repeat(50_000),
      '&a'.repeat(50_000),
      'mdt/'.repeat(25_000),
      'cb '.repeat(30_000),
      'direct '.repeat(15_000),
      'x'.repeat(100_000),
      '12 mar '.repeat(15_000),
      'é'.repeat(100_000),
    ];
    for (const raw of long) {
      const start = performance.now();
      normalizeLabel(raw);
      expect(performance.now() - start, raw.slice(0, 12)).toBeLessThan(1_000);
    }
  });
});
