/**
 * Bank files of a chosen size for the import benchmark, in the shapes real banks produce: a French
 * CSV (";", comma decimals, dd/mm/yyyy, windows-1252 accents) and an OFX 1.x SGML file. The same
 * seed gives the same bytes, so runs compare.
 */
const MERCHANTS = [
  'CB CARREFOUR MARKET PARIS',
  'CB BOULANGERIE DU MARCHÉ',
  'PRLV SEPA FREE MOBILE',
  'VIR SEPA LOYER RÉSIDENCE',
  'CB SNCF INTERNET',
  'RETRAIT DAB 12/03 LYON',
  'CB PHARMACIE DE LA GARE',
  'PRLV SEPA EDF CLIENTS',
  'CB AMAZON EU SARL',
  'VIR SALAIRE ACME',
] as const;

function* rows(count: number, seed: number) {
  let state = seed >>> 0;
  const next = () => {
    // xorshift32: cheap, deterministic, good enough to vary amounts and labels.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const start = Date.UTC(2016, 0, 1);
  for (let i = 0; i < count; i += 1) {
    const day = new Date(start + Math.floor((i / count) * 3650) * 86_400_000);
    const merchant = MERCHANTS[Math.floor(next() * MERCHANTS.length)] ?? MERCHANTS[0];
    const cents = merchant.startsWith('VIR SALAIRE')
      ? 250_000 + Math.floor(next() * 10_000)
      : -Math.floor(next() * 20_000) - 100;
    yield { day, label: `${merchant} ${i % 97}`, cents, id: `FIT${seed}-${i}` };
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

function frenchAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, ' ');
  return `${sign}${euros},${pad(abs % 100)}`;
}

/** A French bank's CSV export, encoded in windows-1252 like most of them. */
export function benchCsv(count: number, seed = 1): Uint8Array {
  const lines = ['Date opération;Date valeur;Libellé;Montant'];
  for (const row of rows(count, seed)) {
    const date = `${pad(row.day.getUTCDate())}/${pad(row.day.getUTCMonth() + 1)}/${row.day.getUTCFullYear()}`;
    lines.push(`${date};${date};${row.label};${frenchAmount(row.cents)}`);
  }
  return Uint8Array.from(Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'));
}

/** An OFX 1.02 (SGML) statement: leaves unclosed, one transaction per block. */
export function benchOfx(count: number, seed = 2): Uint8Array {
  const parts = [
    'OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:USASCII\r\nCHARSET:1252\r\nCOMPRESSION:NONE\r\nOLDFILEUID:NONE\r\nNEWFILEUID:NONE\r\n\r\n',
    '<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20261125<LANGUAGE>FRA</SONRS></SIGNONMSGSRSV1>\r\n',
    '<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS><STMTRS><CURDEF>EUR\r\n',
    '<BANKACCTFROM><BANKID>30004<BRANCHID>00001<ACCTID>00099887766<ACCTTYPE>CHECKING</BANKACCTFROM>\r\n<BANKTRANLIST>\r\n',
  ];
  for (const row of rows(count, seed)) {
    const date = `${row.day.getUTCFullYear()}${pad(row.day.getUTCMonth() + 1)}${pad(row.day.getUTCDate())}`;
    const amount = `${row.cents < 0 ? '-' : ''}${Math.floor(Math.abs(row.cents) / 100)}.${pad(Math.abs(row.cents) % 100)}`;
    parts.push(
      `<STMTTRN>\r\n<TRNTYPE>${row.cents < 0 ? 'DEBIT' : 'CREDIT'}\r\n<DTPOSTED>${date}\r\n<TRNAMT>${amount}\r\n<FITID>${row.id}\r\n<NAME>${row.label.replace(/&/g, '&amp;')}\r\n</STMTTRN>\r\n`,
    );
  }
  parts.push(
    '</BANKTRANLIST><LEDGERBAL><BALAMT>0.00<DTASOF>20261125</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\r\n',
  );
  return Uint8Array.from(Buffer.from(parts.join(''), 'latin1'));
}
