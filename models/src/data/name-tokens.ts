import { COMMON_LABEL_WORDS, GIVEN_NAMES } from './name-vocabulary.ts';

/** A word of a label, with where it sits and what separates it from the previous one. */
export interface Token {
  readonly start: number;
  readonly end: number;
  /** Upper case, accents removed: what the word lists are compared with. */
  readonly key: string;
  /** The text between the previous token and this one. */
  readonly before: string;
}

export function tokenize(label: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of label.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = match.index;
    const key = match[0].normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
    tokens.push({
      start,
      end: start + match[0].length,
      key,
      before: label.slice(previousEnd, start),
    });
    previousEnd = start + match[0].length;
  }
  return tokens;
}

/** Every cut-short form (at least `min` letters) of the words of a list. */
function truncations(words: Iterable<string>, min: number): Set<string> {
  const prefixes = new Set<string>();
  for (const word of words) {
    for (let length = min; length < word.length; length++) prefixes.add(word.slice(0, length));
  }
  return prefixes;
}

/** Bank labels are cut at a column width: "BERNADET", "SYLVA" are still given names. */
const GIVEN_NAME_TRUNCATIONS = truncations(GIVEN_NAMES, 5);
/** ... and "REMBO", "MOITI", "VACAN" still ordinary words. */
const COMMON_WORD_TRUNCATIONS = truncations(COMMON_LABEL_WORDS, 5);

export const isLetters = (key: string): boolean => /^\p{L}+$/u.test(key);
/** "A" is the preposition of "VIR A X", not an initial. */
export const isInitial = (key: string): boolean =>
  key.length === 1 && key !== 'A' && isLetters(key);
export const isGivenName = (key: string): boolean =>
  GIVEN_NAMES.has(key) || GIVEN_NAME_TRUNCATIONS.has(key);
export const isCommonWord = (key: string): boolean =>
  COMMON_LABEL_WORDS.has(key) || COMMON_WORD_TRUNCATIONS.has(key);

/**
 * Words of one name are separated by spaces, a bare hyphen ("JEAN-PIERRE"), an initial's dot
 * ("C. X") or an apostrophe. " - ", "/", "(", ":" separate fields, and "D.G.F.I.P" is an acronym.
 */
export const joinsName = (before: string): boolean => /^(\s+|-+|\.\s+|['’])$/u.test(before);
