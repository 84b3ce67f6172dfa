import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArguments, runStatementCommand } from './statement-command.ts';

const QIF = '!Type:Bank\nD05/29/08\nT-1,234.50\nPCB CAFE\n^\nD06/01/08\nT10.00\nPREFUND\n^\n';
const bytesOf = (text: string) => () => new TextEncoder().encode(text);

describe('statement command', () => {
  it('prints the contract JSON and exits 0', () => {
    const out = runStatementCommand(['file.qif'], bytesOf(QIF));
    expect(out.exitCode).toBe(0);
    const json = JSON.parse(out.stdout) as {
      format: string;
      statements: { operations: Record<string, unknown>[]; balances: unknown[] }[];
      warnings: unknown[];
    };
    expect(json.format).toBe('qif');
    expect(json.statements[0]?.operations[0]).toEqual({
      date: '2008-05-29',
      valueDate: null,
      amountMinor: -123450,
      currency: 'EUR',
      label: 'CB CAFE',
      externalId: null,
      line: 2,
    });
    expect(Array.isArray(json.warnings)).toBe(true);
  });

  it('passes --format and --date-order to the parser', () => {
    expect(parseArguments(['f', '--format', 'qif', '--date-order=mdy'])).toEqual({
      file: 'f',
      format: 'qif',
      dateOrder: 'mdy',
    });
    const out = runStatementCommand(['f', '--format', 'mt940'], bytesOf(QIF));
    expect(out.exitCode).toBe(2);
  });

  it.each([
    [[], /give the statement file/],
    [['a', 'b'], /exactly one file/],
    [['a', '--format', 'pdf'], /--format must be one of/],
    [['a', '--date-order', 'dym'], /--date-order must be one of/],
    [['a', '--verbose'], /unknown option/],
  ])('refuses %j with a one-line message and the usage', (argv, message) => {
    const out = runStatementCommand(argv, bytesOf(QIF));
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stdout).toBe('');
  });

  it('refuses what is not a statement in one line, without a stack trace', () => {
    const out = runStatementCommand(['notes.txt'], bytesOf('{"hello": "world"}'));
    expect(out).toMatchObject({ exitCode: 2, stdout: '' });
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    const missing = runStatementCommand(['nope.ofx'], () => {
      throw Object.assign(new Error('x'), { code: 'ENOENT' });
    });
    expect(missing.stderr).toBe('nope.ofx: no such file\n');
  });

  it('runs as `npm run -s statement` from any directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'statement-'));
    writeFileSync(join(dir, 'march.qif'), QIF);
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    const root = resolve(import.meta.dirname, '../../..');
    const run = (file: string) =>
      spawnSync('npm', ['run', '--prefix', root, '-s', 'statement', '--', file], {
        cwd: dir,
        encoding: 'utf8',
      });
    const good = run('march.qif');
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ format: 'qif' });
    const bad = run('notes.txt');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
  }, 30_000);
});
