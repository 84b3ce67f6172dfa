import { runKeysCommand } from './keys-command.ts';

// npm runs scripts from the package root; INIT_CWD is where the person typed the command, so the
// keys land where they meant.
const base = process.env['INIT_CWD'] ?? process.cwd();

const output = await runKeysCommand(process.argv.slice(2), base);
process.stdout.write(output.stdout);
process.stderr.write(output.stderr);
process.exitCode = output.exitCode;
