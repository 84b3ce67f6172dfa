const COMBINING_MARKS = /\p{M}/gu;

/** Case- and accent-insensitive form used for search and matching ("Café" → "cafe"). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}
