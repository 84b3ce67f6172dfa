import {
  isCommonWord,
  isGivenName,
  isInitial,
  isLetters,
  joinsName,
  type Token,
} from './name-tokens.ts';
import {
  GIVEN_NAMES,
  NAME_PARTICLES,
  SHORT_TITLES,
  TITLE_JOINERS,
  TITLES,
  TRANSFER_MARKERS,
} from './name-vocabulary.ts';

/**
 * The three rules that find a person in a label: a civil title ("MME X Y", "M OU MME X"), a
 * transfer word followed by a name with a given name or an initial in it ("/DE X BERNADET", "VIR DE
 * JULIE X"), a given name next to an unknown word ("JULIE X"). `vocabulary` holds words frequent
 * in spending labels (shops, towns), which are never taken for names.
 */
export class NameRules {
  constructor(private readonly vocabulary: ReadonlySet<string>) {}

  isNameWord(key: string): boolean {
    return (
      key.length >= 2 &&
      isLetters(key) &&
      !isCommonWord(key) &&
      !TITLES.has(key) &&
      !this.vocabulary.has(key)
    );
  }

  /** Indices of the tokens that belong to a person. */
  personTokens(tokens: readonly Token[]): Set<number> {
    const masked = new Set<number>();
    for (let i = 0; i < tokens.length; i++) {
      const afterTitles = titleChainEnd(tokens, i);
      if (afterTitles > i) {
        for (const index of this.nameRun(tokens, afterTitles, true)) masked.add(index);
        i = afterTitles - 1;
        continue;
      }
      const token = tokens[i] as Token;
      if (TRANSFER_MARKERS.has(token.key)) {
        const run = this.nameRun(tokens, i + 1, false);
        if (run.some((index) => hasPersonEvidence(tokens[index]?.key ?? ''))) {
          for (const index of run) masked.add(index);
        }
      }
      if (GIVEN_NAMES.has(token.key) && this.isNameWord(token.key)) {
        const run = [...this.surnamesBefore(tokens, i), ...this.nameRun(tokens, i, false)];
        if (run.length >= 2) for (const index of run) masked.add(index);
      }
    }
    return masked;
  }

  /** The name words from `start`: given names and initials freely, a few surname words. */
  nameRun(tokens: readonly Token[], start: number, afterTitle: boolean, maxSurnames = 2): number[] {
    const run: number[] = [];
    let surnames = 0;
    for (let j = start; j < tokens.length && run.length < 6; j++) {
      const token = tokens[j] as Token;
      if (j > start && !joinsName(token.before)) break;
      const next = tokens[j + 1];
      const particleFits = (run.length > 0 || afterTitle) && next && this.isNameWord(next.key);
      if (NAME_PARTICLES.has(token.key) && particleFits) {
        run.push(j);
      } else if (isInitial(token.key) && run.length > 0) {
        run.push(j);
      } else if (isGivenName(token.key) && !isCommonWord(token.key)) {
        run.push(j);
      } else if (this.isNameWord(token.key) && surnames < maxSurnames) {
        run.push(j);
        surnames++;
      } else break;
    }
    return run;
  }

  /** Up to two unknown words right before a given name (banks print "SURNAME FIRSTNAME"). */
  private surnamesBefore(tokens: readonly Token[], i: number): number[] {
    const found: number[] = [];
    for (let j = i - 1; j >= 0 && found.length < 2; j--) {
      const token = tokens[j] as Token;
      const after = tokens[j + 1] as Token;
      if (!joinsName(after.before) || !this.isNameWord(token.key)) break;
      found.unshift(j);
    }
    return found;
  }
}

const hasPersonEvidence = (key: string): boolean => isGivenName(key) || isInitial(key);
const isTitleKey = (key: string): boolean => TITLES.has(key) || SHORT_TITLES.has(key);

/** Past the titles starting at `i` ("M OU MME"), or `i` when there is none. */
function titleChainEnd(tokens: readonly Token[], i: number): number {
  if (!isTitleAt(tokens, i)) return i;
  let end = i + 1;
  while (TITLE_JOINERS.has(tokens[end]?.key ?? '') && isTitleKey(tokens[end + 1]?.key ?? '')) {
    end += 2;
  }
  return end;
}

function isTitleAt(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (!token) return false;
  if (TITLES.has(token.key)) return true;
  if (!SHORT_TITLES.has(token.key)) return false;
  // "M" alone is a title only where a person is expected: first word, after a transfer word or
  // a field separator ("- M. X", "/M X"); "C.P.A.M." is an acronym.
  const previous = tokens[i - 1];
  if (previous === undefined) return true;
  if (!/(\s|[-:/])$/u.test(token.before)) return false;
  return (
    TRANSFER_MARKERS.has(previous.key) ||
    TITLE_JOINERS.has(previous.key) ||
    /[-:/]/.test(token.before)
  );
}
