import { isCurrencyCode, type CurrencyCode } from '../money/currency.ts';
import { foldText } from '../util/text.ts';
import type { OptionalColumn } from './csv-mapping.ts';

/** What a column can be; `label` may take several columns, every other role one. */
export type ColumnRole = 'date' | 'label' | OptionalColumn;
export type SingleRole = Exclude<ColumnRole, 'label'>;

/** A header cell reduced to what we compare, and the currency its text names ("Amount (EUR)"). */
export interface HeaderKey {
  readonly key: string;
  readonly currency: CurrencyCode | null;
}

const MAX_NAME_LENGTH = 120;
const CURRENCY_WORDS: Readonly<Record<string, string>> = { euro: 'EUR', euros: 'EUR' };
// Parenthesised words dropped without meaning: time zones of Revolut Business / Qonto dates.
const NEUTRAL_QUALIFIERS = new Set(['utc', 'gmt', 'local']);

function currencyWord(word: string): CurrencyCode | null {
  const code = CURRENCY_WORDS[word] ?? word.toUpperCase();
  return isCurrencyCode(code) ? code : null;
}

/**
 * "Débit Euros" → debit (EUR), "Amount (EUR)" → amount (EUR), "Montant operation en euro" →
 * montantoperation (EUR), "Date de l'opération" → datedeloperation. Folded (case and accents)
 * and stripped of everything but letters and digits, so spellings of one name meet. Other
 * parenthesised words stay: "Montant (FRANCS)" and "Amount (Foreign Currency)" are not amounts.
 */
export function headerKey(text: string): HeaderKey {
  // Column names are short; a long cell is no name, and capping it bounds the regexes below.
  let folded = foldText(text.slice(0, MAX_NAME_LENGTH)).trim();
  let found: CurrencyCode | null = null;
  folded = folded.replace(/\(([^()]*)\)/g, (_whole, inner: string) => {
    const word = inner.trim();
    const code = currencyWord(word);
    if (code !== null) found = code;
    return code !== null || NEUTRAL_QUALIFIERS.has(word) ? ' ' : ` ${word} `;
  });
  folded = folded.replace(/\s+(?:(?:en|in)\s+)?([a-z]{3,5})\s*$/, (whole, word: string) => {
    const code = currencyWord(word);
    if (code === null) return whole;
    found = code;
    return '';
  });
  return { key: folded.replace(/[^a-z0-9]/g, ''), currency: found };
}

const key = (text: string): string => headerKey(text).key;

// Names of each role across the banks and languages we read, "|"-separated, best first: when
// two columns could be the date, the one whose name comes earlier wins ("Completed Date" over
// "Started Date").
const SYNONYMS: Readonly<Record<ColumnRole, string>> = {
  date:
    "date|booking date|date operation|date de l'operation|date d'operation|dateop|date op|" +
    'date de comptabilisation|date comptabilisation|date comptable|transaction date|' +
    'trans date|posting date|posted date|post date|completed date|date completed|date de fin|' +
    'buchungstag|buchungsdatum|datum|fecha|fecha operacion|fecha de operacion|fecha contable|' +
    'started date|date started|date de debut',
  valueDate:
    'value date|date de valeur|date valeur|dateval|date val|date de la valeur|valeur|' +
    'wertstellung|valutadatum|valuta|fecha valor|fecha de valor',
  label:
    "libelle|libelle operation|libelle de l'operation|libelle complet operation|label|" +
    "description|transaction description|details|detail|detail de l'ecriture|narrative|" +
    'particulars|payee|name|beneficiaire|partner name|counterparty|counterparty name|' +
    'nom de la contrepartie|auftraggeber/empfanger|empfanger|zahlungsempfanger|' +
    'beguenstigter/zahlungspflichtiger|verwendungszweck|concepto|descripcion|desc|reason|' +
    'payment reference|reference de paiement',
  amount:
    "amount|montant|montant operation|montant de l'operation|transaction amount|betrag|" +
    'umsatz|importe|cantidad|somme',
  debit:
    'debit|debits|debit amount|montant debit|withdrawal|withdrawals|withdrawal amount|' +
    'paid out|money out|out|ausgang|soll|cargo|cargos|debe|sortie|depense|depenses',
  credit:
    'credit|credits|credit amount|montant credit|deposit|deposits|deposit amount|paid in|' +
    'money in|in|eingang|haben|abono|abonos|haber|entree|recette|recettes',
  fee: 'fee|fees|frais|commission|gebuhr|comision',
  balance:
    'balance|solde|running balance|current balance|kontostand|saldo|solde apres operation|' +
    'new balance',
  currency: 'currency|devise|wahrung|moneda|divisa|ccy|currency code',
  externalId:
    "id|transaction id|transferwise id|identifiant de transaction|numero d'operation|" +
    'numero operation|fitid',
  status: 'status|state|statut|etat|estado|transaction status',
  account:
    'account|account number|accountnum|account no|kontonummer|konto|numero de compte|' +
    'numero compte|compte|iban|cuenta|numero de cuenta',
};

// Columns we know and ignore: they still tell a header row from a data row. ("Account
// balance" is BoursoBank's balance of today on every row, not a running balance.)
const OTHER_KNOWN =
  'type|transaction type|type operation|type de transaction|category|categorie|' +
  'sous categorie|subcategory|category parent|class|notes|note|memo|comment|commentaire|' +
  'check number|numero de cheque|sort code|tags|emoji|time|heure|product|produit|' +
  'exchange rate|taux de conversion|original amount|original currency|supplier found|' +
  'account name|account label|account balance|pointage operation|buchungstext|kategorie|' +
  'reference|card number|posting text|libelle simplifie|libelle court|' +
  'informations complementaires|card no|merchant|total fees|local amount|local currency';

const ROLE_OF_KEY = new Map<string, { role: ColumnRole; rank: number }>();
for (const [role, names] of Object.entries(SYNONYMS) as [ColumnRole, string][]) {
  names.split('|').forEach((name, rank) => {
    if (!ROLE_OF_KEY.has(key(name))) ROLE_OF_KEY.set(key(name), { role, rank });
  });
}
const KNOWN_KEYS = new Set([...ROLE_OF_KEY.keys(), ...OTHER_KNOWN.split('|').map(key)]);
// German exports number their purpose lines: "VWZ1".."VWZ14", "Verwendungszweck 2".
const NUMBERED_LABEL = /^(?:vwz|verwendungszweck)\d+$/;

export function roleOfKey(headerKeyText: string): ColumnRole | null {
  if (NUMBERED_LABEL.test(headerKeyText)) return 'label';
  return ROLE_OF_KEY.get(headerKeyText)?.role ?? null;
}

/** How many cells of a row are column names we know: what makes a row a header. */
export function knownHeaderCount(cells: readonly string[]): {
  known: number;
  roles: Set<ColumnRole>;
} {
  const roles = new Set<ColumnRole>();
  let known = 0;
  for (const cell of cells) {
    if (cell.length > 60) continue;
    const k = key(cell);
    if (k === '') continue;
    const role = roleOfKey(k);
    if (role !== null) roles.add(role);
    if (role !== null || KNOWN_KEYS.has(k)) known += 1;
  }
  return { known, roles };
}

/** Columns by role as their names say, each column used once; label parts in file order. */
export interface HeaderColumns {
  readonly single: Partial<Record<SingleRole, number>>;
  readonly label: number[];
}

const SINGLE_ROLES: readonly SingleRole[] = [
  'date',
  'valueDate',
  'amount',
  'debit',
  'credit',
  'fee',
  'balance',
  'currency',
  'externalId',
  'status',
  'account',
];

export function columnsFromHeaders(headers: readonly string[]): HeaderColumns {
  const keys = headers.map(key);
  const single: Partial<Record<SingleRole, number>> = {};
  const used = new Set<number>();
  for (const role of SINGLE_ROLES) {
    let bestIndex = -1;
    let bestRank = Number.POSITIVE_INFINITY;
    keys.forEach((k, index) => {
      const entry = ROLE_OF_KEY.get(k);
      if (used.has(index) || entry?.role !== role || entry.rank >= bestRank) return;
      bestIndex = index;
      bestRank = entry.rank;
    });
    if (bestIndex >= 0) {
      single[role] = bestIndex;
      used.add(bestIndex);
    }
  }
  // Money In / Money Out beside a signed Amount (Monzo) repeat it: the signed column is enough.
  if (single.amount !== undefined) {
    delete single.debit;
    delete single.credit;
  }
  const label = keys.flatMap((k, index) =>
    !used.has(index) && roleOfKey(k) === 'label' ? [index] : [],
  );
  return { single, label };
}

/** Folded letters and digits only, currency words kept: "Débit Euros" → debiteuros. */
export function plainKey(text: string): string {
  return foldText(text.slice(0, MAX_NAME_LENGTH)).replace(/[^a-z0-9]/g, '');
}

/** First position of each form of the header names, built once per header row. */
interface HeaderLookup {
  readonly exact: ReadonlyMap<string, number>;
  readonly plain: ReadonlyMap<string, number>;
  readonly stripped: ReadonlyMap<string, number>;
}

const LOOKUPS = new WeakMap<readonly string[], HeaderLookup>();

function lookupOf(headers: readonly string[]): HeaderLookup {
  let lookup = LOOKUPS.get(headers);
  if (lookup === undefined) {
    const exact = new Map<string, number>();
    const plain = new Map<string, number>();
    const stripped = new Map<string, number>();
    headers.forEach((header, index) => {
      if (!exact.has(header.trim())) exact.set(header.trim(), index);
      const folded = plainKey(header);
      if (!plain.has(folded)) plain.set(folded, index);
      const { key: bare } = headerKey(header);
      if (!stripped.has(bare)) stripped.set(bare, index);
    });
    lookup = { exact, plain, stripped };
    LOOKUPS.set(headers, lookup);
  }
  return lookup;
}

/**
 * The column a name designates: the same text, else the same folded letters and digits, else,
 * for a name that states no currency, the same name with its currency dropped (so "Paid Out"
 * finds "Paid Out (GBP)", while "Débit Euros" never finds a plain "Débit"). -1 when none.
 */
export function headerIndex(headers: readonly string[], name: string): number {
  const lookup = lookupOf(headers);
  const exact = lookup.exact.get(name.trim());
  if (exact !== undefined) return exact;
  const plain = plainKey(name);
  if (plain === '') return -1;
  const folded = lookup.plain.get(plain);
  if (folded !== undefined) return folded;
  const stripped = headerKey(name);
  if (stripped.currency !== null) return -1;
  return lookup.stripped.get(stripped.key) ?? -1;
}
