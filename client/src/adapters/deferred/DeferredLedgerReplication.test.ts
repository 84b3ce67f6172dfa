import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { runLedgerReplicationContract } from '../../ports/ledger-replication.contract.ts';
import { openRxdbLedgerStore } from '../rxdb/RxdbLedgerStore.ts';
import { DeferredLedgerReplication } from './DeferredLedgerReplication.ts';

/** The real replication, handed over a little after the run started, as after the first paint. */
runLedgerReplicationContract('DeferredLedgerReplication over RxDB', async (name) => {
  const store = await openRxdbLedgerStore({
    name,
    storage: getRxStorageMemory(),
    multiInstance: false,
  });
  const opening = new Promise<ReturnType<typeof store.replication>>((resolve) =>
    setTimeout(() => resolve(store.replication()), 20),
  );
  return { store, replication: new DeferredLedgerReplication(opening), close: () => store.close() };
});
