import { vi } from 'vitest';
import type { Account, Category, Operation } from '@tirelire/shared';
import { canonicalJson } from '@tirelire/shared/protocol';
import { LoopbackSyncTransport } from '../client/src/adapters/loopback/LoopbackSyncTransport.ts';
import type { RxdbLedgerStore } from '../client/src/adapters/rxdb/RxdbLedgerStore.ts';
import { SyncSession } from '../client/src/app/sync/sync-session.ts';
import type {
  ReplicationActivity,
  ReplicationRun,
} from '../client/src/ports/ledger-replication.ts';
import type { DocumentCipher } from '../client/src/ports/sync-keys.ts';
import {
  buildKeyRing,
  generateKeyPairPems,
  parsePrivateKeyPem,
  type KeyRing,
} from '../sync-server/src/auth/keys.ts';
import { issueAccessToken } from '../sync-server/src/auth/tokens.ts';
import { createLogger, silentLogger } from '../sync-server/src/log.ts';
import type { ChangeLog } from '../sync-server/src/ports/change-log.ts';
import { SyncHub } from '../sync-server/src/sync/sync-hub.ts';
import { realTimers } from '../sync-server/src/sync/sync-socket.ts';
import { tokenVerifier } from '../sync-server/src/sync/token-verifier.ts';

const AUDIENCE = { issuer: 'tirelire-test', audience: 'tirelire-sync-test' };
const clock = { now: () => Date.now() };
const clientTimers = {
  after(ms: number, run: () => void) {
    const handle = setTimeout(run, ms);
    return () => clearTimeout(handle);
  },
};

let databaseCounter = 0;

/**
 * A fresh copy of the client's storage code and of RxDB for each device, as each real device
 * runs its own. (RxDB's free edition also counts open collections per copy: 13 at most, and a
 * ledger has 6, so one shared copy could not hold three devices.)
 */
async function loadDeviceCode() {
  vi.resetModules();
  const [{ openRxdbLedgerStore }, { getRxStorageMemory }] = await Promise.all([
    import('../client/src/adapters/rxdb/RxdbLedgerStore.ts'),
    import('rxdb/plugins/storage-memory'),
  ]);
  return { openRxdbLedgerStore, getRxStorageMemory };
}

/** One phone or laptop: its own database, session and replication, and its own network. */
export class Device {
  private activity: ReplicationActivity = { documentsInFlight: 0, lastError: null };

  constructor(
    readonly name: string,
    readonly store: RxdbLedgerStore,
    readonly session: SyncSession,
    readonly run: ReplicationRun,
    readonly network: LoopbackSyncTransport,
    readonly userId: string,
  ) {
    run.onActivity((activity) => (this.activity = activity));
  }

  get isIdle(): boolean {
    return this.session.state.value.state === 'online' && this.activity.documentsInFlight === 0;
  }

  get lastError(): string | null {
    return this.activity.lastError;
  }

  goOffline(): void {
    this.network.goOffline();
  }

  goOnline(): void {
    this.network.goOnline();
    this.session.reconnectNow();
  }

  /** Everything the person would see, as one comparable string. */
  async snapshot(): Promise<string> {
    const byId = <T extends { readonly id: string }>(items: readonly T[]) =>
      [...items].sort((a, b) => (a.id < b.id ? -1 : 1)).map((item) => canonicalJson(item));
    const [accounts, categories, operations] = await Promise.all([
      this.store.listAccounts(),
      this.store.listCategories(),
      this.store.listOperations(),
    ]);
    return JSON.stringify({
      accounts: byId<Account>(accounts),
      categories: byId<Category>(categories),
      operations: byId<Operation>(operations),
    });
  }

  async close(): Promise<void> {
    await this.run.stop();
    this.session.stop();
    await this.store.close();
  }
}

/**
 * A sync server (hub + change log) and the devices joined to it over loopback links. The server
 * can be restarted: every socket drops, and the change log may be reopened from what it stored.
 */
export class SyncWorld {
  private hubs: SyncHub[];
  private readonly devices: Device[] = [];

  private constructor(
    private changeLogs: ChangeLog[],
    private readonly keyRing: KeyRing,
    private readonly reopen: (previous: ChangeLog) => Promise<ChangeLog>,
  ) {
    this.hubs = changeLogs.map((changeLog) => this.newHub(changeLog));
  }

  /**
   * `instances` server processes, each with its own change log opened on the same backend
   * (several only where the backend allows it: Redis), as behind a load balancer.
   */
  static async create(
    openChangeLog: () => Promise<ChangeLog>,
    reopen: (previous: ChangeLog) => Promise<ChangeLog> = (previous) => Promise.resolve(previous),
    options: { readonly instances?: number } = {},
  ): Promise<SyncWorld> {
    const pems = generateKeyPairPems();
    const privateKey = parsePrivateKeyPem(pems.privateKeyPem);
    if (!privateKey.ok) throw new Error(privateKey.message);
    const keyRing = await buildKeyRing(privateKey.value, []);
    const changeLogs: ChangeLog[] = [];
    for (let index = 0; index < (options.instances ?? 1); index += 1) {
      changeLogs.push(await openChangeLog());
    }
    return new SyncWorld(changeLogs, keyRing, reopen);
  }

  /** The first instance's change log (the only one, unless there are several instances). */
  get log(): ChangeLog {
    const first = this.changeLogs[0];
    if (first === undefined) throw new Error('no instance');
    return first;
  }

  get connections(): number {
    return this.hubs.reduce((total, hub) => total + hub.connectionCount, 0);
  }

  async token(userId: string): Promise<string> {
    return (await issueAccessToken(this.keyRing.signing, userId, AUDIENCE)).token;
  }

  /** A device of `userId`, connected to server instance `instance` (round robin by default). */
  async addDevice(
    name: string,
    userId: string,
    cipher: DocumentCipher,
    instance = this.devices.length % this.hubs.length,
  ): Promise<Device> {
    databaseCounter += 1;
    const { openRxdbLedgerStore, getRxStorageMemory } = await loadDeviceCode();
    const store = await openRxdbLedgerStore({
      name: `device-${databaseCounter}-${process.pid}`,
      storage: getRxStorageMemory(),
      multiInstance: false,
    });
    const network = new LoopbackSyncTransport((socket) => {
      const hub = this.hubs[instance];
      if (hub === undefined) throw new Error(`no server instance ${instance}`);
      const connection = hub.open(socket);
      return { receive: (text) => connection.receive(text), closed: () => connection.closed() };
    });
    const session = new SyncSession({
      transport: network,
      accessToken: () => this.token(userId),
      timers: clientTimers,
      now: () => Date.now(),
      // Short, fixed delays: tests reconnect fast and the same way on every run.
      random: () => 0,
    });
    const run = store.replication().start(session, cipher, userId);
    session.start();
    const device = new Device(name, store, session, run, network, userId);
    this.devices.push(device);
    return device;
  }

  /** Restarts every instance: sockets close (`server_shutdown`), change logs are reopened. */
  async restartServer(): Promise<void> {
    for (const hub of this.hubs) hub.shutdown();
    const reopened: ChangeLog[] = [];
    for (const changeLog of this.changeLogs) reopened.push(await this.reopen(changeLog));
    this.changeLogs = reopened;
    this.hubs = reopened.map((changeLog) => this.newHub(changeLog));
  }

  /**
   * Waits until every device is online, idle, and shows the same ledger twice in a row.
   * Rejects with each device's view when that does not happen in time.
   */
  async converge(devices: readonly Device[] = this.devices, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let previous = '';
    for (;;) {
      // Bounded: a replication that never settles must fail the test with the devices' views.
      await Promise.race([
        Promise.all(devices.map((device) => device.run.settled())),
        new Promise((resolve) => setTimeout(resolve, 1_000)),
      ]);
      const snapshots = await Promise.all(devices.map((device) => device.snapshot()));
      const isSame = snapshots.every((snapshot) => snapshot === snapshots[0]);
      const isIdle = devices.every((device) => device.isIdle);
      const current = snapshots[0] ?? '';
      if (isSame && isIdle && current === previous) return current;
      previous = isSame ? current : '';
      if (Date.now() > deadline) {
        // Only what differs between devices: whole ledgers drown the cause.
        const parsed = snapshots.map(
          (snapshot) => JSON.parse(snapshot) as Record<string, string[]>,
        );
        const everything = new Set(parsed.flatMap((view) => Object.values(view).flat()));
        const differing = [...everything].filter(
          (item) => !parsed.every((view) => Object.values(view).flat().includes(item)),
        );
        const states = devices.map(
          (device, index) =>
            `${device.name} (${device.session.state.value.state}, error ${device.lastError}): ${differing
              .filter((item) =>
                Object.values(parsed[index] ?? {})
                  .flat()
                  .includes(item),
              )
              .join('\n  ')}`,
        );
        const server = await this.log
          .pull(devices[0]?.userId ?? '', 'operations', 0, 1000)
          .then((page) =>
            page.documents
              .map((d) => `${d.id}@v${d.version}#${d.seq}${d.deleted ? 'D' : ''}`)
              .join(' '),
          )
          .catch((error: unknown) => String(error));
        states.push(`server: ${server}`);
        throw new Error(`devices did not converge:\n${states.join('\n')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.devices.map((device) => device.close()));
    for (const hub of this.hubs) hub.shutdown();
    for (const changeLog of this.changeLogs) await changeLog.close();
  }

  private newHub(changeLog: ChangeLog): SyncHub {
    return new SyncHub({
      changeLog,
      verifyToken: tokenVerifier(this.keyRing, AUDIENCE, clock),
      clock,
      timers: realTimers,
      log: process.env['SYNC_DEBUG']
        ? createLogger('debug', {
            out: (line) => console.log(`[${Date.now() % 100_000}] ${line}`),
            err: (line) => console.error(line),
          })
        : silentLogger,
    });
  }
}
