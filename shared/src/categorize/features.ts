import type { IsoDate } from '../ledger/dates.ts';
import { fnv1a, fnv1aStep, FNV1A_PRIME } from './hash.ts';
import { normalizeLabel, type NormalizedLabel } from './normalize.ts';

/**
 * The model's input for one operation (docs/categorisation.md): hashed sparse features of its
 * normalised label, amount and day. Each feature is a string with a family prefix, hashed with
 * FNV-1a; the model reduces the hash modulo its bucket count.
 *
 * | family | feature                                                        | weight |
 * |--------|----------------------------------------------------------------|--------|
 * | `m:`   | the merchant key ("m:free mobile"), when there is one           | 1      |
 * | `k:`   | the operation kind ("k:card"), "k:none" when the label has none | 1      |
 * | `a:`   | sign and magnitude: "a:-10" is −1024…−2047 minor units, "a:0" zero; the magnitude is ⌊log2 \|amount\|⌋ clamped to 0…20 | 1 |
 * | `d:`   | day of month in six buckets: "d:1-5", "d:6-10" … "d:26-31"      | 1      |
 * | `w:`   | each token ("w:monop")                                         | 1      |
 * | `b:`   | each pair of neighbouring tokens ("b:free mobile")              | 1      |
 * | `c:`   | character 3-, 4- and 5-grams of each token padded as "<monop>" ("c:<mo", "c:ono", "c:op>"), over UTF-16 code units | 0.5 |
 *
 * The same feature twice (a repeated word, or two strings with one hash) is one entry whose weight
 * is the sum. At most {@link MAX_FEATURES} entries: features are taken in the order of the table
 * (and, within a family, left to right; n-grams by token, then start, then length 3→5) and once
 * the limit is reached, any further new index is dropped — in practice only character n-grams of
 * very long labels.
 */

export interface FeatureInput {
  readonly label: string;
  readonly amountMinor: number;
  readonly date: IsoDate;
}

/** Sparse features: `indices` ascending and unique, `values` their weights. */
export interface FeatureVector {
  readonly indices: Uint32Array;
  readonly values: Float32Array;
}

export const MAX_FEATURES = 256;
export const CHAR_NGRAM_WEIGHT = 0.5;
export const MAX_AMOUNT_BUCKET = 20;
const MIN_NGRAM = 3;
const MAX_NGRAM = 5;
const DAY_BUCKETS = ['1-5', '6-10', '11-15', '16-20', '21-25', '26-31'] as const;

const PREFIX = {
  merchant: fnv1a('m:'),
  kind: fnv1a('k:'),
  amount: fnv1a('a:'),
  day: fnv1a('d:'),
  word: fnv1a('w:'),
  bigram: fnv1a('b:'),
  char: fnv1a('c:'),
};
const SPACE = 0x20;
/** A local copy for the hot loop (an imported binding can cost an accessor call). */
const PRIME = FNV1A_PRIME;
const PAD_START = 0x3c; // '<'
const PAD_END = 0x3e; // '>'

/** "-10" for −1500 minor units, "+0" for 1, "0" for zero. */
export function amountFeature(amountMinor: number): string {
  if (!(amountMinor !== 0 && Number.isFinite(amountMinor))) return '0';
  // ⌊log2⌋ by halving: exact in binary floating point, so identical in every engine.
  let magnitude = Math.floor(Math.abs(amountMinor));
  let bucket = 0;
  while (magnitude >= 2 && bucket < MAX_AMOUNT_BUCKET) {
    magnitude /= 2;
    bucket += 1;
  }
  return `${amountMinor < 0 ? '-' : '+'}${bucket}`;
}

/** "1-5" … "26-31", or null for a date without a day 1–31. */
export function dayFeature(date: string): string | null {
  const day = Number(date.slice(8, 10));
  if (!Number.isInteger(day) || day < 1 || day > 31) return null;
  return DAY_BUCKETS[Math.min(5, Math.floor((day - 1) / 5))] ?? null;
}

/**
 * Collects (hash, weight) pairs in order, in buffers reused from call to call (the work is
 * synchronous, so no two calls ever share them), then sorts them and merges equal hashes in one
 * linear pass: no Map. The weight is 1 or {@link CHAR_NGRAM_WEIGHT}, so it is kept as one flag.
 */
let scratchHashes = new Uint32Array(512);
let scratchNgram = new Uint8Array(512);
let scratchCount = 0;

function collect(hash: number, charNgram: boolean): void {
  if (scratchCount === scratchHashes.length) {
    const hashes = new Uint32Array(scratchCount * 2);
    hashes.set(scratchHashes);
    scratchHashes = hashes;
    const ngram = new Uint8Array(scratchCount * 2);
    ngram.set(scratchNgram);
    scratchNgram = ngram;
  }
  scratchHashes[scratchCount] = hash;
  scratchNgram[scratchCount] = charNgram ? 1 : 0;
  scratchCount += 1;
}

/** Insertion sort up to this many entries: far faster than a native sort on a few dozen. */
const INSERTION_SORT_MAX = 96;

function collectedVector(): FeatureVector {
  let hashes: Uint32Array = scratchHashes;
  let ngram: Uint8Array = scratchNgram;
  let count = scratchCount;
  scratchCount = 0;
  if (count > MAX_FEATURES) [hashes, ngram, count] = firstDistinctOccurrences(hashes, ngram, count);
  if (count > INSERTION_SORT_MAX) {
    // Pack (hash, flag) into one number so a native numeric sort keeps the pairs together.
    const packed = new Float64Array(count);
    for (let i = 0; i < count; i += 1) packed[i] = hashes[i]! * 2 + ngram[i]!;
    packed.sort();
    hashes = new Uint32Array(count);
    ngram = new Uint8Array(count);
    for (let i = 0; i < count; i += 1) {
      hashes[i] = Math.floor(packed[i]! / 2);
      ngram[i] = packed[i]! % 2;
    }
  } else {
    for (let i = 1; i < count; i += 1) {
      const hash = hashes[i]!;
      const flag = ngram[i]!;
      let j = i - 1;
      while (j >= 0 && hashes[j]! > hash) {
        hashes[j + 1] = hashes[j]!;
        ngram[j + 1] = ngram[j]!;
        j -= 1;
      }
      hashes[j + 1] = hash;
      ngram[j + 1] = flag;
    }
  }
  let distinct = count > 0 ? 1 : 0;
  for (let i = 1; i < count; i += 1) if (hashes[i] !== hashes[i - 1]) distinct += 1;
  const indices = new Uint32Array(distinct);
  const values = new Float32Array(distinct);
  let at = -1;
  for (let i = 0; i < count; i += 1) {
    const weight = ngram[i] === 1 ? CHAR_NGRAM_WEIGHT : 1;
    if (i === 0 || hashes[i] !== hashes[i - 1]) {
      at += 1;
      indices[at] = hashes[i]!;
      values[at] = weight;
    } else {
      values[at] = values[at]! + weight;
    }
  }
  return { indices, values };
}

/** The occurrences of the first MAX_FEATURES distinct hashes, in order (copies). */
function firstDistinctOccurrences(
  hashes: Uint32Array,
  ngram: Uint8Array,
  count: number,
): [Uint32Array, Uint8Array, number] {
  const keep = firstDistinct();
  const keptHashes = new Uint32Array(count);
  const keptNgram = new Uint8Array(count);
  let kept = 0;
  for (let i = 0; i < count; i += 1) {
    if (!keep(hashes[i]!)) continue;
    keptHashes[kept] = hashes[i]!;
    keptNgram[kept] = ngram[i]!;
    kept += 1;
  }
  return [keptHashes, keptNgram, kept];
}

/** A filter keeping the occurrences of the first MAX_FEATURES distinct hashes. */
function firstDistinct(): (hash: number) => boolean {
  const seen = new Set<number>();
  return (hash) => {
    if (seen.has(hash)) return true;
    if (seen.size >= MAX_FEATURES) return false;
    seen.add(hash);
    return true;
  };
}

/** The features of an operation whose label is already normalised. */
export function featuresOfNormalized(
  normalized: NormalizedLabel,
  input: Omit<FeatureInput, 'label'>,
): FeatureVector {
  scratchCount = 0;
  const { tokens, merchantKey, kind } = normalized;
  if (merchantKey !== '') collect(fnv1a(merchantKey, PREFIX.merchant), false);
  collect(fnv1a(kind ?? 'none', PREFIX.kind), false);
  collect(fnv1a(amountFeature(input.amountMinor), PREFIX.amount), false);
  const day = dayFeature(input.date);
  if (day !== null) collect(fnv1a(day, PREFIX.day), false);
  for (const token of tokens) collect(fnv1a(token, PREFIX.word), false);
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const first = fnv1aStep(fnv1a(tokens[i]!, PREFIX.bigram), SPACE);
    collect(fnv1a(tokens[i + 1]!, first), false);
  }
  // Character n-grams, hashed incrementally: one pass per start gives its 3-, 4- and 5-gram.
  for (const token of tokens) {
    const padded = token.length + 2;
    for (let start = 0; start + MIN_NGRAM <= padded; start += 1) {
      let hash = PREFIX.char;
      const end = Math.min(padded, start + MAX_NGRAM);
      for (let at = start; at < end; at += 1) {
        const unit = at === 0 ? PAD_START : at === padded - 1 ? PAD_END : token.charCodeAt(at - 1);
        hash = Math.imul(hash ^ unit, PRIME) >>> 0; // fnv1aStep, inlined: the hot loop
        if (at - start + 1 >= MIN_NGRAM) collect(hash, true);
      }
    }
  }
  return collectedVector();
}

export function featuresOf(input: FeatureInput): FeatureVector {
  return featuresOfNormalized(normalizeLabel(input.label), input);
}

/** The weight of a feature string, from its family prefix. */
export function featureWeight(feature: string): number {
  return feature.startsWith('c:') ? CHAR_NGRAM_WEIGHT : 1;
}

/**
 * The feature strings behind {@link featuresOf}, in the order they are taken, one per occurrence
 * (a repeated word appears twice), without those dropped by the limit. For debugging and the
 * golden file: `fnv1a(s)` of each, merged with {@link featureWeight}, is exactly the vector.
 */
export function featureStrings(input: FeatureInput): string[] {
  const { tokens, merchantKey, kind } = normalizeLabel(input.label);
  const all: string[] = [];
  if (merchantKey !== '') all.push(`m:${merchantKey}`);
  all.push(`k:${kind ?? 'none'}`, `a:${amountFeature(input.amountMinor)}`);
  const day = dayFeature(input.date);
  if (day !== null) all.push(`d:${day}`);
  for (const token of tokens) all.push(`w:${token}`);
  for (let i = 0; i + 1 < tokens.length; i += 1) all.push(`b:${tokens[i]!} ${tokens[i + 1]!}`);
  for (const token of tokens) {
    const padded = `<${token}>`;
    for (let start = 0; start + MIN_NGRAM <= padded.length; start += 1) {
      for (let n = MIN_NGRAM; n <= MAX_NGRAM && start + n <= padded.length; n += 1) {
        all.push(`c:${padded.slice(start, start + n)}`);
      }
    }
  }
  if (all.length <= MAX_FEATURES) return all;
  const kept = firstDistinct();
  return all.filter((feature) => kept(fnv1a(feature)));
}
