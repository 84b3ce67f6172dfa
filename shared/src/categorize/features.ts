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

/** ⌊log2 |amount|⌋ clamped to 0…MAX_AMOUNT_BUCKET, for a finite non-zero amount. */
function magnitudeBucket(amountMinor: number): number {
  // ⌊log2⌋ by halving: exact in binary floating point, so identical in every engine.
  let magnitude = Math.floor(Math.abs(amountMinor));
  let bucket = 0;
  while (magnitude >= 2 && bucket < MAX_AMOUNT_BUCKET) {
    magnitude /= 2;
    bucket += 1;
  }
  return bucket;
}

function hasAmountBucket(amountMinor: number): boolean {
  return amountMinor !== 0 && Number.isFinite(amountMinor);
}

/** "-10" for −1500 minor units, "+0" for 1, "0" for zero. */
export function amountFeature(amountMinor: number): string {
  if (!hasAmountBucket(amountMinor)) return '0';
  return `${amountMinor < 0 ? '-' : '+'}${magnitudeBucket(amountMinor)}`;
}

/** 0…5 for days 1–5 … 26–31, or null for a date without a day 1–31. */
function dayBucket(date: string): number | null {
  const day = Number(date.slice(8, 10));
  if (!Number.isInteger(day) || day < 1 || day > 31) return null;
  return Math.min(5, Math.floor((day - 1) / 5));
}

/** "1-5" … "26-31", or null for a date without a day 1–31. */
export function dayFeature(date: string): string | null {
  const bucket = dayBucket(date);
  return bucket === null ? null : (DAY_BUCKETS[bucket] ?? null);
}

/**
 * The hashes of every amount and day feature, worked out once: an operation's own features are
 * then two table look-ups rather than two strings built and hashed.
 */
const ZERO_AMOUNT_HASH = fnv1a('0', PREFIX.amount);
const BUCKETS = Array.from({ length: MAX_AMOUNT_BUCKET + 1 }, (_, bucket) => bucket);
const POSITIVE_AMOUNT_HASHES = BUCKETS.map((bucket) => fnv1a(`+${bucket}`, PREFIX.amount));
const NEGATIVE_AMOUNT_HASHES = BUCKETS.map((bucket) => fnv1a(`-${bucket}`, PREFIX.amount));
const DAY_HASHES = DAY_BUCKETS.map((bucket) => fnv1a(bucket, PREFIX.day));

/** fnv1a of the amount feature, as {@link featuresOfNormalized} collects it. */
function amountHash(amountMinor: number): number {
  if (!hasAmountBucket(amountMinor)) return ZERO_AMOUNT_HASH;
  const hashes = amountMinor < 0 ? NEGATIVE_AMOUNT_HASHES : POSITIVE_AMOUNT_HASHES;
  return hashes[magnitudeBucket(amountMinor)] ?? ZERO_AMOUNT_HASH;
}

/** fnv1a of the day feature, or null when the date has none. */
function dayHash(date: string): number | null {
  const bucket = dayBucket(date);
  return bucket === null ? null : (DAY_HASHES[bucket] ?? null);
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

/** The label's first features: its merchant key and kind (the table's order). */
function collectMerchantAndKind({ merchantKey, kind }: NormalizedLabel): void {
  if (merchantKey !== '') collect(fnv1a(merchantKey, PREFIX.merchant), false);
  collect(fnv1a(kind ?? 'none', PREFIX.kind), false);
}

/** The label's last features: words, bigrams, then character n-grams (the table's order). */
function collectWords(tokens: readonly string[]): void {
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
}

/** The features of an operation whose label is already normalised. */
export function featuresOfNormalized(
  normalized: NormalizedLabel,
  input: Omit<FeatureInput, 'label'>,
): FeatureVector {
  scratchCount = 0;
  collectMerchantAndKind(normalized);
  collect(amountHash(input.amountMinor), false);
  const day = dayHash(input.date);
  if (day !== null) collect(day, false);
  collectWords(normalized.tokens);
  return collectedVector();
}

/**
 * A label's share of the features, for the operations that carry it (a batch holds the same
 * label many times): everything but the amount and the day, sorted and merged once (the
 * amount's and the day's hashes come from tables). See {@link featuresWithLabels}.
 */
export interface LabelFeatures {
  readonly normalized: NormalizedLabel;
  /**
   * The label's features alone, or null when there are so many that the
   * {@link MAX_FEATURES} cut could fall among them: such an operation takes the full path.
   */
  readonly merged: FeatureVector | null;
}

export function labelFeaturesOf(normalized: NormalizedLabel): LabelFeatures {
  scratchCount = 0;
  collectMerchantAndKind(normalized);
  collectWords(normalized.tokens);
  // With the amount and the day, the operation has at most MAX_FEATURES occurrences, so no cut
  // happens and its vector is the plain merge of everything: the label's, then two more.
  if (scratchCount + 2 > MAX_FEATURES) {
    scratchCount = 0;
    return { normalized, merged: null };
  }
  return { normalized, merged: collectedVector() };
}

/**
 * Exactly `featuresOfNormalized(labels[i].normalized, operations[i])` for each i, from the labels'
 * shares worked out once: each operation's amount and day features are merged into its label's,
 * in one pass. The vectors are views into two buffers for the whole batch: two allocations rather
 * than two per operation, which a batch of thousands pays for in garbage collection.
 */
export function featuresWithLabels(
  labels: readonly LabelFeatures[],
  operations: readonly Omit<FeatureInput, 'label'>[],
): FeatureVector[] {
  if (labels.length !== operations.length) {
    throw new RangeError(`${labels.length} labels for ${operations.length} operations`);
  }
  let capacity = 0;
  for (const { merged } of labels) capacity += merged ? merged.indices.length + 2 : 0;
  const indices = new Uint32Array(capacity);
  const values = new Float32Array(capacity);
  let offset = 0;
  return labels.map((label, i) => {
    const operation = operations[i]!;
    if (!label.merged) return featuresOfNormalized(label.normalized, operation);
    const amount = amountHash(operation.amountMinor);
    const day = dayHash(operation.date);
    const end = mergeOperationFeatures(label.merged, amount, day, { indices, values }, offset);
    const vector = { indices: indices.subarray(offset, end), values: values.subarray(offset, end) };
    offset = end;
    return vector;
  });
}

/**
 * Writes `label` with the amount and day features (weight 1 each) added, sorted and merged, into
 * `out` from `offset` (room for label's length + 2); returns where it ends.
 */
function mergeOperationFeatures(
  label: FeatureVector,
  amount: number,
  day: number | null,
  out: FeatureVector,
  offset: number,
): number {
  const { indices, values } = label;
  // The one or two extra features, ascending; one hash twice is one feature of weight 2.
  let lowHash = amount;
  let lowWeight = 1;
  let highHash = 0;
  let extras = 1;
  if (day === amount) lowWeight = 2;
  else if (day !== null) {
    extras = 2;
    lowHash = Math.min(amount, day);
    highHash = Math.max(amount, day);
  }
  let at = offset;
  let extra = 0;
  for (let i = 0; i < indices.length; i += 1) {
    const index = indices[i]!;
    let value = values[i]!;
    while (extra < extras) {
      const hash = extra === 0 ? lowHash : highHash;
      if (hash > index) break;
      const weight = extra === 0 ? lowWeight : 1;
      extra += 1;
      if (hash === index) {
        value += weight; // sums of 1 and 0.5: exact in float32, whatever the order
        break;
      }
      out.indices[at] = hash;
      out.values[at] = weight;
      at += 1;
    }
    out.indices[at] = index;
    out.values[at] = value;
    at += 1;
  }
  for (; extra < extras; extra += 1) {
    out.indices[at] = extra === 0 ? lowHash : highHash;
    out.values[at] = extra === 0 ? lowWeight : 1;
    at += 1;
  }
  return at;
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
