import type { AccountSession } from './account-session.ts';
import type { DeviceStorage } from '../ports/device-storage.ts';
import type { CategorizationModel } from './categorization.ts';
import type { ImportSession } from './import-session.ts';
import type { LedgerDeps } from './deps.ts';
import type { LedgerState } from './ledger-state.ts';
import type { PreferencesModel } from './preferences.ts';
import type { SyncModel } from './sync/sync-model.ts';
import type { UpdatesModel } from './updates.ts';

/** Everything the UI may use, built once by main.ts and handed down through context. */
export interface AppServices {
  /** Ports for use cases (app/use-cases/*). */
  readonly ledger: LedgerDeps;
  /** The reactive ledger the screens render. */
  readonly state: LedgerState;
  /** The statement import in progress (it outlives the import screen). */
  readonly importSession: ImportSession;
  /** Suggestions, the review queue and learning from corrections (on-device model). */
  readonly categorization: CategorizationModel;
  readonly preferences: PreferencesModel;
  readonly deviceStorage: DeviceStorage;
  readonly updates: UpdatesModel;
  /** The optional sync account (the app works fully without one). */
  readonly account: AccountSession;
  /** End-to-end encrypted sync between the account's devices (issue 6). */
  readonly sync: SyncModel;
}
