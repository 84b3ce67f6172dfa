import type {
  LedgerReplication,
  ReplicationActivity,
  ReplicationRun,
} from '../../ports/ledger-replication.ts';
import type { DocumentCipher } from '../../ports/sync-keys.ts';
import type { SyncRemote } from '../../ports/sync-remote.ts';

/**
 * A replication usable before the database has opened (it opens after the first paint): the
 * run starts as soon as the real replication exists, and calls made meanwhile wait for it.
 */
export class DeferredLedgerReplication implements LedgerReplication {
  constructor(private readonly opening: Promise<LedgerReplication>) {}

  start(remote: SyncRemote, cipher: DocumentCipher, scope: string): ReplicationRun {
    const run = this.opening.then((replication) => replication.start(remote, cipher, scope));
    const listeners = new Set<(activity: ReplicationActivity) => void>();
    // Like the real run, a new listener hears where things stand at once.
    let latest: ReplicationActivity = { documentsInFlight: 0, lastError: null };
    const forwarding = run.then((started) =>
      started.onActivity((activity) => {
        latest = activity;
        for (const listener of listeners) listener(activity);
      }),
    );
    return {
      resync: () => void run.then((started) => started.resync()),
      settled: async () => (await run).settled(),
      onActivity: (listener) => {
        listeners.add(listener);
        listener(latest);
        return () => listeners.delete(listener);
      },
      stop: async () => {
        (await forwarding)();
        await (await run).stop();
      },
    };
  }
}
