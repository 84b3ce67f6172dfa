import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import type { StatementFile, StatementOperation } from './statement.ts';

// One small invented export per bank, shaped like the real ones (header set, preamble, number
// and date styles); no real account data.
function parsed(text: string): StatementFile {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}
const ops = (file: StatementFile): StatementOperation[] =>
  file.statements.flatMap((s) => [...s.operations]);
const summary = (file: StatementFile): [string, number, string][] =>
  ops(file).map((o) => [o.date, o.amountMinor, o.label]);

describe('N26', () => {
  it('current export (English names, also for French accounts)', () => {
    const file = parsed(
      '"Booking Date","Value Date","Partner Name","Partner Iban",Type,"Payment Reference","Account Name","Amount (EUR)","Original Amount","Original Currency","Exchange Rate"\n2024-02-05,,"Boulangerie",,"Presentment",,"Compte courant",-4.20,-4.20,EUR,1.0',
    );
    expect(file.bank).toBe('N26');
    expect(summary(file)).toEqual([['2024-02-05', -420, 'Boulangerie']]);
    expect(ops(file)[0]?.valueDate).toBeNull();
  });

  it('older English export: "Account number" is the payee’s, not ours', () => {
    const file = parsed(
      '"Date","Payee","Account number","Transaction type","Payment reference","Category","Amount (EUR)","Amount (Foreign Currency)","Type Foreign Currency","Exchange Rate"\n"2024-02-05","Jane Doe","DE89370400440532013000","Outgoing Transfer","Rent","Rent","-650.0","","",""',
    );
    expect(file.bank).toBe('N26');
    expect(summary(file)).toEqual([['2024-02-05', -65000, 'Jane Doe Rent']]);
    expect(file.statements[0]?.account.id).toBeNull();
  });

  it('older French export', () => {
    const file = parsed(
      '"Date","Bénéficiaire","Numéro de compte","Type de transaction","Référence de paiement","Catégorie","Montant (EUR)","Montant (Devise étrangère)","Sélectionnez la devise étrangère","Taux de conversion"\n"2024-02-05","STACKBLITZ","","Paiement par MasterCard","-","Shopping","-8.15","-9.0","USD","0.9055"',
    );
    expect(file.bank).toBe('N26');
    expect(summary(file)).toEqual([['2024-02-05', -815, 'STACKBLITZ']]);
  });

  it('older German export', () => {
    const file = parsed(
      '"Datum","Empfänger","Kontonummer","Transaktionstyp","Verwendungszweck","Kategorie","Betrag (EUR)","Betrag (Fremdwährung)","Fremdwährung","Wechselkurs"\n"2024-02-05","Max Muster","DE89370400440532013000","Outgoing Transfer","Miete","Miete","-650.0","","",""',
    );
    expect(file.bank).toBe('N26');
    expect(summary(file)).toEqual([['2024-02-05', -65000, 'Max Muster Miete']]);
  });
});

describe('Revolut, Wise, Lloyds, Monzo', () => {
  it('Revolut: completed date, fee taken off, pending/declined/reverted rows skipped', () => {
    const file = parsed(
      [
        'Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance',
        'CARD_PAYMENT,Current,2024-02-03 10:00:00,2024-02-05 9:00:00,Boulangerie,-4.20,0.00,EUR,COMPLETED,95.80',
        'CARD_PAYMENT,Current,2024-02-06 11:00:00,,Café,-2.00,0.00,EUR,PENDING,',
        'EXCHANGE,Current,2024-02-06 12:00:00,2024-02-06 12:00:00,Exchanged to USD,-10.00,0.10,EUR,COMPLETED,85.70',
        'CARD_PAYMENT,Current,2024-02-07 11:00:00,2024-02-07 11:00:00,Refused,-2.00,0.00,EUR,DECLINED,',
        'TRANSFER,Current,2024-02-08 11:00:00,2024-02-08 11:00:00,Back,-2.00,0.00,EUR,REVERTED,',
      ].join('\n'),
    );
    expect(file.bank).toBe('Revolut');
    expect(summary(file)).toEqual([
      ['2024-02-05', -420, 'Boulangerie'],
      ['2024-02-06', -1010, 'Exchanged to USD'],
    ]);
    expect(file.warnings.map((w) => [w.code, w.line])).toEqual([
      ['pending_skipped', 3],
      ['pending_skipped', 5],
      ['pending_skipped', 6],
    ]);
    expect(file.statements[0]?.balances).toEqual([
      { kind: 'closing', date: '2024-02-06', amountMinor: 8570 },
    ]);
  });

  it('Revolut: French export', () => {
    const file = parsed(
      'Type,Produit,Date de début,Date de fin,Description,Montant,Frais,Devise,État,Solde\nPaiement par carte,Actuel,2024-02-03 10:00:00,2024-02-05 09:00:00,Boulangerie,-4.20,0.00,EUR,TERMINÉ,95.80\nPaiement par carte,Actuel,2024-02-06 10:00:00,,Café,-2.00,0.00,EUR,EN ATTENTE,',
    );
    expect(file.bank).toBe('Revolut');
    expect(summary(file)).toEqual([['2024-02-05', -420, 'Boulangerie']]);
    expect(file.warnings.map((w) => w.code)).toEqual(['pending_skipped']);
  });

  it('Revolut: older export with paid out / paid in and month names', () => {
    const file = parsed(
      'Completed Date ; Description ; Paid Out (GBP) ; Paid In (GBP) ; Exchange Out; Exchange In; Balance (GBP); Category; Notes\n5 Feb 2024 ; Boulangerie ; 4.20 ; ; ; ; 95.80; general; \n1 Feb 2024 ; Top-Up ; ; 100.00 ; ; ; 100.00; general; ',
    );
    expect(file.bank).toBe('Revolut');
    expect(summary(file)).toEqual([
      ['2024-02-05', -420, 'Boulangerie'],
      ['2024-02-01', 10000, 'Top-Up'],
    ]);
    expect(ops(file)[0]?.currency).toBe('GBP');
    expect(file.warnings).toEqual([]);
  });

  it('Wise: its id kept, currency per row, dd-mm-yyyy dates', () => {
    const file = parsed(
      [
        '"TransferWise ID",Date,Amount,Currency,Description,"Payment Reference","Running Balance","Exchange From","Exchange To","Exchange Rate","Payer Name","Payee Name","Payee Account Number",Merchant,"Total fees"',
        'CARD-123,05-02-2024,-4.20,GBP,"Card transaction of 4.20 GBP issued by Boulangerie",,95.80,,,,,,,Boulangerie,0.00',
        'TRANSFER-456,01-02-2024,100.00,GBP,"Received money from Jane Doe","Rent share",100.00,,,,"Jane Doe",,,,0.00',
      ].join('\n'),
    );
    expect(file.bank).toBe('Wise');
    expect(ops(file).map((o) => [o.externalId, o.currency, o.label])).toEqual([
      ['CARD-123', 'GBP', 'Card transaction of 4.20 GBP issued by Boulangerie'],
      ['TRANSFER-456', 'GBP', 'Received money from Jane Doe Rent share'],
    ]);
    expect(file.statements[0]?.balances[0]?.amountMinor).toBe(9580);
  });

  it('Lloyds: debit/credit, sort code, account number per row, pounds', () => {
    const file = parsed(
      "Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance,\n05/02/2024,DEB,'11-22-33,12345678,BOULANGERIE CD 1234,4.20,,95.80\n01/02/2024,FPI,'11-22-33,12345678,JANE DOE RENT,,100,100.00",
    );
    expect(file.bank).toBe('Lloyds');
    expect(summary(file)).toEqual([
      ['2024-02-05', -420, 'BOULANGERIE CD 1234'],
      ['2024-02-01', 10000, 'JANE DOE RENT'],
    ]);
    expect(file.statements[0]?.account).toEqual({ id: '12345678', currency: 'GBP' });
  });

  it('Monzo: transaction id, name and description joined', () => {
    const file = parsed(
      'Transaction ID,Date,Time,Type,Name,Emoji,Category,Amount,Currency,Local amount,Local currency,Notes and #tags,Address,Receipt,Description,Category split,Money Out,Money In\ntx_0001,05/02/2024,09:00:00,Card payment,Boulangerie,🥐,Eating out,-4.20,GBP,-4.20,GBP,,1 High St,,BOULANGERIE LONDON GBR,,-4.20,\ntx_0002,01/02/2024,10:00:00,Faster payment,Jane Doe,,Income,100.00,GBP,100.00,GBP,,,,Rent share,,,100.00',
    );
    expect(file.bank).toBe('Monzo');
    expect(ops(file).map((o) => [o.externalId, o.amountMinor, o.label])).toEqual([
      ['tx_0001', -420, 'Boulangerie BOULANGERIE LONDON GBR'],
      ['tx_0002', 10000, 'Jane Doe Rent share'],
    ]);
  });
});
