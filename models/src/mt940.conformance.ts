import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeStatement, parseMt940 } from '@tirelire/shared';
import { describe, expect, it } from 'vitest';

/**
 * The MT940 parser against real bank files (../shared/fixtures/statements/mt940, beside the
 * checkout). Expected values come from MANIFEST.md and expected/mt940/*.yml (WoLpH/mt940).
 */
const DIR = resolve(import.meta.dirname, '../../../shared/fixtures/statements/mt940');

// The statement types are not exported by the package; take them from the parser's result.
type StatementFile = Extract<ReturnType<typeof parseMt940>, { ok: true }>['value'];

function parse(name: string): StatementFile {
  const result = parseMt940(decodeStatement(readFileSync(resolve(DIR, name))).text);
  if (!result.ok) throw new Error(`${name}: ${result.code} ${result.message}`);
  return result.value;
}

const amounts = (file: StatementFile): number[] =>
  file.statements.flatMap((s) => s.operations.map((op) => op.amountMinor));
const balance = (file: StatementFile, kind: string, index = 0): number | undefined =>
  file.statements[index]?.balances.find((b) => b.kind === kind)?.amountMinor;
const codes = (file: StatementFile): string[] => file.warnings.map((w) => w.code);

describe('MT940 conformance', () => {
  it('actual__data.sta: SWIFT wrapper, both structured :86: styles, reconciles', () => {
    const file = parse('actual__data.sta');
    expect(file.statements).toHaveLength(1);
    expect(amounts(file)).toEqual([-4250, 120000, -8999, -1500, -2480, -3100]);
    expect(balance(file, 'opening')).toBe(150000);
    expect(balance(file, 'closing')).toBe(249671);
    expect(file.statements[0]?.account).toEqual({
      id: 'FR7630006000011234567890189',
      currency: 'EUR',
    });
    const ops = file.statements[0]?.operations ?? [];
    expect(ops[0]?.label).toBe("Boulangerie L'Étoile Facture 2025-0042");
    expect(ops[0]?.externalId).toBe('BANKREF001');
    expect(ops[2]?.label).toBe('MÜLLER GMBH Rechnung 4711');
    expect(codes(file)).not.toContain('balance_mismatch');
  });

  it('missing_crlf_at_end: a lone closing balance without final newline', () => {
    const file = parse('mt940__betterplace_missing_crlf_at_end.sta');
    expect(amounts(file)).toEqual([]);
    expect(file.statements[0]?.balances).toEqual([
      { kind: 'closing', date: '2010-03-23', amountMinor: 4257004 },
    ]);
  });

  it('sepa_snippet: 11 lines over 2 statements, debit balances, CR/DR funds code', () => {
    const file = parse('mt940__betterplace_sepa_snippet.sta');
    expect(file.statements).toHaveLength(2);
    expect(amounts(file)).toHaveLength(11);
    expect(amounts(file).slice(0, 4)).toEqual([5099005, 15455193, 15455193, -150000]);
    expect(balance(file, 'opening', 1)).toBe(-197043187);
    expect(balance(file, 'closing', 1)).toBe(-447204909);
    expect(codes(file)).toContain('balance_mismatch');
  });

  it('with_binary_character: CR/DR are credit/debit with funds code R', () => {
    const file = parse('mt940__betterplace_with_binary_character.sta');
    expect(amounts(file)).toEqual([2700, 1306830, -19328205, 112000]);
    expect(balance(file, 'opening', 1)).toBe(13007319);
    expect(balance(file, 'closing', 1)).toBe(13119319);
  });

  it('jejik ing: header lines ignored, 7 lines', () => {
    const file = parse('mt940__jejik_ing.sta');
    expect(amounts(file)).toHaveLength(7);
    expect(amounts(file)[0]).toBe(-2503);
    expect(balance(file, 'opening')).toBe(0);
    expect(balance(file, 'closing')).toBe(347);
    // The anonymised sample's lines sum to -45.59, not 3.47.
    expect(codes(file)).toContain('balance_mismatch');
  });

  it('jejik postfinance: CHF, 2 statements, :60M:/:62M:', () => {
    const file = parse('mt940__jejik_postfinance.sta');
    expect(file.statements).toHaveLength(2);
    expect(amounts(file)).toEqual([7970, 14950, -7990, 1010]);
    expect(balance(file, 'closing', 1)).toBe(15960);
    expect(file.statements[0]?.account.currency).toBe('CHF');
    // The first statement reconciles (229.20); the second is off by 0.20 in the sample itself.
    expect(codes(file).filter((c) => c === 'balance_mismatch')).toHaveLength(1);
  });

  it('jejik rabobank: 4 statements, repeated :86:', () => {
    const file = parse('mt940__jejik_rabobank.sta');
    expect(file.statements).toHaveLength(4);
    expect(amounts(file)).toHaveLength(5);
    const first = file.statements[0]?.operations[0];
    expect([first?.amountMinor, first?.date]).toEqual([-121328, '2011-05-27']);
    expect(balance(file, 'opening', 3)).toBe(419612);
    expect(balance(file, 'closing', 3)).toBe(410182);
  });

  it('jejik triodos: ">" subfields', () => {
    const file = parse('mt940__jejik_triodos.sta');
    expect(amounts(file)).toEqual([-1570, -70000]);
    expect(balance(file, 'opening')).toBe(497509);
    expect(balance(file, 'closing')).toBe(437079);
    expect(codes(file)).toContain('balance_mismatch');
  });

  it('mBank MT942: SOH byte, :34F:/:13D:, no balances', () => {
    const file = parse('mt940__mBank_mt942.sta');
    expect(amounts(file)).toEqual([1, 1, 1]);
    expect(file.statements[0]?.account.currency).toBe('PLN');
    expect(file.statements[0]?.balances).toEqual([]);
    expect(codes(file)).toContain('control_characters');
  });

  it('sberbank: CRLF, HUF, funds code F', () => {
    const file = parse('mt940__sberbank_171011_01234945.sta');
    expect(amounts(file)).toEqual([-240200, -346000, -357500]);
    expect(balance(file, 'opening')).toBe(62731130);
    expect(balance(file, 'closing')).toBe(61787430);
  });

  it('february_30: the line is kept, its value date clamped to Feb 29, with a warning', () => {
    const file = parse('mt940__self-provided_february_30.sta');
    const ops = file.statements[0]?.operations ?? [];
    expect(ops.map((op) => [op.amountMinor, op.valueDate])).toEqual([[-600, '2016-02-29']]);
    expect(balance(file, 'opening')).toBe(120000);
    expect(balance(file, 'closing')).toBe(119400);
    expect(codes(file)).toContain('invalid_date');
    expect(codes(file)).not.toContain('balance_mismatch');
  });

  it('raiffeisen-cmi: single-byte text, no entry dates', () => {
    const file = parse('mt940__self-provided_raiffeisen-cmi.sta');
    expect(amounts(file)).toEqual([
      206663700, -1479000, -305180000, -389277, -78924, -157849, -600000,
    ]);
    expect(balance(file, 'opening')).toBe(2517063710);
    expect(balance(file, 'closing')).toBe(2528168760);
  });

  it('whitespace: continuation lines starting with a space', () => {
    const file = parse('mt940__self-provided_whitespace.sta');
    expect(amounts(file)).toEqual([-23315]);
    expect(balance(file, 'opening')).toBe(1234512);
    expect(balance(file, 'closing')).toBe(1234598);
    expect(codes(file)).toContain('balance_mismatch');
  });
});
