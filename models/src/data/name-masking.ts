import type { CategoryId } from '@tirelire/shared';
import { NameRules } from './name-rules.ts';
import {
  isCommonWord,
  isGivenName,
  isLetters,
  joinsName,
  tokenize,
  type Token,
} from './name-tokens.ts';
import { GIVEN_NAMES, NAME_PARTICLES, TITLES, TRANSFER_SIGNALS } from './name-vocabulary.ts';

/** What a masked person becomes in training text. */
export const PERSON_PLACEHOLDER = 'PERSONNE';

export interface NameMasker {
  /** `categoryId` tells whether a lone given name is a person ("PAULINE 100 BISOUS"). */
  mask(label: string, categoryId: CategoryId): string;
}

export interface MaskingCorpusEntry {
  readonly label: string;
  readonly categoryId: CategoryId;
}

/** Categories where names are expected (transfers, pay, rent, childminders). */
const PERSON_CATEGORIES: ReadonlySet<string> = new Set([
  'transfers_savings',
  'income',
  'other',
  'housing',
  'education_kids',
]);

/**
 * Masks people's names in bank labels before anything is learned from them. The rules of
 * name-rules.ts find persons; the surnames they find across the whole corpus then form a lexicon
 * that masks the same surnames where no rule fires ("X VIREMENT LOYER"). A word enters the
 * lexicon only when the rules mask it at least as often as it shows up unmasked in spending
 * labels, so a shop that once sat next to a given name does not take its town with it.
 */
export function buildNameMasker(corpus: readonly MaskingCorpusEntry[]): NameMasker {
  const rules = new NameRules(spendingVocabulary(corpus));
  const labelsMasked = new Map<string, number>();
  const spendingLabelsUnmasked = new Map<string, number>();
  const seen = new Set<string>();
  for (const { label, categoryId } of corpus) {
    const identity = label.toUpperCase();
    if (seen.has(identity)) continue;
    seen.add(identity);
    const tokens = tokenize(label);
    const masked = rules.personTokens(tokens);
    const maskedKeys = new Set([...masked].map((index) => tokens[index]?.key ?? ''));
    for (const key of maskedKeys) labelsMasked.set(key, (labelsMasked.get(key) ?? 0) + 1);
    if (PERSON_CATEGORIES.has(categoryId)) continue;
    for (const key of new Set(tokens.map((token) => token.key))) {
      if (!maskedKeys.has(key)) {
        spendingLabelsUnmasked.set(key, (spendingLabelsUnmasked.get(key) ?? 0) + 1);
      }
    }
  }
  const lexicon = new Set<string>();
  for (const [key, masked] of labelsMasked) {
    const isSurname = key.length >= 4 && !GIVEN_NAMES.has(key) && !NAME_PARTICLES.has(key);
    if (isSurname && masked >= (spendingLabelsUnmasked.get(key) ?? 0)) lexicon.add(key);
  }
  return {
    mask: (label, categoryId) => maskWith(label, rules, lexicon, PERSON_CATEGORIES.has(categoryId)),
  };
}

/**
 * Words seen in at least three distinct spending labels: shops, towns, products. Transfers are
 * left out even when their purpose made them spending ("VIR ... /MOTIF IMPOTS /BEN X").
 */
function spendingVocabulary(corpus: readonly MaskingCorpusEntry[]): Set<string> {
  const labelsPerWord = new Map<string, Set<string>>();
  for (const { label, categoryId } of corpus) {
    const tokens = tokenize(label);
    const isTransfer = tokens.some(({ key }) => TRANSFER_SIGNALS.has(key) || TITLES.has(key));
    if (PERSON_CATEGORIES.has(categoryId) || isTransfer) continue;
    for (const { key } of tokens) {
      if (!isLetters(key) || key.length < 2) continue;
      const labels = labelsPerWord.get(key) ?? new Set<string>();
      labels.add(label.toUpperCase());
      labelsPerWord.set(key, labels);
    }
  }
  return new Set([...labelsPerWord].filter(([, labels]) => labels.size >= 3).map(([key]) => key));
}

function maskWith(
  label: string,
  rules: NameRules,
  lexicon: ReadonlySet<string>,
  expectsPerson: boolean,
): string {
  const tokens = tokenize(label);
  const masked = rules.personTokens(tokens);
  tokens.forEach((token, index) => {
    if (!rules.isNameWord(token.key) || !relatedToAny(token.key, lexicon)) return;
    // A known surname brings the given name or the word of name that follows it.
    masked.add(index);
    const next = tokens[index + 1];
    if (next && joinsName(next.before)) {
      for (const following of rules.nameRun(tokens, index + 1, false, 1)) masked.add(following);
    }
  });
  if (masked.size > 0 || expectsPerson) {
    // Once a person is in the label (or expected there), given names are theirs, and so are
    // pieces of masked words: cut short ("SYLVIE X VIR DE SYLV"), hyphenated ("X-Y").
    const maskedKeys = [...masked].map((index) => tokens[index]?.key ?? '');
    tokens.forEach((token, index) => {
      if (!isLetters(token.key) || isCommonWord(token.key)) return;
      const cutShort =
        token.key.length >= 3 &&
        maskedKeys.some((key) => key.length > token.key.length && key.startsWith(token.key));
      const hyphenated = /^-+$/.test(token.before) && masked.has(index - 1);
      if (cutShort || hyphenated || isGivenName(token.key)) masked.add(index);
    });
  }
  return replaceMasked(label, tokens, masked);
}

/** The same surname, or one cut short by the bank (both at least five letters). */
function relatedToAny(key: string, lexicon: ReadonlySet<string>): boolean {
  if (lexicon.has(key)) return true;
  if (key.length < 5) return false;
  for (const entry of lexicon) {
    if (entry.length >= 5 && (entry.startsWith(key) || key.startsWith(entry))) return true;
  }
  return false;
}

/** Consecutive masked words become one placeholder; everything else is kept as written. */
function replaceMasked(
  label: string,
  tokens: readonly Token[],
  masked: ReadonlySet<number>,
): string {
  let out = '';
  let cursor = 0;
  let previousMasked = false;
  tokens.forEach((token, index) => {
    if (!masked.has(index)) {
      previousMasked = false;
      return;
    }
    if (!(previousMasked && joinsName(token.before))) {
      out += label.slice(cursor, token.start) + PERSON_PLACEHOLDER;
    }
    cursor = token.end;
    previousMasked = true;
  });
  return out + label.slice(cursor);
}
