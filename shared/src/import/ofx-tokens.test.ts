import { describe, expect, it } from 'vitest';
import { decodeEntities, findAll, readOfxTree, type OfxElement } from './ofx-tokens.ts';

/** The tree as nested arrays: [name, value] for a leaf, [name, [...children]] for an aggregate. */
type Shape = [string, string | Shape[]];
function shape(element: OfxElement): Shape {
  return [element.name, element.value ?? element.children.map(shape)];
}
function tree(text: string, aggregates: readonly string[] = []): Shape[] {
  return readOfxTree(text, 0, new Set(aggregates)).root.children.map(shape);
}

describe('readOfxTree: leaves and aggregates', () => {
  it('SGML: unclosed leaves end at the next tag, aggregates close', () => {
    expect(tree('<STMTTRN>\n<TRNAMT>-5.00\n<NAME>Boulangerie\n</STMTTRN>')).toEqual([
      [
        'STMTTRN',
        [
          ['TRNAMT', '-5.00'],
          ['NAME', 'Boulangerie'],
        ],
      ],
    ]);
  });

  it('XML: leaves closed on the same line; their end tags are consumed', () => {
    expect(tree('<A>\n  <B>1</B>\n  <C>two words</C>\n</A>')).toEqual([
      [
        'A',
        [
          ['B', '1'],
          ['C', 'two words'],
        ],
      ],
    ]);
  });

  it('a mix of closed and unclosed leaves in one aggregate', () => {
    expect(tree('<A><B>1</B><C>2<D>3</D></A>')).toEqual([
      [
        'A',
        [
          ['B', '1'],
          ['C', '2'],
          ['D', '3'],
        ],
      ],
    ]);
  });

  it('American Express nesting: each leaf closed only after its following siblings', () => {
    const text = [
      '<STATUS>',
      ' <CODE>0',
      '  <SEVERITY>INFO',
      '   <MESSAGE>LOGIN SUCCESSFUL',
      '   </MESSAGE>',
      '  </SEVERITY>',
      ' </CODE>',
      '</STATUS>',
    ].join('\n');
    expect(tree(text)).toEqual([
      [
        'STATUS',
        [
          ['CODE', '0'],
          ['SEVERITY', 'INFO'],
          ['MESSAGE', 'LOGIN SUCCESSFUL'],
        ],
      ],
    ]);
  });

  it('an empty SGML leaf left unclosed does not swallow its siblings', () => {
    // "<TRNUID>" then a newline: it looks like an aggregate until </STMTTRNRS> passes over it.
    const text =
      '<STMTTRNRS>\n<TRNUID>\n<STATUS>\n<CODE>0\n</STATUS>\n<STMTRS>\n</STMTRS>\n</STMTTRNRS>';
    expect(tree(text)).toEqual([
      [
        'STMTTRNRS',
        [
          ['TRNUID', ''],
          ['STATUS', [['CODE', '0']]],
          ['STMTRS', ''], // closed at once: nothing tells an empty aggregate from an empty leaf
        ],
      ],
    ]);
  });

  it('a known aggregate left unclosed keeps its content', () => {
    const text = '<LIST><STMTTRN><N>1<STMTTRN><N>2</STMTTRN></LIST>';
    expect(tree(text, ['STMTTRN'])).toEqual([
      [
        'LIST',
        [
          [
            'STMTTRN',
            [
              ['N', '1'],
              ['STMTTRN', [['N', '2']]],
            ],
          ],
        ],
      ],
    ]);
    // Without that knowledge, the outer STMTTRN would be read as an empty leaf.
    expect(tree(text)[0]?.[1]).toEqual([
      ['STMTTRN', ''],
      ['N', '1'],
      ['STMTTRN', [['N', '2']]],
    ]);
  });

  it('empty elements: <X></X>, <X/>, and a blank <X> </X>', () => {
    expect(tree('<A><B></B><C/><D> </D></A>')).toEqual([
      [
        'A',
        [
          ['B', ''],
          ['C', ''],
          ['D', ' '],
        ],
      ],
    ]);
  });

  it('stray end tags are dropped; lower-case names are upper-cased', () => {
    expect(tree('<a><b>1</c></x></a>')).toEqual([['A', [['B', '1']]]]);
  });

  it('stays linear on hostile nesting: 50,000 unclosed tags, 50,000 stray end tags', () => {
    const n = 50_000;
    const text = `<R>${'<A>'.repeat(n)}<B>x${'</Z>'.repeat(n)}</R>`;
    const [r] = readOfxTree(text).root.children;
    expect(r?.children).toHaveLength(n + 1);
    expect(r?.children[n]).toMatchObject({ name: 'B', value: 'x' });
  });

  it('reports a text that ends with aggregates still open', () => {
    expect(readOfxTree('<OFX><A><B>1').isComplete).toBe(false);
    expect(readOfxTree('<OFX><A><B>1</A></OFX>').isComplete).toBe(true);
  });
});

describe('readOfxTree: text', () => {
  it('keeps a leaf byte-exact except the line end of an unclosed SGML leaf', () => {
    expect(tree('<A><F>  x  y \t\r\n<G>1</A>')).toEqual([
      [
        'A',
        [
          ['F', '  x  y'],
          ['G', '1'],
        ],
      ],
    ]);
    // Closed on the same line, trailing spaces are content; before a line break they are not.
    expect(tree('<A><F>ab </F><G>cd\n   </G></A>')).toEqual([
      [
        'A',
        [
          ['F', 'ab '],
          ['G', 'cd'],
        ],
      ],
    ]);
  });

  it('CDATA is literal text; comments, <?…?> and <!…> are skipped', () => {
    const text =
      '<?xml version="1.0"?><!DOCTYPE ofx><!-- a <B>comment --><A><N><![CDATA[R&D <x> &amp;]]></A>';
    expect(tree(text)).toEqual([['A', [['N', 'R&D <x> &amp;']]]]);
  });

  it('a "<" that opens no tag is text', () => {
    expect(tree('<A><N>1 < 2<M>x</A>')).toEqual([
      [
        'A',
        [
          ['N', '1 < 2'],
          ['M', 'x'],
        ],
      ],
    ]);
  });

  it('counts lines across CRLF, LF and lone CR', () => {
    const root = readOfxTree('<A>\r\n<B>1\n<C>2\r<D>3\r\n\r\n<E>4</A>').root;
    expect(findAll(root, new Set(['A', 'B', 'C', 'D', 'E'])).map((e) => e.line)).toEqual([
      1, 2, 3, 4, 6,
    ]);
  });

  it('starts where asked but counts lines from the start of the text', () => {
    const text = 'OFXHEADER:100\nDATA:OFXSGML\n\n<OFX>\n<A>1</OFX>';
    const root = readOfxTree(text, text.indexOf('<OFX>')).root;
    expect(root.children.map(shape)).toEqual([['OFX', [['A', '1']]]]);
    expect(findAll(root, new Set(['A']))[0]?.line).toBe(5);
  });

  it('reads everything on one very long line, tabs for indentation', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `\t<T><N>${i}</T>`).join('');
    const root = readOfxTree(`<L>${rows}</L>`).root;
    const found = findAll(root, new Set(['T']));
    expect(found).toHaveLength(2000);
    expect(found[1999]?.children[0]?.value).toBe('1999');
  });
});

describe('decodeEntities', () => {
  it.each([
    ['B.C. HYDRO &amp; POWER', 'B.C. HYDRO & POWER'],
    ['&lt;a&gt; &quot;q&quot; &apos;s&apos;', '<a> "q" \'s\''],
    ['&#233;t&#xE9; &#X20AC;', 'été €'],
    // Double escaping: decoded twice only where the first decoding gives an entity again.
    ['TPAY &amp;lt;DEFTPYMT&amp;gt;', 'TPAY <DEFTPYMT>'],
    ['&amp;amp; &amp;#38;', '& &'],
    ['&lt;b&gt;', '<b>'],
    // Not entities: left as written.
    ['AT&T', 'AT&T'],
    ['Fish & Chips; &nbsp; &#0; &#xD800;', 'Fish & Chips; &nbsp; &#0; &#xD800;'],
    ["TRADER JOE'S", "TRADER JOE'S"],
  ])('%s → %s', (raw, decoded) => {
    expect(decodeEntities(raw)).toBe(decoded);
  });
});
