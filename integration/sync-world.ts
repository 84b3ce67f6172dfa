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
import { silentLogger } from '../sync-server/src/log.ts';
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
  private hub: SyncHub;
  private readonly devices: Device[] = [];

  private constructor(
    private changeLog: ChangeLog,
    private readonly keyRing: KeyRing,
    private readonly reopen: (previous: ChangeLog) => Promise<ChangeLog>,
  ) {
    this.hub = this.newHub();
  }

  static async create(
    openChangeLog: () => Promise<ChangeLog>,
    reopen: (previous: ChangeLog) => Promise<ChangeLog> = (previous) => Promise.resolve(previous),
  ): Promise<SyncWorld> {
    const pems = generateKeyPairPems();
    const privateKey = parsePrivateKeyPem(pems.privateKeyPem);
    if (!privateKey.ok) throw new Error(privateKey.message);
    const keyRing = await buildKeyRing(privateKey.value, []);
    return new SyncWorld(await openChangeLog(), keyRing, reopen);
  }

  get log(): ChangeLog {
    return this.changeLog;
  }

  get connections(): number {
    return this.hub.connectionCount;
  }

  async token(userId: string): Promise<string> {
    return (await issueAccessToken(this.keyRing.signing, userId, AUDIENCE)).token;
  }

  async addDevice(name: string, userId: string, cipher: DocumentCipher): Promise<Device> {
    databaseCounter += 1;
    const { openRxdbLedgerStore, getRxStorageMemory } = await loadDeviceCode();
    const store = await openRxdbLedgerStore({
      name: `device-${databaseCounter}-${process.pid}`,
      storage: getRxStorageMemory(),
      multiInstance: false,
    });
    const network = new LoopbackSyncTransport((socket) => {
      const connection = this.hub.open(socket);
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
    session.listen((event) => {
      if (event.type === 'resync') run.resync();
    });
    session.start();
    const device = new Device(name, store, session, run, network);
    this.devices.push(device);
    return device;
  }

  /** Stops the server: every socket closes (`server_shutdown`), the log is reopened. */
  async restartServer(): Promise<void> {
    this.hub.shutdown();
    this.changeLog = await this.reopen(this.changeLog);
    this.hub = this.newHub();
  }

  /**
   * Waits until every device is online, idle, and shows the same ledger twice in a row.
   * Rejects with each device's view when that does not happen in time.
   */
  async converge(devices: readonly Device[] = this.devices, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let previous = '';
    for (;;) {
      await Promise.all(devices.map((device) => device.run.settled()));
      const snapshots = await Promise.all(devices.map((device) => device.snapshot()));
      const isSame = snapshots.every((snapshot) => snapshot === snapshots[0]);
      const isIdle = devices.every((device) => device.isIdle);
      const current = snapshots[0] ?? '';
      if (isSame && isIdle && current === previous) return current;
      previous = isSame ? current : '';
      if (Date.now() > deadline) {
        const states = devices.map(
          (device, index) =>
            `${device.name} (${device.session.state.value.state}, error ${device.lastError}): ${snapshots[index]}`,
        );
        throw new Error(`devices did not converge:\n${states.join('\n')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.devices.map((device) => device.close()));
    this.hub.shutdown();
    await this.changeLog.close();
  }

  private newHub(): SyncHub {
    return new SyncHub({
      changeLog: this.changeLog,
      verifyToken: tokenVerifier(this.keyRing, AUDIENCE, clock),
      clock,
      timers: realTimers,
      log: silentLogger,
    });
  }
}
