import { describeStartupSnapshotStoreContract } from '../../ports/startup-snapshot-store.contract.ts';
import { MemoryStartupSnapshotStore } from './MemoryStartupSnapshotStore.ts';

describeStartupSnapshotStoreContract('memory', () => new MemoryStartupSnapshotStore());
