import { describe, expect, it } from 'vitest';
import { CSV_PRESETS } from './csv-presets.ts';
import { inspectCsv, parseCsv } from './csv.ts';
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

describe('French banks', () => {
  it('Boursorama: ISO dates, quoted decimal commas, the account per row', () => {
    const file = parsed(
      [
        'dateOp;dateVal;label;category;categoryParent;supplierFound;amount;comment;accountNum;accountLabel;accountbalance',
        '2024-02-05;2024-02-05;"CARTE 03/02/24 BOULANGERIE";"Alimentation";"Vie quotidienne";"boulangerie";"-4,20";;00040123456;"BoursoBank";"1 234,56"',
        '2024-02-01;2024-02-01;"VIR SEPA SALAIRE";"Salaires";"Revenus";"";"2 100,00";;00040123456;"BoursoBank";"1 234,56"',
      ].join('\n'),
    );
    expect(file.bank).toBe('Boursorama');
    expect(summary(file)).toEqual([
      ['2024-02-05', -420, 'CARTE 03/02/24 BOULANGERIE'],
      ['2024-02-01', 210000, 'VIR SEPA SALAIRE'],
    ]);
    expect(file.statements[0]?.account.id).toBe('00040123456');
    expect(file.statements[0]?.balances).toEqual([]); // accountbalance is today's, not running
  });

  it('Crédit Agricole: account lines, debit/credit in euros, multi-line labels', () => {
    const file = parsed(
      [
        'Téléchargement du 06/02/2024;',
        '',
        'M. DUPONT JEAN',
        'Compte de Dépôts no 00012345678;',
        'Solde au 06/02/2024 : 1 234,56 EUR',
        '',
        'Liste des opérations du compte entre le 01/02/2024 et le 06/02/2024;',
        '',
        'Date;Libellé;Débit Euros;Crédit Euros;',
        '05/02/2024;"PAIEMENT PAR CARTE     ',
        'BOULANGERIE PARIS 03/02  ";4,20;;',
        '01/02/2024;"VIREMENT EN VOTRE FAVEUR ',
        'SALAIRE  ";;2 100,00;',
      ].join('\n'),
    );
    expect(file.bank).toBe('Crédit Agricole');
    expect(summary(file)).toEqual([
      ['2024-02-05', -420, 'PAIEMENT PAR CARTE BOULANGERIE PARIS 03/02'],
      ['2024-02-01', 210000, 'VIREMENT EN VOTRE FAVEUR SALAIRE'],
    ]);
    expect(ops(file).map((o) => o.line)).toEqual([10, 12]);
    expect(file.statements[0]?.account.id).toBe('00012345678');
    expect(file.statements[0]?.balances).toEqual([
      { kind: 'closing', date: '2024-02-06', amountMinor: 123456 },
    ]);
  });

  it('BNP Paribas: an account line above, a masked number that is no account id', () => {
    const file = parsed(
      [
        'Compte de chèques;Compte de chèques;****1234;06/02/2024;;1 234,56',
        '',
        'Date operation;Libelle court;Type operation;Libelle operation;Montant operation en euro',
        '05/02/2024;FACTURE CARTE;Carte;FACTURE CARTE DU 030224 BOULANGERIE;-4,20',
      ].join('\n'),
    );
    expect(file.bank).toBe('BNP Paribas');
    expect(summary(file)).toEqual([['2024-02-05', -420, 'FACTURE CARTE DU 030224 BOULANGERIE']]);
    expect(file.statements[0]?.account).toEqual({ id: null, currency: 'EUR' });
  });

  it('Société Générale: Excel-protected account number, label and detail joined', () => {
    const file = parsed(
      [
        '="00012345678";01/01/2024;31/01/2024;2;31/01/2024;1 234,56 EUR',
        '',
        "Date de l'opération;Libellé;Détail de l'écriture;Montant de l'opération;Devise",
        '30/01/2024;CARTE X1234 29/01 ;CARTE X1234 29/01 BOULANGERIE;-4,20;EUR',
        '15/01/2024;VIR RECU 123;VIR RECU 123 DE: JEAN DUPONT MOTIF: LOYER;650,00;EUR',
      ].join('\n'),
    );
    expect(file.bank).toBe('Société Générale');
    expect(summary(file)).toEqual([
      ['2024-01-30', -420, 'CARTE X1234 29/01 BOULANGERIE'],
      ['2024-01-15', 65000, 'VIR RECU 123 DE: JEAN DUPONT MOTIF: LOYER'],
    ]);
    expect(file.statements[0]?.account.id).toBe('00012345678');
  });

  it('Société Générale (older export): snake_case names and trailing delimiters', () => {
    const file = parsed(
      [
        '="00012345678";01/01/2024;31/01/2024;',
        'date_comptabilisation;libellé_complet_operation;montant_operation;devise;',
        '30/01/2024;CARTE X1234 29/01 BOULANGERIE    ;-4,20;EUR;',
      ].join('\n'),
    );
    expect(file.bank).toBe('Société Générale');
    expect(summary(file)).toEqual([['2024-01-30', -420, 'CARTE X1234 29/01 BOULANGERIE']]);
  });

  it('La Banque Postale: "Numéro Compte ;" lines, a stated balance, francs ignored', () => {
    const file = parsed(
      [
        'Numéro Compte   ;0123456X020',
        'Type   ;CCP',
        'Compte tenu en  ;euros',
        'Date   ;06/02/2024',
        'Solde (EUROS)   ;1 234,56',
        'Solde (FRANCS)  ;8 098,68',
        '',
        'Date;Libellé;Montant(EUROS);Montant(FRANCS)',
        '05/02/2024;"CARTE X1234 03/02/24 BOULANGERIE";-4,20;-27,55',
      ].join('\n'),
    );
    expect(file.bank).toBe('La Banque Postale');
    expect(summary(file)).toEqual([['2024-02-05', -420, 'CARTE X1234 03/02/24 BOULANGERIE']]);
    expect(file.statements[0]?.account.id).toBe('0123456X020');
    expect(file.statements[0]?.balances).toEqual([
      { kind: 'closing', date: '2024-02-06', amountMinor: 123456 },
    ]);
  });

  it('LCL: no header, recognised by its means of payment', () => {
    const file = parsed(
      [
        '05/02/2024;-4,20;Carte;;CB BOULANGERIE 03/02/24;;',
        '01/02/2024;2100,00;Virement;;VIR SEPA SALAIRE;;',
        '28/01/2024;-50,00;Chèque;1234567;;;',
      ].join('\n'),
    );
    expect(file.bank).toBe('LCL');
    expect(summary(file)).toEqual([
      ['2024-02-05', -420, 'CB BOULANGERIE 03/02/24'],
      ['2024-02-01', 210000, 'VIR SEPA SALAIRE'],
      ['2024-01-28', -5000, ''],
    ]);
  });

  it('Crédit Mutuel / CIC: signed debit column and a running balance', () => {
    const file = parsed(
      [
        'Date;Date de valeur;Débit;Crédit;Libellé;Solde',
        '15/02/2024;15/02/2024;-4,20;;PAIEMENT CB BOULANGERIE;1 230,36',
        '13/02/2024;13/02/2024;;2100,00;VIR SALAIRE;1 234,56',
      ].join('\n'),
    );
    expect(file.bank).toBe('Crédit Mutuel / CIC');
    expect(summary(file)).toEqual([
      ['2024-02-15', -420, 'PAIEMENT CB BOULANGERIE'],
      ['2024-02-13', 210000, 'VIR SALAIRE'],
    ]);
    expect(file.statements[0]?.balances[0]).toEqual({
      kind: 'closing',
      date: '2024-02-15',
      amountMinor: 123036,
    });
    expect(file.warnings).toEqual([]);
  });

  it('Crédit Mutuel / CIC: the single-amount variants, ";" and ","', () => {
    const semicolon = parsed(
      'Date;Date de valeur;Montant;Libellé;Solde\n05/02/2024;05/02/2024;-4,20;PAIEMENT CB;1 230,36',
    );
    expect(semicolon.bank).toBe('Crédit Mutuel / CIC');
    const comma = parsed(
      "Date d'opération,Date de valeur,Montant,Libellé,Solde\n14/10/2017,14/10/2017,1584.00,VIREMENT XXX,19261.85\n15/10/2017,15/10/2017,-4.00,PRLV XXX,19257.85",
    );
    expect(comma.bank).toBe('Crédit Mutuel / CIC');
    expect(summary(comma).map(([, amount]) => amount)).toEqual([158400, -400]);
    expect(comma.warnings).toEqual([]);
  });

  it("Caisse d'Épargne / Banque Populaire: booking, operation and value dates", () => {
    const file = parsed(
      [
        'Date de comptabilisation;Libelle simplifie;Libelle operation;Reference;Informations complementaires;Type operation;Categorie;Sous categorie;Debit;Credit;Date operation;Date de valeur;Pointage operation',
        '05/02/2024;BOULANGERIE;CB BOULANGERIE FACT 030224;1234567;;Carte bancaire;Alimentation;Boulangerie;-4,20;;03/02/2024;06/02/2024;0',
        '01/02/2024;SALAIRE;VIR SEPA SALAIRE;7654321;REF EMPLOYEUR;Virement recu;Revenus;Salaire;;+2 100,00;01/02/2024;01/02/2024;0',
      ].join('\n'),
    );
    expect(file.bank).toBe("Caisse d'Épargne / Banque Populaire");
    expect(summary(file)).toEqual([
      ['2024-02-05', -420, 'CB BOULANGERIE FACT 030224'],
      ['2024-02-01', 210000, 'VIR SEPA SALAIRE REF EMPLOYEUR'],
    ]);
    expect(ops(file)[0]?.valueDate).toBe('2024-02-06');
  });

  it("Caisse d'Épargne (older export): account lines and the operation number as id", () => {
    const file = parsed(
      [
        "Code de la banque : 12345;Code de l'agence : 00001;Date de début de téléchargement : 01/02/2024;Date de fin de téléchargement : 29/02/2024;",
        'Numéro de compte : 01234567890;Nom du compte : COMPTE CHEQUE;Devise : EUR;',
        "Date;Numéro d'opération;Libellé;Débit;Crédit;Détail;",
        '05/02/2024;0012345;CB BOULANGERIE;-4,20;;CB BOULANGERIE FACT 030224;',
      ].join('\n'),
    );
    expect(file.bank).toBe("Caisse d'Épargne");
    expect(summary(file)).toEqual([['2024-02-05', -420, 'CB BOULANGERIE FACT 030224']]);
    expect(ops(file)[0]?.externalId).toBe('0012345');
    expect(file.statements[0]?.account.id).toBe('01234567890');
  });

  it('Fortuneo: signed debits without decimals', () => {
    const file = parsed(
      'Date opération;Date valeur;libellé;Débit;Crédit;\n05/02/2024;05/02/2024;CARTE 03/02 BOULANGERIE;-4,2;\n01/02/2024;01/02/2024;VIR SALAIRE;;2100',
    );
    expect(file.bank).toBe('Fortuneo');
    expect(summary(file)).toEqual([
      ['2024-02-05', -420, 'CARTE 03/02 BOULANGERIE'],
      ['2024-02-01', 210000, 'VIR SALAIRE'],
    ]);
  });
});

describe('preset list', () => {
  it('covers the banks the app promises', () => {
    const names = new Set(CSV_PRESETS.map((p) => p.name));
    for (const bank of [
      'Boursorama',
      'Crédit Agricole',
      'BNP Paribas',
      'Société Générale',
      'La Banque Postale',
      'Crédit Mutuel / CIC',
      'Fortuneo',
      'N26',
      'Revolut',
      'Wise',
      'Lloyds',
      'Monzo',
    ]) {
      expect(names.has(bank)).toBe(true);
    }
  });

  it('names the preset in the layout for the mapping step', () => {
    const layout = inspectCsv('Date;Libellé;Débit Euros;Crédit Euros;\n05/02/2024;CB;4,20;;');
    expect(layout).toMatchObject({
      ok: true,
      value: {
        preset: 'Crédit Agricole',
        mapping: { date: 'Date', label: ['Libellé'], debit: 'Débit Euros', credit: 'Crédit Euros' },
      },
    });
  });
});
