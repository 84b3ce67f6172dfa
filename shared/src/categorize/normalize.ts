import { foldText } from '../util/text.ts';

/**
 * Label normalisation (docs/categorisation.md): a bank's raw label → the words that say who was
 * paid, the operation type, and a short merchant key.
 *
 * "CB MONOP 12/03 PARIS 75" → { text: "monop paris", kind: "card", merchantKey: "monop" }
 *
 * How, in one left-to-right pass over the folded label (NFKC, lower case, no accents), then three passes
 * over its (few) words, so the time is linear in the label's length; every regular expression is
 * anchored, precompiled and has no nested quantifier, and each only ever sees one word:
 * 1. Words are runs of letters and digits. "/", "*", ":", "+", whitespace… end a word; ".", ",",
 *    "-", "'" and "&" also split words, but a run holding them is first looked at whole: a domain
 *    ("help.uber.com" → "uber", "amazon.co.uk" → "amazon"), or a "&" between letters, which is kept
 *    ("h&m", "m&s").
 * 2. Noise goes: numbers (all of them: days, dates, amounts, store and post codes), references
 *    (a word with ≥ 4 digits — IBANs, creditor ids, card numbers, "1203" after CB — or of ≥ 6
 *    characters mixing letters and digits with ≥ 3 digits or ≥ 3 letter/digit changes: "ab12cd3";
 *    "check24" and "free2move" stay), card masks ("xxxx", "4974xxxxxxxx1234"), times ("14h32";
 *    "14:32" is two numbers), dates with a month name ("12mar24", and "mar" in "on 12 mar"),
 *    amounts with their currency ("12,50eur"), single letters and digits ("m." in "M. JEAN"),
 *    and the value of a reference field written against its name ("mdt/+xyz", "ref:abc").
 * 3. The operation type becomes `kind`: the first type word or phrase wins ("FRAIS CARTE" is a
 *    fee), and every type word or phrase is removed from the text ("card" and "pret" only count
 *    in "card payment" and "ech pret": Card Factory and Pret A Manger are shops). Boilerplate
 *    words go too ("sepa", "paiement", "de", "payment", "ltd"…).
 * 4. `merchantKey`: the first remaining word, without a payment processor in front ("paypal
 *    netflix" → "netflix", "sq blue bottle" → "blue bottle"), plus the second word unless it is a
 *    place (a big city, a country or its code, a UK post code).
 *
 * Idempotent on its text: normalizeLabel(n.text) gives back n.text, the same tokens and the same
 * merchant key (with kind null: the type words are gone from the text).
 */

export const OPERATION_KINDS = [
  'card',
  'direct_debit',
  'transfer',
  'withdrawal',
  'cheque',
  'fee',
  'deposit',
  'interest',
  'loan',
] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

export interface NormalizedLabel {
  /** The tokens joined by single spaces. */
  readonly text: string;
  readonly tokens: string[];
  readonly kind: OperationKind | null;
  /** One or two words naming the merchant or counterpart; '' when nothing is left. */
  readonly merchantKey: string;
}

function wordsOf(list: string): string[] {
  return list.split(/\s+/).filter((word) => word !== '');
}

/**
 * Words that give the operation type wherever they are. Plain English or French words that are
 * also names ("card" in Card Factory, "pret" in Pret A Manger) are types only in a phrase below.
 */
const KIND_WORDS: ReadonlyMap<string, OperationKind> = new Map<string, OperationKind>([
  ...wordsOf('cb carte pos contactless').map((w) => [w, 'card'] as const),
  ...wordsOf('prlv prelevement prelevements dd').map((w) => [w, 'direct_debit'] as const),
  ...wordsOf('vir virement virements transfer fps bacs bgc so tfr').map(
    (w) => [w, 'transfer'] as const,
  ),
  ...wordsOf('retrait retraits dab gab atm withdrawal').map((w) => [w, 'withdrawal'] as const),
  ...wordsOf('chq cheque cheques check').map((w) => [w, 'cheque'] as const),
  ...wordsOf('frais cotis cotisation commission commissions fee fees charges agios').map(
    (w) => [w, 'fee'] as const,
  ),
  ...wordsOf('remise depot deposit versement').map((w) => [w, 'deposit'] as const),
  ...wordsOf('interets interet interest').map((w) => [w, 'interest'] as const),
  ...wordsOf('loan emprunt').map((w) => [w, 'loan'] as const),
]);

/**
 * Two-word types. Their words match side by side, or across boilerplate ("direct the debit");
 * a first word that is boilerplate ("ech", "payment") only side by side.
 */
const KIND_PHRASES: ReadonlyMap<string, OperationKind> = new Map<string, OperationKind>([
  ['card payment', 'card'],
  ['card purchase', 'card'],
  ['sans contact', 'card'],
  ['direct debit', 'direct_debit'],
  ['faster payment', 'transfer'],
  ['faster payments', 'transfer'],
  ['standing order', 'transfer'],
  ['bank transfer', 'transfer'],
  ['cash withdrawal', 'withdrawal'],
  ['cash machine', 'withdrawal'],
  ['ech pret', 'loan'],
  ['echeance pret', 'loan'],
]);

/** Words that say nothing about who was paid. */
const BOILERPLATE: ReadonlySet<string> = new Set(
  wordsOf(`
    sepa sct sdd inst instantane paiement paiements par facture fact achat operation
    ech echeance ref refs reference mdt mandat rum ics id emetteur beneficiaire benef donneur
    ordre motif recu emis date dt notprovided nonref
    de du la le les des au aux et en sur pour chez avec vers
    to from payment payments pmt pymt receipt received purchase the of on at for by via with and
    no nr num numero mr mrs ms mme mlle madame monsieur
    eur gbp usd chf
    ltd limited plc sa sas sasu sarl eurl inc llc gmbh cie co www
  `),
);

/** Words whose value follows them without a space ("MDT/+XYZ", "REF:ABC"): the value goes. */
const FIELD_NAMES: ReadonlySet<string> = new Set(
  wordsOf('mdt rum ics ref id ech emetteur iban bic'),
);

/** Payment processors written in front of the merchant's name. */
const PROCESSORS: ReadonlySet<string> = new Set(
  wordsOf('paypal pp sq sumup izettle zettle iz stripe sp'),
);

/** Places that follow a merchant's name; never the second word of a merchant key. */
const PLACES: ReadonlySet<string> = new Set(
  wordsOf(`
    paris lyon marseille toulouse nice nantes strasbourg montpellier bordeaux lille rennes reims
    toulon grenoble dijon angers nimes villeurbanne brest limoges tours amiens metz perpignan
    besancon orleans rouen mulhouse caen nancy argenteuil montreuil roubaix avignon poitiers
    versailles nanterre boulogne cedex
    london londres manchester birmingham leeds glasgow edinburgh liverpool bristol sheffield
    cardiff belfast newcastle nottingham leicester coventry brighton oxford cambridge southampton
    portsmouth dublin bruxelles brussels geneve geneva zurich luxembourg amsterdam berlin madrid
    barcelona barcelone rome milan lisbon lisbonne monaco
    fr fra france gb gbr uk england scotland wales lu lux be bel belgique belgium ie irl ireland
    nl nld de deu es esp espagne spain it ita italie italy ch che suisse switzerland us usa
    europe eu ue
  `),
);

/** The outward half of a UK post code ("sw1a", "ec1", "m1"). */
const UK_OUTWARD_CODE = /^[a-z]{1,2}\d[a-z\d]?$/;

const MONTHS: ReadonlySet<string> = new Set(
  wordsOf(`
    jan janv janvier january feb fev fevr fevrier february mar mars march apr avr avril april
    may mai jun juin june jul juil juillet july aug aou aout august sep sept septembre september
    oct octobre october nov novembre november dec decembre december
  `),
);

/** Top-level domains and second levels ("co" in co.uk) dropped from a domain. */
const DOMAIN_SUFFIXES: ReadonlySet<string> = new Set(
  wordsOf('com co uk fr net org de eu io be es it nl ch lu ie us app shop biz info tv me'),
);

const TIME = /^\d{1,2}h\d{0,2}$/;
const DAY_AND_MONTH = /^\d{1,2}([a-z]{3,9})\d{0,4}$/;
const AMOUNT_AND_CURRENCY = /^(?:\d+(?:eur|gbp|usd|chf)|(?:eur|gbp|usd|chf)\d+)$/;
const DAY_OR_YEAR = /^(?:\d{1,2}|\d{4})$/;

// Character classes of the folded label.
const SEPARATOR = 0; // ends a word and a run: whitespace, "/", "*", ":", "+", "€"…
const JOINER = 1; // splits words but not the run: ".", ",", "-", "'", "&", "_"
const WORD = 2; // letters and digits

const ASCII_CLASS = new Uint8Array(128); // SEPARATOR by default
for (let c = 0x30; c <= 0x39; c += 1) ASCII_CLASS[c] = WORD;
for (let c = 0x61; c <= 0x7a; c += 1) ASCII_CLASS[c] = WORD;
for (let c = 0x41; c <= 0x5a; c += 1) ASCII_CLASS[c] = WORD; // folded text has none; harmless
for (const c of ".,-'&_") ASCII_CLASS[c.charCodeAt(0)] = JOINER;

const IS_ASCII_SPACE = new Uint8Array(128);
for (const c of ' \t\n\r\v\f') IS_ASCII_SPACE[c.charCodeAt(0)] = 1;

const UNICODE_WORD = /^[\p{L}\p{N}]$/u;
const UNICODE_SPACE = /^\s$/u;

function classOf(codePoint: number, char: string): number {
  if (codePoint < 128) return ASCII_CLASS[codePoint] ?? SEPARATOR;
  return UNICODE_WORD.test(char) ? WORD : SEPARATOR;
}

function isSpace(codePoint: number, char: string): boolean {
  if (codePoint < 128) return IS_ASCII_SPACE[codePoint] === 1;
  return UNICODE_SPACE.test(char);
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

interface Word {
  readonly text: string;
  /** Its position among the meaningful words: the first type found gives the kind. */
  readonly at: number;
}

interface RawWord {
  readonly text: string;
  /** Nothing but punctuation between this word and the one before ("mdt/+xyz"). */
  readonly joined: boolean;
}

/** The words of a run of word and joiner characters (no separator inside). */
function splitRun(run: string, joinedToPrevious: boolean, out: RawWord[]): void {
  let joined = joinedToPrevious;
  if (run.includes('.')) {
    const domainWord = domainName(trimJoiners(run));
    if (domainWord !== null) {
      splitRun(domainWord, joined, out);
      return;
    }
  }
  let start = -1;
  for (let i = 0; i <= run.length; i += 1) {
    const code = i < run.length ? run.charCodeAt(i) : 0x20;
    const isWordChar =
      code >= 128 ||
      ASCII_CLASS[code] === WORD ||
      // "&" between two word characters stays inside the word: "h&m", "at&t".
      (code === 0x26 &&
        start !== -1 &&
        i + 1 < run.length &&
        (run.charCodeAt(i + 1) >= 128 || ASCII_CLASS[run.charCodeAt(i + 1)] === WORD));
    if (isWordChar) {
      if (start === -1) start = i;
    } else if (start !== -1) {
      out.push({ text: run.slice(start, i), joined });
      joined = true;
      start = -1;
    }
  }
}

/** `run` without the joiners at either end ("netflix.com." → "netflix.com"). */
function trimJoiners(run: string): string {
  let start = 0;
  let end = run.length;
  while (start < end && ASCII_CLASS[run.charCodeAt(start)] === JOINER) start += 1;
  while (end > start && ASCII_CLASS[run.charCodeAt(end - 1)] === JOINER) end -= 1;
  return run.slice(start, end);
}

/**
 * The name in a domain ("help.uber.com" → "uber", "amazon.co.uk" → "amazon",
 * "www.sncf-connect.com" → "sncf-connect"), or null when the run is not a domain.
 */
function domainName(run: string): string | null {
  const parts = run.split('.');
  const last = parts[parts.length - 1];
  if (parts.length < 2 || last === undefined || !DOMAIN_SUFFIXES.has(last)) return null;
  let end = parts.length;
  while (end > 0 && DOMAIN_SUFFIXES.has(parts[end - 1] ?? '')) end -= 1;
  const name = parts[end - 1];
  if (name === undefined || !/^[a-z\d][a-z\d-]*$/.test(name)) return null;
  return name;
}

/** Whether a word is a number, a reference, a mask, a time, a date or an amount. */
function isNoise(word: string): boolean {
  let digits = 0;
  let changes = 0;
  let xs = 0;
  let previousIsDigit = false;
  for (let i = 0; i < word.length; i += 1) {
    const code = word.charCodeAt(i);
    const digit = isAsciiDigit(code);
    if (digit) digits += 1;
    else if (code === 0x78) xs += 1;
    if (i > 0 && digit !== previousIsDigit) changes += 1;
    previousIsDigit = digit;
  }
  const length = word.length;
  if (digits === length) return true; // a number
  if (digits >= 4) return true; // a reference, an IBAN, a card number
  if (xs >= 2 && length >= 4 && xs + digits === length) return true; // "xxxx", "12xx"
  if (length === 1 || (length === 2 && word.codePointAt(0)! > 0xffff)) {
    return word.charCodeAt(0) < 128; // a lone ASCII letter ("m." in "M. JEAN")
  }
  if (digits === 0) return false;
  if (length >= 6 && (digits >= 3 || changes >= 3)) return true; // "ab12cd3"
  if (TIME.test(word) || AMOUNT_AND_CURRENCY.test(word)) return true;
  const dayAndMonth = DAY_AND_MONTH.exec(word);
  return dayAndMonth !== null && MONTHS.has(dayAndMonth[1]!);
}

/** The words of the folded label, in order, each marked joined or not to the one before. */
function rawWords(folded: string): RawWord[] {
  const words: RawWord[] = [];
  let runStart = -1;
  let sawSpace = true; // the first word is not joined to anything
  let i = 0;
  while (i <= folded.length) {
    const codePoint = i < folded.length ? folded.codePointAt(i)! : 0x20;
    const width = codePoint > 0xffff ? 2 : 1;
    const char = codePoint < 128 ? '' : folded.slice(i, i + width);
    const kind = classOf(codePoint, char);
    if (kind === SEPARATOR) {
      if (runStart !== -1) {
        const before = words.length;
        splitRun(folded.slice(runStart, i), !sawSpace, words);
        if (words.length > before) sawSpace = false;
        runStart = -1;
      }
      if (isSpace(codePoint, char)) sawSpace = true;
    } else if (runStart === -1) {
      runStart = i;
    }
    i += width;
  }
  return words;
}

/** `raw` as words, with numbers, references, dates and field values gone. */
function meaningfulWords(raw: readonly RawWord[]): string[] {
  const kept: string[] = [];
  let inFieldValue = false;
  for (let i = 0; i < raw.length; i += 1) {
    const word = raw[i]!;
    inFieldValue = word.joined && (inFieldValue || FIELD_NAMES.has(raw[i - 1]?.text ?? ''));
    if (inFieldValue || isNoise(word.text)) continue;
    if (MONTHS.has(word.text)) {
      // "on 12 mar", "12 mars 2024", "mars 2024": a date; "loyer mars" keeps its month.
      const before = raw[i - 1]?.text ?? '';
      const after = raw[i + 1]?.text ?? '';
      if (DAY_OR_YEAR.test(before) || DAY_OR_YEAR.test(after)) continue;
    }
    kept.push(word.text);
  }
  return kept;
}

function merchantKeyOf(tokens: readonly string[]): string {
  if (tokens.length === 0) return '';
  // Skip processors in front, as long as a word that is neither a processor nor a place follows.
  let lastName = -1;
  for (let i = tokens.length - 1; i >= 0 && lastName === -1; i -= 1) {
    const token = tokens[i]!;
    if (!PROCESSORS.has(token) && !isPlace(token)) lastName = i;
  }
  let start = 0;
  while (start < lastName && PROCESSORS.has(tokens[start]!)) start += 1;
  const first = tokens[start]!;
  const second = tokens[start + 1];
  return second === undefined || isPlace(second) ? first : `${first} ${second}`;
}

function isPlace(token: string): boolean {
  return PLACES.has(token) || UK_OUTWARD_CODE.test(token);
}

const NON_ASCII = /[\u0080-\uffff]/;

export function normalizeLabel(raw: string): NormalizedLabel {
  // NFKC first: full-width letters ("ＣＢ"), ligatures ("ﬁ") and the like become plain letters.
  const compatible = NON_ASCII.test(raw) ? raw.normalize('NFKC') : raw;
  const words = meaningfulWords(rawWords(foldText(compatible)));

  // Types and boilerplate, in one pass. `names` holds the words kept so far (never boilerplate);
  // `previous` is the word just before, when still unused (boilerplate included).
  let kind: OperationKind | null = null;
  let kindAt = Infinity;
  const foundKind = (found: OperationKind, at: number): void => {
    if (at < kindAt) [kind, kindAt] = [found, at];
  };
  const names: Word[] = [];
  let previous: Word | null = null;
  for (let at = 0; at < words.length; at += 1) {
    const text = words[at]!;
    const top = names[names.length - 1];
    const withPrevious = previous && KIND_PHRASES.get(`${previous.text} ${text}`);
    const withTop = top && KIND_PHRASES.get(`${top.text} ${text}`);
    const single = KIND_WORDS.get(text);
    if (previous && withPrevious) {
      if (previous === top) names.pop();
      foundKind(withPrevious, previous.at);
      previous = null;
    } else if (top && withTop) {
      names.pop();
      foundKind(withTop, top.at);
      previous = null;
    } else if (single) {
      foundKind(single, at);
      previous = null;
    } else {
      previous = { text, at };
      if (!BOILERPLATE.has(text)) names.push(previous);
    }
  }
  // No two neighbours in `names` form a phrase (each was checked against the one below it when
  // pushed, and only the top is ever removed), so normalising the text again changes nothing.
  const tokens = names.map((word) => word.text);
  return { text: tokens.join(' '), tokens, kind, merchantKey: merchantKeyOf(tokens) };
}
