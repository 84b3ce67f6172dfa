import { readFileSync, writeFileSync } from 'node:fs';

/**
 * MODEL_CARD.md holds generated sections between markers, `<!-- BEGIN name -->` and
 * `<!-- END name -->`; training and evaluation rewrite only what is between them.
 */
export function replaceSection(text: string, name: string, content: string): string {
  const begin = `<!-- BEGIN ${name} -->`;
  const end = `<!-- END ${name} -->`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from === -1 || to === -1 || to < from) {
    throw new Error(`MODEL_CARD.md has no section "${name}" (markers ${begin} … ${end})`);
  }
  return `${text.slice(0, from + begin.length)}\n${content.trim()}\n${text.slice(to)}`;
}

export function updateModelCard(file: string, sections: Readonly<Record<string, string>>): void {
  let text = readFileSync(file, 'utf8');
  for (const [name, content] of Object.entries(sections))
    text = replaceSection(text, name, content);
  writeFileSync(file, text);
}

/** A Markdown table from a header and rows. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;
