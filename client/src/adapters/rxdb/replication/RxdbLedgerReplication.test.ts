import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { runLedgerReplicationContract } from '../../../ports/ledger-replication.contract.ts';
import { openRxdbLedgerStore } from '../RxdbLedgerStore.ts';

runLedgerReplicationContract('RxdbLedgerReplication on memory storage', async (name) => {
  const store = await openRxdbLedgerStore({
    name,
    storage: getRxStorageMemory(),
    multiInstance: false,
  });
  return { store, replication: store.replication(), close: () => store.close() };
});
