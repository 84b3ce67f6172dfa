import { describeSessionStoreContract } from '../../ports/session-store.contract.ts';
import { MemorySessionStore } from './MemorySessionStore.ts';

describeSessionStoreContract('memory', () => new MemorySessionStore());
