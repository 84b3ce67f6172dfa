import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../ledger/dates.ts';
import { inspectCsv, looksLikeCsv, parseCsv } from './csv.ts';
import type { StatementError } from './statement.ts';

// Seeds shaped like real exports (invented data), to mutate.
const SEEDS = [
  [
    'Téléchargement du 06/02/2024;',
    'Compte de Dépôts no 00012345678;',
    'Solde au 06/02/2024 : 1 234,56 EUR',
    '',
    'Date;Libellé;Débit Euros;Crédit Euros;',
    '05/02/2024;"PAIEMENT PAR CARTE',
    'BOULANGERIE ""PARIS""  ";4,20;;',
    '01/02/2024;"VIREMENT";;2 100,00;',
    'Total;;4,20;2 100,00;',
  ].join('\r\n'),
  'Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance\nTOPUP,Current,2024-02-03 10:00:00,2024-02-05 9:00:00,Top,-4.20,0.10,EUR,COMPLETED,95.80\n',
  '05/02/2024;-4,20;Carte;;CB BOULANGERIE;;\n01/02/2024;2100,00;Virement;;VIR SALAIRE;;\n',
  '"Date","Status","Description","Withdrawal","Deposit","RunningBalance"\n"08/17/2022","Posted","Deposit","","$20.00","$878.47"\n',
];
const ERRORS: readonly StatementError[] = ['not_this_format', 'needs_mapping', 'no_operations'];
const NOISE = [
  '"',
  ';',
  ',',
  '\t',
  '|',
  '\n',
  '\r',
  '\r\n',
  ' ',
  '\u00a0',
  '\ufffd',
  '0',
  '9',
  '/',
  '-',
  '.',
  '=',
  'é',
  'a',
];

/** Every call returns a well-formed answer: a known failure, or operations that make sense. */
function check(text: string): void {
  expect(typeof looksLikeCsv(text)).toBe('boolean');
  const layout = inspectCsv(text);
  if (!layout.ok) expect(ERRORS).toContain(layout.code);
  const result = parseCsv(text);
  if (!result.ok) {
    expect(ERRORS).toContain(result.code);
    return;
  }
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const op of result.value.statements.flatMap((s) => s.operations)) {
    expect(isIsoDate(op.date)).toBe(true);
    expect(Number.isSafeInteger(op.amountMinor)).toBe(true);
    expect(op.line).toBeGreaterThanOrEqual(1);
    expect(op.line).toBeLessThanOrEqual(lines);
  }
}

const mutation = fc.record({
  seed: fc.constantFrom(...SEEDS),
  at: fc.nat(),
  cut: fc.nat({ max: 40 }),
  insert: fc.array(fc.constantFrom(...NOISE), { maxLength: 6 }),
});

describe('parseCsv on damaged input', () => {
  it('never throws on truncated, cut or sprinkled files', () => {
    fc.assert(
      fc.property(mutation, ({ seed, at, cut, insert }) => {
        const position = at % (seed.length + 1);
        check(seed.slice(0, position) + insert.join('') + seed.slice(position + cut));
        check(seed.slice(0, position));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...NOISE), maxLength: 200 }), check), {
      numRuns: 400,
    });
    fc.assert(fc.property(fc.string({ maxLength: 120 }), check), { numRuns: 200 });
  });

  it('stays fast on pathological quoting and shapes', () => {
    const inputs = [
      '"'.repeat(100_000),
      '"a"b'.repeat(25_000),
      ';'.repeat(100_000),
      '\n'.repeat(100_000),
      ' '.repeat(100_000) + ':',
      `Date;Libellé;Montant\n01/02/2024;"${'x'.repeat(200_000)}`,
      `Date;Libellé;Montant\n${'13/02/2024;a;-1,00;'.repeat(20_000)}`,
      `Solde : ${'1 '.repeat(20_000)}x\nDate;Libellé;Montant\n13/02/2024;a;-1,00`,
    ];
    for (const input of inputs) {
      const started = performance.now();
      check(input);
      expect(performance.now() - started).toBeLessThan(3_000);
    }
  });
});
