import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

/**
 * Private redis-server processes for tests that must restart or cluster Redis, which the
 * machine's shared Redis (redis-test-support.ts) cannot be put through. Each lives in a
 * temporary directory on a free loopback port; `stopAll` kills them and removes the directory.
 */

/** Fails loudly rather than skipping: these tests are the only proof of restart and Cluster. */
export function requireRedisServer(): void {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new Error(
      'redis-server (Redis 7) must be on PATH for this test: install it (apt-get install redis-server)',
    );
  }
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A port free on loopback, with port + 10000 free too: a Cluster node also listens there (its
 * bus). Random in 20000–29999 so parallel runs rarely pick the same one.
 */
export async function freePort(taken: readonly number[] = []): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    if (taken.includes(port)) continue;
    if ((await isPortFree(port)) && (await isPortFree(port + 10_000))) return port;
  }
  throw new Error('no free loopback port found');
}

export class RedisProcesses {
  private readonly running = new Map<number, ChildProcess>();
  private readonly killOnExit = () => {
    for (const child of this.running.values()) child.kill('SIGKILL');
  };

  private constructor(readonly dir: string) {
    // If the test runner dies before stopAll, no redis-server outlives it.
    process.once('exit', this.killOnExit);
  }

  static async create(label: string): Promise<RedisProcesses> {
    requireRedisServer();
    return new RedisProcesses(await mkdtemp(join(tmpdir(), `tirelire-${label}-`)));
  }

  /** Starts redis-server on `port` (data in this directory) and resolves once it answers PING. */
  async start(port: number, extraArgs: readonly string[]): Promise<void> {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', ''];
    const child = spawn('redis-server', [...args, ...extraArgs], { stdio: 'ignore' });
    this.running.set(port, child);
    const failed = new Promise<never>((_, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`redis-server on ${port} exited (${code})`)));
    });
    failed.catch(() => {});
    await Promise.race([waitForPing(port), failed]);
  }

  /** SIGKILL: a crash, with no chance to flush anything the AOF has not already fsync'd. */
  async kill(port: number): Promise<void> {
    const child = this.running.get(port);
    this.running.delete(port);
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map((port) => this.kill(port)));
    process.off('exit', this.killOnExit);
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Runs a command-line tool to completion; rejects with its output when it fails. */
export function runTool(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output}`));
    });
  });
}

async function waitForPing(port: number, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: null });
    probe.on('error', () => {});
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`redis-server on ${port} did not answer`, { cause: error });
      }
    } finally {
      probe.disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Polls every node until it reports the cluster healthy (slots assigned and agreed on). */
export async function waitForClusterOk(ports: readonly number[], timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (const port of ports) {
    const node = new Redis({ port, host: '127.0.0.1' });
    try {
      while (!(await node.cluster('INFO')).includes('cluster_state:ok')) {
        if (Date.now() > deadline) throw new Error(`cluster not ok on ${port} in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      node.disconnect();
    }
  }
}

/** Cluster-mode arguments for a node on `port`, its config file in `dir`. */
export const clusterNodeArgs = (dir: string, port: number): string[] => [
  ...['--cluster-enabled', 'yes', '--cluster-config-file', `${dir}/nodes-${port}.conf`],
  ...['--appendonly', 'no'],
];

/** Starts `count` masters on free loopback ports and joins them into one Cluster; its ports. */
export async function startLocalCluster(servers: RedisProcesses, count = 3): Promise<number[]> {
  const ports: number[] = [];
  for (let index = 0; index < count; index += 1) ports.push(await freePort(ports));
  for (const port of ports) await servers.start(port, clusterNodeArgs(servers.dir, port));
  const nodes = ports.map((port) => `127.0.0.1:${port}`);
  await runTool('redis-cli', [
    '--cluster',
    'create',
    ...nodes,
    '--cluster-replicas',
    '0',
    '--cluster-yes',
  ]);
  await waitForClusterOk(ports);
  return ports;
}
