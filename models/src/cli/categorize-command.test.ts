import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCategorizeCommand, type CategorizeEngine } from './categorize-command.ts';
import { openShippedEngine } from './categorize-engine.ts';

const PREDICT = [
  'date,amount,label',
  '2026-02-02,-54.20,CB CARREFOUR MARKET 01/02 PARIS',
  '2026-02-03,-19.99,PRLV SEPA FREE MOBILE',
  '2026-02-05,2150.00,VIR SALAIRE ACME',
].join('\n');

// A person whose bakery is "eating out" for them, against the model's "groceries", and who made
// a category of their own for the vet.
const REPLAY = [
  'date,amount,label,category',
  ...Array.from({ length: 60 }, (_, i) => {
    const day = String((i % 28) + 1).padStart(2, '0');
    return i % 3 === 0
      ? `2026-03-${day},-4.20,CB BOULANGERIE DUPAIN ${day}/03,eating_out`
      : i % 3 === 1
        ? `2026-03-${day},-60.00,CB CLINIQUE VETO DES LILAS,pets`
        : `2026-03-${day},-19.99,PRLV SEPA FREE MOBILE,utilities_telecom`;
  }),
].join('\n');

let engine: CategorizeEngine;
beforeAll(async () => {
  engine = await openShippedEngine();
}, 60_000);

const run = (argv: string[], text: string) =>
  runCategorizeCommand(
    argv,
    () => text,
    () => Promise.resolve(engine),
  );

describe('categorize predict', () => {
  it('prints one JSON object per row, in order, with the top 3 and the source', async () => {
    const out = await run(['predict', 'ops.csv'], PREDICT);
    expect(out.exitCode).toBe(0);
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(Object.keys(lines[0]!)).toEqual(['label', 'predictions', 'source']);
    expect(lines.map((line) => line['label'])).toEqual([
      'CB CARREFOUR MARKET 01/02 PARIS',
      'PRLV SEPA FREE MOBILE',
      'VIR SALAIRE ACME',
    ]);
    for (const line of lines) {
      const predictions = line['predictions'] as { category: string; p: number }[];
      expect(predictions).toHaveLength(3);
      expect(predictions[0]!.p).toBeGreaterThanOrEqual(predictions[1]!.p);
      expect(line['source']).toBe('model');
    }
    expect((lines[1]!['predictions'] as { category: string }[])[0]!.category).toBe(
      'utilities_telecom',
    );
  });

  it('refuses a bad file in one line', async () => {
    expect((await run(['predict', 'x.csv'], 'date,label\n')).stderr).toMatch(/no "amount" column/);
    expect((await run(['predict', 'x.csv'], 'date,amount,label\n2026-13-01,1,a\n')).stderr).toMatch(
      /line 2/,
    );
    expect((await run(['guess', 'x.csv'], PREDICT)).exitCode).toBe(2);
  });
});

describe('categorize replay', () => {
  it('learns from each answer: memory after one confirmation, even a category the model lacks', async () => {
    const out = await run(['replay', 'ops.csv'], REPLAY);
    expect(out.exitCode).toBe(0);
    const result = JSON.parse(out.stdout) as {
      operations: number;
      accuracy: number;
      corrections: number;
      curve: number[];
    };
    expect(result.operations).toBe(60);
    // Wrong at most once per merchant (3 merchants), then memory answers.
    expect(result.corrections).toBeLessThanOrEqual(3);
    expect(result.accuracy).toBeCloseTo(1 - result.corrections / 60, 4);
    expect(result.curve).toHaveLength(2);
  });
});

describe('npm run -s categorize', () => {
  it('runs as a real process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'categorize-'));
    writeFileSync(join(dir, 'ops.csv'), PREDICT);
    const root = resolve(import.meta.dirname, '../../..');
    const result = spawnSync(
      'npm',
      ['run', '--prefix', root, '-s', 'categorize', '--', 'predict', 'ops.csv'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(3);
  }, 60_000);
});
