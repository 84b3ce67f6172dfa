import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import {
  isChildMessage,
  type ChildMessage,
  type ParentMessage,
  type ServerStats,
  type StartCommand,
} from './ipc.ts';

const REPO = resolve(import.meta.dirname, '../../..');
const ENTRY = resolve(import.meta.dirname, 'server-process.ts');
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * 10,000 sockets need 10,000 descriptors in the server. This machine allows 20,000 already;
 * elsewhere the default soft limit is often 1,024, so the child raises its own limit as far as
 * it may (root: 65,536; others: the hard limit) before it becomes Node.
 */
const RAISE_FD_LIMIT_THEN_EXEC =
  'ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"';

/** Every server started and not yet stopped, so that a failing or interrupted run kills them. */
const running = new Set<ChildProcess>();

/** Kills what is left, synchronously: fit for `process.on('exit')`. */
export function killServers(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** The parent's end of one server process (server-process.ts). */
export class ServerHandle {
  private nextRequestId = 1;
  private readonly waiting = new Map<number, (stats: ServerStats) => void>();

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.on('message', (message: unknown) => {
      if (!isChildMessage(message) || message.type !== 'stats') return;
      this.waiting.get(message.requestId)?.(message.stats);
      this.waiting.delete(message.requestId);
    });
  }

  static async start(command: StartCommand): Promise<ServerHandle> {
    const child = spawn(
      'bash',
      ['-c', RAISE_FD_LIMIT_THEN_EXEC, process.execPath, '--import', 'tsx', ENTRY],
      { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    running.add(child);
    child.once('exit', () => running.delete(child));
    try {
      const ready = await new Promise<Extract<ChildMessage, { type: 'ready' }>>(
        (resolveReady, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`${command.kind} did not start`)),
            START_TIMEOUT_MS,
          );
          child.once('exit', (code) => reject(new Error(`${command.kind} exited (${code})`)));
          child.on('message', (message: unknown) => {
            if (!isChildMessage(message)) return;
            if (message.type === 'failed') reject(new Error(`${command.kind}: ${message.message}`));
            if (message.type !== 'ready') return;
            clearTimeout(timer);
            resolveReady(message);
          });
          send(child, command);
        },
      );
      return new ServerHandle(child, `ws://127.0.0.1:${ready.port}${ready.path}`);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
  }

  stats(): Promise<ServerStats> {
    const requestId = this.nextRequestId++;
    return new Promise((resolveStats, reject) => {
      // A server whose event loop is that far behind is saturated: its figure would be its queue.
      const timer = setTimeout(
        () => reject(new Error('the server did not answer its stats within 10 s (saturated)')),
        10_000,
      );
      this.waiting.set(requestId, (stats) => {
        clearTimeout(timer);
        resolveStats(stats);
      });
      send(this.child, { type: 'stats', requestId });
    });
  }

  /** Asks the server to close its sockets and stores, then kills it if it does not exit. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolveExit) => this.child.once('exit', () => resolveExit()));
    send(this.child, { type: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }
}

function send(child: ChildProcess, message: ParentMessage): void {
  if (child.connected) child.send(message);
}
