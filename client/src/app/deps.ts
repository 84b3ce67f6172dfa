import type { Clock, IdSource } from '@tirelire/shared';
import type { LedgerStore } from '../ports/ledger-store.ts';

/** What a ledger use case needs: the store, and injected time and ids. */
export interface LedgerDeps {
  readonly store: LedgerStore;
  readonly clock: Clock;
  readonly newId: IdSource;
}
