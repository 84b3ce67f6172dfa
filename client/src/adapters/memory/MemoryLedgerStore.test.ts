import { describeLedgerStoreContract } from '../../ports/ledger-store.contract.ts';
import { MemoryLedgerDatabases } from './MemoryLedgerStore.ts';

const databases = new MemoryLedgerDatabases();
describeLedgerStoreContract('MemoryLedgerStore', (name) => databases.open(name));
