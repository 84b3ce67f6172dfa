import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fail, ok, type Result } from '../util/result.ts';

/**
 * The XML layer of the CAMT reader: well-formedness, the root's namespace, and small accessors
 * over the plain objects fast-xml-parser builds. Everything here is total: a missing element is
 * `null` or `[]`, never an exception, because bank files are often incomplete.
 */

// Elements that may repeat in camt.052/053/054 and that we iterate over. `children()` copes with
// a lone element too, but listing them keeps the parsed shape predictable.
const REPEATED: ReadonlySet<string> = new Set([
  'Stmt',
  'Rpt',
  'Ntfctn',
  'Bal',
  'Ntry',
  'NtryDtls',
  'TxDtls',
  'RmtInf',
  'Ustrd',
  'AddtlTxInf',
]);

// Subtrees we never read. Stopping there keeps them as raw text instead of building objects for
// them: agents, addresses, codes and structured remittance make up most of a real entry's bytes,
// and skipping them cuts parse time by about a third on large statements.
const SKIPPED_SUBTREES = [
  'GrpHdr',
  'Ownr',
  'TxsSummry',
  'BkTxCd',
  'Btch',
  'RltdAgts',
  'PstlAdr',
  'DbtrAcct',
  'CdtrAcct',
  'UltmtDbtr',
  'UltmtCdtr',
  'InitgPty',
  'Purp',
  'Strd',
  'RltdDts',
  'RltdPric',
  'RltdQties',
  'Chrgs',
  'Intrst',
  'Tax',
  'RtrInf',
  'CorpActn',
  'SfkpgAcct',
  'CardTx',
].map((name) => `..${name}`);

const parser = new XMLParser({
  removeNSPrefix: true,
  // Amounts and ids stay exact strings: "0035" or "8.850" must not become numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // fast-xml-parser v5 decodes numeric character references (&#228;) only in this mode. The
  // HTML names it also knows (&nbsp;) are not XML, so decoding them costs nothing on valid files.
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  jPath: false,
  stopNodes: SKIPPED_SUBTREES,
  isArray: (name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) =>
    !isAttribute && REPEATED.has(name),
});

export interface XmlRoot {
  /** The root element's local name ("Document"). */
  readonly name: string;
  /** Its namespace URI, or null when it declares none. */
  readonly namespace: string | null;
}

// Comments, processing instructions and the DOCTYPE may precede the root element: skip them, so a
// tag quoted in a leading comment is not taken for the root. Only run on text the validator
// accepted, where every comment and instruction is closed (which keeps the scan linear).
const PROLOGUE_OR_TAG =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^[>]*(?:\[[^\]]*\])?[^>]*>|<([^\s>/!?]+)([^>]*)>/gi;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The root element and its namespace, read from the text (the parser drops xmlns attributes). */
function findRoot(text: string): XmlRoot | null {
  PROLOGUE_OR_TAG.lastIndex = 0;
  for (let match = PROLOGUE_OR_TAG.exec(text); match; match = PROLOGUE_OR_TAG.exec(text)) {
    const qualified = match[1];
    if (qualified === undefined) continue;
    const colon = qualified.indexOf(':');
    const prefix = colon >= 0 ? qualified.slice(0, colon) : null;
    const wanted = prefix === null ? 'xmlns' : `xmlns:${prefix}`;
    let namespace: string | null = null;
    for (const attribute of (match[2] ?? '').matchAll(ATTRIBUTE)) {
      if (attribute[1] === wanted) namespace = (attribute[2] ?? attribute[3] ?? '').trim();
    }
    return { name: qualified.slice(colon + 1), namespace };
  }
  return null;
}

export interface XmlDocument {
  readonly root: XmlRoot | null;
  /** The parsed tree, namespace prefixes removed: `tree.Document.BkToCstmrStmt.Stmt[0]…`. */
  readonly tree: Readonly<Record<string, unknown>>;
}

/** Checks well-formedness, then parses. A truncated or mangled file is refused, not half read. */
export function parseXml(text: string): Result<XmlDocument, 'malformed'> {
  // The validator refuses whitespace before "<?xml"; banks do write it, so skip it and shift the
  // reported line accordingly.
  const start = text.search(/\S|$/);
  const body = text.slice(start);
  const skippedLines = text.slice(0, start).split(/\r\n|\r|\n/).length - 1;
  try {
    const validation = XMLValidator.validate(body);
    if (validation !== true) {
      const { line, col, msg } = validation.err;
      return fail(
        'malformed',
        `Malformed XML at line ${line + skippedLines}, column ${col}: ${msg}`,
      );
    }
    const parsed: unknown = parser.parse(body);
    if (!isRecord(parsed)) return fail('malformed', 'The XML document is empty');
    return ok({ root: findRoot(body), tree: parsed });
  } catch (error) {
    // fast-xml-parser throws on what its validator lets through (nesting limits, reserved names).
    const reason = error instanceof Error ? error.message : String(error);
    return fail('malformed', `Unreadable XML: ${reason}`);
  }
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(node: unknown, name: string): unknown {
  return isRecord(node) && Object.hasOwn(node, name) ? node[name] : undefined;
}

/** The first child element of that name, or undefined. */
export function child(node: unknown, name: string): unknown {
  const value = own(node, name);
  return Array.isArray(value) ? (value[0] as unknown) : value;
}

/** Every child element of that name, in document order. */
export function children(node: unknown, name: string): readonly unknown[] {
  const value = own(node, name);
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as unknown[]) : [value];
}

/** Follows a path of first children: `at(ntry, 'BookgDt', 'Dt')`. */
export function at(node: unknown, ...path: readonly string[]): unknown {
  let current = node;
  for (const name of path) current = child(current, name);
  return current;
}

/** The element's text content, trimmed; null when absent or empty. */
export function text(node: unknown): string | null {
  const value = typeof node === 'string' ? node : own(node, '#text');
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Text at the end of a path of first children. */
export function textAt(node: unknown, ...path: readonly string[]): string | null {
  return text(at(node, ...path));
}

/** An attribute of the element (`attribute(amt, 'Ccy')`), trimmed; null when absent. */
export function attribute(node: unknown, name: string): string | null {
  const value = own(node, `@_${name}`);
  return typeof value === 'string' ? value.trim() : null;
}

// A start tag of Ntry with or without a prefix; the lookahead keeps NtryDtls and NtryRef out.
const ENTRY_TAG = /<(?:[A-Za-z_][\w.-]*:)?Ntry(?=[\s/>])/g;

/**
 * The 1-based line of every <Ntry> start tag, in document order. The parser gives no positions,
 * and entries appear in the same order in the parsed tree, so the n-th entry read is the n-th
 * tag found here. One pass over the text, counting CRLF, CR and LF as one line break each.
 */
export function entryLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let scanned = 0;
  ENTRY_TAG.lastIndex = 0;
  for (let match = ENTRY_TAG.exec(text); match; match = ENTRY_TAG.exec(text)) {
    for (let i = scanned; i < match.index; i += 1) {
      const code = text.charCodeAt(i);
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) line += 1;
    }
    scanned = match.index;
    lines.push(line);
  }
  return lines;
}
