import { describePreferenceStoreContract } from '../../ports/preference-store.contract.ts';
import { MemoryPreferenceStore } from './MemoryPreferenceStore.ts';

describePreferenceStoreContract('memory', () => new MemoryPreferenceStore());
