/**
 * Builds a readable label from an MT940 ":86:" information field. Banks use three shapes:
 * - German/Dutch "NNN?00posting text?20remittance…?32name…" (some use ">" for "?"),
 * - "/TRTP/…/NAME/…/REMI/…" keyword pairs,
 * - free text.
 * Structured shapes are hard-wrapped at a fixed width mid-word, so their lines are joined with
 * nothing; free text is joined with spaces.
 */
export function detailsLabel(lines: readonly string[]): string {
  const joined = lines.join('');
  const subfields = /^\s*\d{3}([?>])/.exec(joined);
  if (subfields?.[1] !== undefined) {
    const label = subfieldLabel(joined, subfields[1]);
    if (label !== '') return label;
  }
  if (/^\s*\/[A-Z]{2,4}\//.test(joined)) {
    const label = keywordLabel(joined);
    if (label !== '') return label;
  }
  return collapse(lines.map((line) => line.trim()).join(' '));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "?20".."?29" are the remittance lines, "?32"/"?33" the counterparty, "?00" the posting text. */
function subfieldLabel(text: string, delimiter: string): string {
  const parts = new Map<number, string>();
  const pattern = new RegExp(`\\${delimiter}(\\d{2})([^${delimiter === '?' ? '?' : '>'}]*)`, 'g');
  for (const match of text.matchAll(pattern)) {
    const key = Number(match[1]);
    parts.set(key, (parts.get(key) ?? '') + (match[2] ?? ''));
  }
  const range = (from: number, to: number): string => {
    const out: string[] = [];
    for (let key = from; key <= to; key += 1) out.push(parts.get(key) ?? '');
    return out.join('');
  };
  const label = collapse(`${collapse(range(32, 33))} ${collapse(range(20, 29))}`);
  return label !== '' ? label : collapse(parts.get(0) ?? '');
}

const KEYWORD = /\/([A-Z]{2,4})\//g;

/** "/NAME/…" and "/REMI/…" make the label; values run to the next "/KEY/". */
function keywordLabel(text: string): string {
  const values = new Map<string, string>();
  const marks = [...text.matchAll(KEYWORD)];
  marks.forEach((mark, i) => {
    const start = (mark.index ?? 0) + mark[0].length;
    const end = marks[i + 1]?.index ?? text.length;
    const key = mark[1] ?? '';
    if (!values.has(key)) values.set(key, text.slice(start, end));
  });
  return collapse(`${values.get('NAME') ?? ''} ${values.get('REMI') ?? ''}`);
}
