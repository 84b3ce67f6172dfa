/** One MT940 field (":61:…" plus its continuation lines) with where it starts. */
export interface Mt940Field {
  readonly tag: string;
  /** The field's lines, without the ":tag:" prefix; continuation lines kept separate. */
  readonly lines: readonly string[];
  /** 1-based line of the tag in the decoded text. */
  readonly line: number;
}

export interface Mt940Fields {
  readonly fields: readonly Mt940Field[];
  /** 1-based lines where control characters were replaced by spaces. */
  readonly cleanedLines: readonly number[];
}

// Tags are 2–3 digits and an optional letter (":60F:", ":940:" header) or Sberbank's ":NS:".
const TAG = /^:(\d{2,3}[A-Z]?|NS):(.*)$/;
// Control bytes (SOH/ETX wrappers of some banks, stray binary) but not tab.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

// "-}", "-", "-XXX" end a message block; a detail line such as "-Paiement" does not.
const END_OF_BLOCK = /^\s*-\}?\s*[A-Z]{0,3}\s*$/;

/**
 * Splits the text into fields. Lines before the first tag (bank headers, SWIFT "{1:…}{2:…}{4:")
 * and after a "-" end-of-block marker are ignored; blank lines never belong to a field.
 */
export function splitFields(text: string): Mt940Fields {
  const fields: { tag: string; lines: string[]; line: number }[] = [];
  const cleanedLines: number[] = [];
  let current: { tag: string; lines: string[]; line: number } | null = null;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const lineNo = index + 1;
    const cleaned = raw.replace(CONTROL, ' ');
    if (cleaned !== raw) cleanedLines.push(lineNo);
    const match = TAG.exec(cleaned);
    if (match) {
      current = { tag: match[1] ?? '', lines: [match[2] ?? ''], line: lineNo };
      fields.push(current);
    } else if (END_OF_BLOCK.test(cleaned) || cleaned.startsWith('{')) {
      current = null;
    } else if (current !== null && cleaned.trim() !== '') {
      current.lines.push(cleaned);
    }
  });
  return { fields, cleanedLines };
}
