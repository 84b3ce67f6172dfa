import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_STATEMENT_BYTES } from '@tirelire/shared';
import { runStatementCommand } from './statement-command.ts';

// npm runs scripts from the package root; INIT_CWD is where the person typed the command, so a
// relative path means what they meant.
const base = process.env['INIT_CWD'] ?? process.cwd();

const output = runStatementCommand(process.argv.slice(2), (path) => {
  const full = resolve(base, path);
  if (statSync(full).size > MAX_STATEMENT_BYTES)
    throw Object.assign(new Error('too large'), {
      code: `larger than ${MAX_STATEMENT_BYTES} bytes`,
    });
  return readFileSync(full);
});
process.stdout.write(output.stdout);
process.stderr.write(output.stderr);
process.exitCode = output.exitCode;
