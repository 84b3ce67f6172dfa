import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runKeysCommand } from './keys-command.ts';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'tirelire-keys-cli-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('npm run keys', () => {
  it('writes the pair into the current directory and prints paths and kid, not the key', async () => {
    const output = await runKeysCommand([], directory);
    expect(output.exitCode).toBe(0);
    expect(output.stdout).toContain(join(directory, 'private-key.pem'));
    expect(output.stdout).toContain(join(directory, 'public-key.pem'));
    expect(output.stdout).toMatch(/^kid [\w-]{43}$/m);
    expect(output.stdout).not.toContain('BEGIN');
    expect((await stat(join(directory, 'private-key.pem'))).mode & 0o777).toBe(0o600);
  });

  it('resolves a relative directory argument against where the command was typed', async () => {
    const output = await runKeysCommand(['.'], directory);
    expect(output.exitCode).toBe(0);
    expect((await readdir(directory)).sort()).toEqual(['private-key.pem', 'public-key.pem']);
  });

  it('refuses to overwrite an existing key', async () => {
    await writeFile(join(directory, 'private-key.pem'), 'keep me');
    const output = await runKeysCommand([directory], '/');
    expect(output.exitCode).toBe(1);
    expect(output.stderr).toContain('refusing to overwrite');
    expect(await readdir(directory)).toEqual(['private-key.pem']);
  });

  it('reports a directory it cannot write into', async () => {
    const output = await runKeysCommand([join(directory, 'missing')], '/');
    expect(output).toMatchObject({ exitCode: 1, stdout: '' });
    expect(output.stderr).toContain('ENOENT');
  });

  it('prints usage for extra arguments', async () => {
    expect((await runKeysCommand(['a', 'b'], directory)).exitCode).toBe(2);
  });
});
