import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type {
  LedgerReplication,
  ReplicationActivity,
  ReplicationRun,
} from '../../ports/ledger-replication.ts';
import type { DataKeyWrapping, DocumentCipher, UnlockedKeyStore } from '../../ports/sync-keys.ts';
import type { SyncSession } from './sync-session.ts';
import type { ConnectionState } from './sync-state.ts';

/**
 * What the person sees of sync (P-STATUS): off until they sign in; then a passphrase to set
 * (first device) or to enter (other devices); then up to date / syncing n / offline / error.
 */
export type SyncStatus =
  | { readonly kind: 'off' }
  | { readonly kind: 'connecting' }
  | { readonly kind: 'needs_passphrase'; readonly hasKey: boolean }
  | { readonly kind: 'up_to_date' }
  | { readonly kind: 'syncing'; readonly documents: number }
  | { readonly kind: 'offline' }
  | { readonly kind: 'error'; readonly reason: string };

export type PassphraseResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: 'wrong_passphrase' | 'too_short' | 'unsupported_record' | 'not_connected';
    };

/** Long enough that PBKDF2's 600,000 iterations are not the only thing between a thief and the data. */
export const MIN_PASSPHRASE_LENGTH = 12;

export interface SyncModelDeps {
  readonly session: SyncSession;
  readonly replication: LedgerReplication;
  readonly wrapping: DataKeyWrapping;
  readonly keyStore: UnlockedKeyStore;
}

/** Ties the connection, the data key and the replication together for the UI. */
export class SyncModel {
  private readonly lock = signal<{ readonly hasKey: boolean } | null>(null);
  private readonly activity = signal<ReplicationActivity>({
    documentsInFlight: 0,
    lastError: null,
  });
  private run: ReplicationRun | null = null;
  private readonly isRunning = signal(false);
  private stopActivity: (() => void) | null = null;
  private userId: string | null = null;
  readonly status: ReadonlySignal<SyncStatus>;

  constructor(private readonly deps: SyncModelDeps) {
    this.status = computed(() =>
      statusOf(
        deps.session.state.value,
        this.lock.value,
        this.activity.value,
        this.isRunning.value,
      ),
    );
  }

  /** Signed in: connect, then start at once if this device already holds the key. */
  async enable(): Promise<void> {
    this.deps.session.start();
    const userId = await this.waitForUser();
    if (userId === null) return;
    this.userId = userId;
    const cipher = await this.deps.keyStore.load(userId);
    if (cipher !== null) return this.startReplication(cipher);
    const record = await this.deps.session.readKey().catch(() => null);
    this.lock.value = { hasKey: record !== null };
  }

  /** First device: make the data key and store it wrapped on the server. */
  async createPassphrase(passphrase: string): Promise<PassphraseResult> {
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) return { ok: false, code: 'too_short' };
    const { cipher, record } = await this.deps.wrapping.create(passphrase);
    const outcome = await this.deps.session.writeKey(0, record).catch(() => null);
    if (outcome === null) return { ok: false, code: 'not_connected' };
    // Another device set one first: this passphrase must be theirs, not a new key.
    if (!outcome.stored) return this.unlock(passphrase);
    await this.keep(cipher);
    return { ok: true };
  }

  /** Another device: unwrap the stored data key with the passphrase. */
  async unlock(passphrase: string): Promise<PassphraseResult> {
    const record = await this.deps.session.readKey().catch(() => undefined);
    if (record === undefined) return { ok: false, code: 'not_connected' };
    if (record === null) return this.createPassphrase(passphrase);
    const unlocked = await this.deps.wrapping.unlock(record, passphrase);
    if (!unlocked.ok) return unlocked;
    await this.keep(unlocked.cipher);
    return { ok: true };
  }

  /** Rewraps the same key: nothing is re-encrypted, other devices keep working (P-KEY-2). */
  async changePassphrase(current: string, next: string): Promise<PassphraseResult> {
    if (next.length < MIN_PASSPHRASE_LENGTH) return { ok: false, code: 'too_short' };
    const record = await this.deps.session.readKey().catch(() => null);
    if (record === null) return { ok: false, code: 'not_connected' };
    const rewrapped = await this.deps.wrapping.rewrap(record, current, next);
    if (!rewrapped.ok) return rewrapped;
    const outcome = await this.deps.session
      .writeKey(record.revision, rewrapped.record)
      .catch(() => null);
    if (outcome === null || !outcome.stored) return { ok: false, code: 'not_connected' };
    return { ok: true };
  }

  /** Resolves once everything known locally is on the server and vice versa. */
  async settled(): Promise<void> {
    await this.run?.settled();
  }

  /** Signed out or account deleted: stop, and forget the key on this device. */
  async disable(): Promise<void> {
    await this.stopReplication();
    this.deps.session.stop();
    this.lock.value = null;
    this.userId = null;
    await this.deps.keyStore.clear();
  }

  private async keep(cipher: DocumentCipher): Promise<void> {
    if (this.userId !== null) await this.deps.keyStore.save(this.userId, cipher);
    this.startReplication(cipher);
  }

  private startReplication(cipher: DocumentCipher): void {
    if (this.run !== null || this.userId === null) return;
    this.lock.value = null;
    this.run = this.deps.replication.start(this.deps.session, cipher, this.userId);
    this.isRunning.value = true;
    this.stopActivity = this.run.onActivity((activity) => (this.activity.value = activity));
  }

  private async stopReplication(): Promise<void> {
    this.stopActivity?.();
    this.stopActivity = null;
    const run = this.run;
    this.run = null;
    this.isRunning.value = false;
    this.activity.value = { documentsInFlight: 0, lastError: null };
    await run?.stop();
  }

  private waitForUser(): Promise<string | null> {
    return new Promise((resolve) => {
      const stop = this.deps.session.state.subscribe((state) => {
        if (state.state === 'online') resolve(state.userId);
        else if (state.state === 'stopped' || state.state === 'idle') resolve(null);
        else return;
        queueMicrotask(() => stop());
      });
    });
  }
}

function statusOf(
  connection: ConnectionState,
  lock: { readonly hasKey: boolean } | null,
  activity: ReplicationActivity,
  isReplicating: boolean,
): SyncStatus {
  switch (connection.state) {
    case 'idle':
      return { kind: 'off' };
    case 'stopped':
      return connection.reason === 'signed_out'
        ? { kind: 'off' }
        : { kind: 'error', reason: connection.reason };
    case 'connecting':
      return { kind: 'connecting' };
    case 'offline':
      return { kind: 'offline' };
    case 'online':
      if (lock !== null) return { kind: 'needs_passphrase', hasKey: lock.hasKey };
      if (!isReplicating) return { kind: 'connecting' };
      if (activity.lastError !== null) return { kind: 'error', reason: activity.lastError };
      if (activity.documentsInFlight > 0)
        return { kind: 'syncing', documents: activity.documentsInFlight };
      return { kind: 'up_to_date' };
  }
}
