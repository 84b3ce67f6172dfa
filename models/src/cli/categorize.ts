import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCategorizeCommand } from './categorize-command.ts';
import { openShippedEngine } from './categorize-engine.ts';

// npm runs scripts from the package root; INIT_CWD is where the person typed the command.
const base = process.env['INIT_CWD'] ?? process.cwd();

try {
  const output = await runCategorizeCommand(
    process.argv.slice(2),
    (path) => readFileSync(resolve(base, path), 'utf8'),
    () => openShippedEngine(),
  );
  process.stdout.write(output.stdout);
  process.stderr.write(output.stderr);
  process.exitCode = output.exitCode;
} catch (error) {
  // The model files missing or damaged: one line, no stack trace.
  process.stderr.write(`categorize: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
