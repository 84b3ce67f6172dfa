import type { DeviceStorage } from '../ports/device-storage.ts';
import type { LedgerDeps } from './deps.ts';
import type { LedgerState } from './ledger-state.ts';
import type { PreferencesModel } from './preferences.ts';
import type { UpdatesModel } from './updates.ts';

/** Everything the UI may use, built once by main.ts and handed down through context. */
export interface AppServices {
  /** Ports for use cases (app/use-cases/*). */
  readonly ledger: LedgerDeps;
  /** The reactive ledger the screens render. */
  readonly state: LedgerState;
  readonly preferences: PreferencesModel;
  readonly deviceStorage: DeviceStorage;
  readonly updates: UpdatesModel;
}
