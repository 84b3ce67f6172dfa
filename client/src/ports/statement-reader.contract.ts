import { afterEach, describe, expect, it } from 'vitest';
import { MAX_STATEMENT_BYTES } from '@tirelire/shared';
import type { StatementReader } from './statement-reader.ts';

/** Opens a reader; each test closes the ones it opened. */
export type OpenStatementReader = () => StatementReader;

const encoder = new TextEncoder();
const QIF =
  '!Type:Bank\nD03/02/2024\nT-42,50\nPCB CAFÉ DE LA GARE\n^\nD04/02/2024\nT1 200,00\nPVIR SALAIRE\n^\n';
const MT940 = [
  ':20:STMT1',
  ':25:FR7630006000011234567890189',
  ':28C:1/1',
  ':60F:C240301EUR100,00',
  ':61:2403020302D12,50NTRFREF1//B1',
  ':86:CB BOULANGERIE',
  ':62F:C240302EUR87,50',
  '',
].join('\n');
// "Café" in windows-1252: é is the single byte 0xE9, which is not valid UTF-8.
const CP1252_QIF = new Uint8Array([
  ...encoder.encode('!Type:Bank\nD03/02/2024\nT-1.00\nPCaf'),
  0xe9,
  ...encoder.encode('\n^\n'),
]);

/** The behaviour every StatementReader adapter must have (see statement-reader.ts). */
export function describeStatementReaderContract(adapter: string, open: OpenStatementReader): void {
  describe(`StatementReader contract: ${adapter}`, () => {
    const opened: StatementReader[] = [];
    const reader = () => {
      const r = open();
      opened.push(r);
      return r;
    };
    afterEach(() => {
      for (const r of opened.splice(0)) r.close();
    });

    it('reads a file the way the shared parsers do, detecting its format', async () => {
      const result = await reader().read(encoder.encode(QIF), {});
      if (!result.ok) throw new Error(result.message);
      expect(result.value.file.format).toBe('qif');
      expect(result.value.encoding).toBe('utf-8');
      const ops = result.value.file.statements[0]?.operations ?? [];
      expect(ops.map((op) => [op.date, op.amountMinor, op.label])).toEqual([
        ['2024-02-03', -4250, 'CB CAFÉ DE LA GARE'],
        ['2024-02-04', 120000, 'VIR SALAIRE'],
      ]);
    });

    it('honours a forced format and a forced encoding', async () => {
      const r = reader();
      const asMt940 = await r.read(encoder.encode(MT940), { format: 'mt940' });
      expect(asMt940.ok && asMt940.value.file.statements[0]?.account.id).toBe(
        'FR7630006000011234567890189',
      );
      const guessed = await r.read(CP1252_QIF, {});
      expect(guessed.ok && guessed.value.encoding).toBe('windows-1252');
      expect(guessed.ok && guessed.value.file.statements[0]?.operations[0]?.label).toBe('Café');
      const forced = await r.read(CP1252_QIF, { encoding: 'utf-8' });
      expect(forced.ok && forced.value.file.statements[0]?.operations[0]?.label).toBe('Caf\ufffd');
    });

    it('leaves the caller’s bytes intact', async () => {
      const bytes = encoder.encode(QIF);
      const copy = bytes.slice();
      await reader().read(bytes, {});
      expect(bytes.byteLength).toBe(copy.byteLength);
      expect(bytes).toEqual(copy);
    });

    it('answers bad input with a reason, never by throwing', async () => {
      const r = reader();
      const garbage = await r.read(new Uint8Array([0, 1, 2, 3, 255, 254, 10, 13]), {});
      expect(garbage.ok).toBe(false);
      const empty = await r.read(new Uint8Array(), {});
      expect(empty.ok ? null : empty.code).toBe('no_operations');
      const badOptions = await r.read(encoder.encode(QIF), {
        format: 'pdf' as never,
      });
      expect(badOptions.ok ? null : badOptions.code).toBe('invalid_request');
      const huge = await r.read(new Uint8Array(MAX_STATEMENT_BYTES + 1), {});
      expect(huge.ok ? null : huge.code).toBe('too_large');
    });

    it('serves overlapping calls', async () => {
      const r = reader();
      const results = await Promise.all([
        r.read(encoder.encode(QIF), {}),
        r.read(encoder.encode(MT940), {}),
        r.read(encoder.encode(QIF), {}),
      ]);
      expect(results.map((x) => x.ok && x.value.file.format)).toEqual(['qif', 'mt940', 'qif']);
    });
  });
}
