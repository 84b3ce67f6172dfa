import { resolve } from 'node:path';
import { writeNewKeyPair } from '../auth/key-files.ts';

export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

const USAGE = 'usage: npm run keys [-- <directory>]   (default: the current directory)\n';

/**
 * `npm run keys`: makes an ES256 pair as the README's openssl commands would. Prints paths and
 * the kid only; the key itself never goes to the terminal, where it would end up in scrollback.
 */
export async function runKeysCommand(
  args: readonly string[],
  baseDirectory: string,
): Promise<CommandOutput> {
  if (args.includes('-h') || args.includes('--help'))
    return { stdout: USAGE, stderr: '', exitCode: 0 };
  if (args.length > 1) return { stdout: '', stderr: USAGE, exitCode: 2 };
  const directory = resolve(baseDirectory, args[0] ?? '.');
  let written: Awaited<ReturnType<typeof writeNewKeyPair>>;
  try {
    written = await writeNewKeyPair(directory);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { stdout: '', stderr: `cannot write keys into ${directory} (${code})\n`, exitCode: 1 };
  }
  if (!written.ok)
    return {
      stdout: '',
      stderr: `${written.message}; refusing to overwrite (move it away first)\n`,
      exitCode: 1,
    };
  const { privateKeyPath, publicKeyPath, kid } = written.value;
  return {
    stdout:
      `wrote ${privateKeyPath} (private, mode 0600: keep it secret and backed up)\n` +
      `wrote ${publicKeyPath} (public)\n` +
      `kid ${kid}\n`,
    stderr: '',
    exitCode: 0,
  };
}
