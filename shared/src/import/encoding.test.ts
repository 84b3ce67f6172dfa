import { describe, expect, it } from 'vitest';
import { decodeStatement } from './encoding.ts';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
// "Café 5€" in each encoding, written byte by byte so the test does not depend on an encoder.
const UTF8 = [0x43, 0x61, 0x66, 0xc3, 0xa9, 0x20, 0x35, 0xe2, 0x82, 0xac];
const CP1252 = [0x43, 0x61, 0x66, 0xe9, 0x20, 0x35, 0x80];
const UTF16LE = [0x43, 0, 0x61, 0, 0x66, 0, 0xe9, 0, 0x20, 0, 0x35, 0, 0xac, 0x20];
const UTF16BE = [0, 0x43, 0, 0x61, 0, 0x66, 0, 0xe9, 0, 0x20, 0, 0x35, 0x20, 0xac];

describe('decodeStatement', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeStatement(bytes(...UTF8))).toEqual({ text: 'Café 5€', encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and strips it', () => {
    expect(decodeStatement(bytes(0xef, 0xbb, 0xbf, ...UTF8))).toEqual({
      text: 'Café 5€',
      encoding: 'utf-8',
    });
  });

  it('reads UTF-16 LE and BE by their BOM, without the BOM', () => {
    expect(decodeStatement(bytes(0xff, 0xfe, ...UTF16LE))).toEqual({
      text: 'Café 5€',
      encoding: 'utf-16le',
    });
    expect(decodeStatement(bytes(0xfe, 0xff, ...UTF16BE))).toEqual({
      text: 'Café 5€',
      encoding: 'utf-16be',
    });
  });

  it('falls back to windows-1252 when the bytes are not UTF-8 (€ is 0x80 there, not in latin-1)', () => {
    expect(decodeStatement(bytes(...CP1252))).toEqual({
      text: 'Café 5€',
      encoding: 'windows-1252',
    });
  });

  it('maps the whole cp1252-only range 0x80–0x9F, not as latin-1 control characters', () => {
    expect(decodeStatement(bytes(0x93, 0x99, 0x8c, 0x9f, 0x94, 0x81)).text).toBe('“™ŒŸ”\u0081');
  });

  it('reads single-byte labels as windows-1252', () => {
    for (const declared of ['ISO-8859-1', '8859-1', '1252', 'latin1']) {
      expect(decodeStatement(bytes(...CP1252), declared).text).toBe('Café 5€');
    }
  });

  it('does not believe a lying hint', () => {
    // Declared UTF-8 but written in cp1252: decoding must not fail or produce U+FFFD.
    expect(decodeStatement(bytes(...CP1252), 'UTF-8')).toEqual({
      text: 'Café 5€',
      encoding: 'windows-1252',
    });
    // Declared latin-1 but valid UTF-8: the bytes win.
    expect(decodeStatement(bytes(...UTF8), 'ISO-8859-1')).toEqual({
      text: 'Café 5€',
      encoding: 'utf-8',
    });
  });

  it('keeps plain ASCII as UTF-8 and an empty file as empty text', () => {
    expect(decodeStatement(bytes(0x41, 0x42))).toEqual({ text: 'AB', encoding: 'utf-8' });
    expect(decodeStatement(bytes())).toEqual({ text: '', encoding: 'utf-8' });
  });
});
