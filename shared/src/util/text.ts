const COMBINING_MARKS = /\p{M}/gu;
// Letters that carry no combining mark to strip but are written out in plain ASCII ("cœur" is
// typed "coeur"), and the typographic apostrophes banks and phones use for "'".
const SPELLED_OUT: Readonly<Record<string, string>> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  '’': "'",
  ʼ: "'",
};
const SPELLED_OUT_PATTERN = /[œæß’ʼ]/g;

/** Case- and accent-insensitive form used for search and matching ("Café" → "cafe"). */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(SPELLED_OUT_PATTERN, (letter) => SPELLED_OUT[letter] ?? letter);
}
