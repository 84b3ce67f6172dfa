/**
 * One small statement of our own per format, with a few of each format's quirks: the seeds that
 * the fuzz tests cut, flip and shuffle. Test-only (nothing in the app imports this folder).
 */
export const SAMPLE_STATEMENTS = {
  csv: [
    'Compte courant;FR76 3000 4000 0100 0123 4567 890',
    'Période;01/03/2026 au 31/03/2026',
    '',
    'Date;Date de valeur;Libellé;Débit;Crédit;Solde',
    '02/03/2026;02/03/2026;"CB CAFÉ DE LA GARE";-4,20;;1 995,80',
    '03/03/2026;03/03/2026;"VIR SEPA ""ACME""\nSALAIRE MARS";;2 150,00;4 145,80',
    '28/03/2026;28/03/2026;PRLV SEPA FREE MOBILE;-19,99;;4 125,81',
    '',
  ].join('\r\n'),
  ofx: [
    'OFXHEADER:100',
    'DATA:OFXSGML',
    'VERSION:102',
    'CHARSET:1252',
    '',
    '<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20260331</SONRS></SIGNONMSGSRSV1>',
    '<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS><STMTRS><CURDEF>EUR',
    '<BANKACCTFROM><BANKID>30004<ACCTID>0123 456<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST>',
    '<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260302120000.000[-5:EST]<TRNAMT>-4,20<FITID>A-1<NAME>CB CAFE &amp;amp; CO<MEMO>GARE</STMTTRN>',
    '<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20260303<TRNAMT>+2150.000<FITID>A-2<NAME><![CDATA[VIR <ACME>]]></STMTTRN>',
    '</BANKTRANLIST><LEDGERBAL><BALAMT>2145.80<DTASOF>20260331</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>',
    '',
  ].join('\n'),
  qif: [
    '!Type:Bank',
    'D02/03/2026',
    'T-4.20',
    'PCB CAFE',
    '^',
    "D 3/ 3'2026",
    'T1,234.50',
    'PVIR SALAIRE',
    'SFood',
    '$-100.00',
    'SRent',
    '$1,334.50',
    '^',
    'D28/03/26',
    'T-19.99',
    'PFREE MOBILE',
  ].join('\n'),
  camt: `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-03-31T10:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><Acct><Id><IBAN>FR7630004000010123456789012</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">2000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">4145.80</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-31</Dt></Dt></Bal>
<Ntry><Amt Ccy="EUR">4.20</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-03-02</Dt></BookgDt><ValDt><DtTm>2026-03-02T09:00:00</DtTm></ValDt><AcctSvcrRef>R1</AcctSvcrRef>
<NtryDtls><TxDtls><RmtInf><Ustrd>CB CAFE &amp; CO</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="EUR">2150.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-03-03</Dt></BookgDt>
<NtryDtls><TxDtls><Amt Ccy="EUR">2000.00</Amt><RltdPties><Dbtr><Nm>ACME</Nm></Dbtr></RltdPties></TxDtls><TxDtls><Amt Ccy="EUR">150.00</Amt><RmtInf><Ustrd>PRIME</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>
`,
  mt940: [
    '{1:F01BANKFRPPAXXX0000000000}{2:O9400000000000BANKFRPPAXXX00000000000000000000N}{4:',
    ':20:STMT-2026-03',
    ':25:FR7630004000010123456789012',
    ':28C:3/1',
    ':60F:C260301EUR2000,00',
    ':61:2603020302D4,20NTRFNONREF//R1',
    ':86:/NAME/CB CAFE/REMI/GARE',
    ':61:2603030303C2150,00NTRFA2',
    ':86:?20VIR SALAIRE?32ACME',
    ':62F:C260331EUR4145,80',
    '-}',
  ].join('\r\n'),
} as const;
