/**
 * A tolerant reader for OFX bodies, SGML (1.x) and XML (2.x) alike, into a plain element tree.
 *
 * OFX 1.x is SGML whose DTD lets leaf elements go unclosed ("<TRNAMT>-5.00" then a newline),
 * while aggregates are always closed; 2.x is XML. Real files mix both, and worse. The rules,
 * applied in one left-to-right pass with no backtracking:
 * - An element whose start tag is followed by text (anything but whitespace) is a leaf: it ends
 *   at the next tag, whatever that tag is. Its own end tag, when it follows at once
 *   ("<NAME>x</NAME>"), is consumed.
 * - An element whose start tag is followed only by whitespace and then a tag is an aggregate
 *   candidate, left open.
 * - An end tag closes the nearest open element of that name. Elements it passes over were never
 *   closed, so they were empty SGML leaves ("<TRNUID>" then a newline): each becomes an empty
 *   leaf and what was read inside it moves up to its parent, after it. Names the caller knows
 *   to be aggregates (STMTTRN…) are the exception: one of those left unclosed keeps what it
 *   holds, as a truncated aggregate.
 * - An end tag that matches no open element is dropped. American Express closes each leaf only
 *   after its following siblings ("<CODE>0 <SEVERITY>INFO </SEVERITY></CODE>"); those leaves
 *   were already ended by the next tag, so their late end tags are noise.
 * - "<X/>" is an empty leaf; comments, "<?…?>" and "<!…>" declarations are skipped; CDATA is
 *   literal text.
 */

export interface OfxElement {
  /** Upper-cased tag name ("STMTTRN", "INTU.BID"). */
  readonly name: string;
  /** 1-based line of the start tag in the whole text (CRLF, LF and lone CR each end a line). */
  readonly line: number;
  /** The text of a leaf, entities decoded; null for an aggregate. */
  value: string | null;
  readonly children: OfxElement[];
}

export interface OfxTree {
  /** A synthetic root holding the top-level elements (normally one <OFX>). */
  readonly root: OfxElement;
  /** False when the text ended with aggregates still open (a truncated download). */
  readonly isComplete: boolean;
}

const SLASH = 0x2f;

/**
 * Builds the tree from `start` (the position of "<OFX"); lines still count from the text's
 * start. `aggregates` names elements that are never leaves (see the rules above).
 */
export function readOfxTree(
  text: string,
  start = 0,
  aggregates: ReadonlySet<string> = new Set(),
): OfxTree {
  const root: OfxElement = { name: '', line: 1, value: null, children: [] };
  const open = new OpenElements(root);
  const lines = lineCounter(text);
  const bounds = tagBounds(text);
  // Tag names as written → upper-cased, so that each distinct name is upper-cased once.
  const names = new Map<string, string>();
  // The element whose start tag came last and which has no child yet: leaf or aggregate is
  // decided by what follows it. Its raw text is `pendingText` (set only when a comment or
  // CDATA interrupted it) followed by the text from `pendingFrom` on, sliced only when needed.
  let pending: OfxElement | null = null;
  let pendingText = '';
  let pendingFrom = 0;
  let pos = start;

  /** Ends the pending element at a tag starting at `at`; returns the leaf it became, if any. */
  const settle = (at: number, closingName: string | null): OfxElement | null => {
    const element = pending;
    pending = null;
    if (element === null) return null;
    const isOwnEndTag = closingName === element.name;
    const raw = pendingText + text.slice(pendingFrom, at);
    if (!isOwnEndTag && (aggregates.has(element.name) || raw.trim() === '')) {
      return null; // an aggregate: stays open
    }
    element.value = decodeEntities(trimLeafEnd(raw, isOwnEndTag));
    open.pop();
    return element;
  };
  /** Moves the pending text read so far into `pendingText`, before an interruption at `at`. */
  const interrupt = (at: number, literal: string, resume: number): void => {
    if (pending !== null) {
      pendingText += text.slice(pendingFrom, at) + literal;
      pendingFrom = resume;
    }
  };

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      pos = skipPast(text, '-->', lt + 4);
      interrupt(lt, '', pos);
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      pos = end < 0 ? text.length : end + 3;
      // "&" is written as a character reference so that decoding gives the CDATA back verbatim.
      const content = text.slice(lt + 9, end < 0 ? text.length : end);
      interrupt(lt, content.replaceAll('&', '&#38;'), pos);
      continue;
    }
    const next = text.charCodeAt(lt + 1);
    if (next === 0x3f || next === 0x21) {
      // "<?xml …?>", "<?OFX …?>", "<!DOCTYPE …>": nothing for us.
      pos = skipPast(text, '>', lt + 2);
      interrupt(lt, '', pos);
      continue;
    }
    const isClosing = next === SLASH;
    const nameStart = isClosing ? lt + 2 : lt + 1;
    const nameEnd = scanName(text, nameStart);
    const gt = nameEnd > nameStart ? bounds.tagEnd(nameEnd) : -1;
    if (gt < 0) {
      pos = lt + 1; // A "<" that opens no tag ("A < B", a cut-off tag): it is text.
      continue;
    }
    const written = text.slice(nameStart, nameEnd);
    let name = names.get(written);
    if (name === undefined) {
      name = written.toUpperCase();
      names.set(written, name);
    }
    pos = gt + 1;

    if (isClosing) {
      // A leaf's own end tag ("<NAME>x</NAME>") is consumed with it; any other closes an aggregate.
      if (settle(lt, name)?.name !== name) open.close(name, aggregates);
      continue;
    }
    settle(lt, null);
    const element: OfxElement = { name, line: lines.at(lt), value: null, children: [] };
    open.innermost.children.push(element);
    if (text.charCodeAt(gt - 1) === SLASH) {
      element.value = ''; // "<BALAMT/>"
      continue;
    }
    open.push(element);
    pending = element;
    pendingText = '';
    pendingFrom = pos;
  }
  settle(text.length, null);
  return { root, isComplete: open.depth === 0 };
}

/**
 * The open elements, innermost last, with a count per name so that a stray end tag costs no
 * search: a hostile file cannot make the reader quadratic.
 */
class OpenElements {
  private readonly stack: OfxElement[] = [];
  private readonly counts = new Map<string, number>();

  constructor(private readonly root: OfxElement) {}

  /** How many elements are open, the root not counted. */
  get depth(): number {
    return this.stack.length;
  }

  get innermost(): OfxElement {
    return this.stack[this.stack.length - 1] ?? this.root;
  }

  push(element: OfxElement): void {
    this.stack.push(element);
    this.counts.set(element.name, (this.counts.get(element.name) ?? 0) + 1);
  }

  pop(): void {
    const element = this.stack.pop();
    if (element) this.counts.set(element.name, (this.counts.get(element.name) ?? 1) - 1);
  }

  /**
   * Closes the nearest open element named `name`. Open elements above it were never closed,
   * so they were empty SGML leaves: each becomes an empty leaf and its children move up, after
   * it, unless it is a known aggregate. Done bottom-up so that each child moves once, however
   * long the chain. A name that is not open at all is a stray end tag: dropped.
   */
  close(name: string, aggregates: ReadonlySet<string>): void {
    if ((this.counts.get(name) ?? 0) === 0) return;
    let index = this.stack.length - 1;
    while (index >= 0 && this.stack[index]?.name !== name) index -= 1;
    let target = this.stack[index];
    for (let i = index + 1; i < this.stack.length && target; i += 1) {
      const unclosed = this.stack[i];
      if (unclosed === undefined) break;
      if (aggregates.has(unclosed.name)) {
        target = unclosed;
        continue;
      }
      // `unclosed` is the last child of its parent, or was moved last into `target`.
      unclosed.value = '';
      for (const child of unclosed.children) target.children.push(child);
      unclosed.children.length = 0;
    }
    while (this.stack.length > index) this.pop();
  }
}

/** Tag names: a letter, then letters, digits and ". _ - :" ("INTU.BID", "AMEX.UNIVID"). */
function scanName(text: string, from: number): number {
  let end = from;
  for (; end < text.length; end += 1) {
    const c = text.charCodeAt(end);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) continue;
    const isOther =
      c === 0x2e || c === 0x5f || c === 0x2d || c === 0x3a || (c >= 0x30 && c <= 0x39);
    if (end === from || !isOther) break;
  }
  return end;
}

/**
 * Where a tag that starts before `from` ends: the next ">", or -1 when a "<" (or the end of the
 * text) comes first. The next "<" and ">" are remembered, positions only grow: one pass in all.
 */
function tagBounds(text: string): { tagEnd(from: number): number } {
  let nextLt = -2;
  let nextGt = -2;
  return {
    tagEnd(from: number): number {
      if (nextGt !== -1 && nextGt < from) nextGt = text.indexOf('>', from);
      if (nextLt !== -1 && nextLt < from) nextLt = text.indexOf('<', from);
      return nextGt < 0 || (nextLt >= 0 && nextLt < nextGt) ? -1 : nextGt;
    },
  };
}

function skipPast(text: string, marker: string, from: number): number {
  const end = text.indexOf(marker, from);
  return end < 0 ? text.length : end + marker.length;
}

/**
 * What a leaf's text keeps at its end. An unclosed SGML leaf runs to the next tag, so the line
 * end and indentation before that tag are not content: they go. A leaf closed by its own end
 * tag keeps trailing spaces written on the same line ("<FITID>AB </FITID>"), but not a line
 * break before the end tag ("LOGIN SUCCESSFUL\n      </MESSAGE>"). Leading text is never
 * touched: FITIDs must stay byte-exact.
 */
function trimLeafEnd(raw: string, isOwnEndTag: boolean): string {
  const trimmed = raw.trimEnd();
  if (!isOwnEndTag || trimmed.length === raw.length) return trimmed;
  const tail = raw.slice(trimmed.length);
  return tail.includes('\n') || tail.includes('\r') ? trimmed : raw;
}

// "&amp;" may wrap a second entity: "&amp;lt;" is a "<" escaped twice.
const ENTITY = /&(amp;)?(#\d{1,7}|#[xX][\dA-Fa-f]{1,6}|amp|lt|gt|quot|apos);/g;
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/**
 * Decodes the XML/SGML entities, and a second level only where the first decoding produced an
 * entity again: "&amp;lt;" gives "<" (banks that HTML-escape their text and then escape it again
 * for OFX, e.g. "TPAY &amp;lt;DEFTPYMT&amp;gt;"), while "&lt;" alone gives "<" and "AT&amp;T"
 * gives "AT&T". So at most two decodings, and the second only on "&amp;" directly followed by an
 * entity name and ";": a bank label that truly means the characters "&lt;" is far rarer than a
 * double escape. A lone "&" ("AT&T" in SGML) and unknown entities stay as written.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole: string, _twice: string | undefined, entity: string) => {
    if (entity.charCodeAt(0) !== 0x23) return NAMED[entity] ?? whole;
    const isHex = entity.charCodeAt(1) === 0x78 || entity.charCodeAt(1) === 0x58;
    const code = Number.parseInt(entity.slice(isHex ? 2 : 1), isHex ? 16 : 10);
    const isValid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return isValid ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Line numbers for increasing positions, counted incrementally with indexOf: the whole file
 * costs one pass. "\r\n" is one line end, as are a lone "\n" and a lone "\r".
 */
function lineCounter(text: string): { at(position: number): number } {
  let line = 1;
  let nextLf = text.indexOf('\n');
  let nextCr = text.indexOf('\r');
  return {
    at(position: number): number {
      for (; nextLf >= 0 && nextLf < position; nextLf = text.indexOf('\n', nextLf + 1)) line += 1;
      for (; nextCr >= 0 && nextCr < position; nextCr = text.indexOf('\r', nextCr + 1)) {
        if (text.charCodeAt(nextCr + 1) !== 0x0a) line += 1;
      }
      return line;
    },
  };
}

/** The first direct child named `name`. */
export function childOf(element: OfxElement, name: string): OfxElement | undefined {
  return element.children.find((child) => child.name === name);
}

/** The value of the first direct leaf child named `name`, or undefined when there is none. */
export function leafOf(element: OfxElement | undefined, name: string): string | undefined {
  if (element === undefined) return undefined;
  for (const child of element.children) {
    if (child.name === name && child.value !== null) return child.value;
  }
  return undefined;
}

/**
 * Every element named in `names` below `from`, in document order, nested ones included (a
 * STMTTRN left unclosed holds the next one). Iterative: a hostile file may nest unclosed
 * elements thousands deep.
 */
export function findAll(from: OfxElement, names: ReadonlySet<string>): OfxElement[] {
  const found: OfxElement[] = [];
  const todo: OfxElement[] = [...from.children].reverse();
  for (let element = todo.pop(); element !== undefined; element = todo.pop()) {
    if (names.has(element.name)) found.push(element);
    for (let i = element.children.length - 1; i >= 0; i -= 1) {
      const child = element.children[i];
      if (child !== undefined) todo.push(child);
    }
  }
  return found;
}
