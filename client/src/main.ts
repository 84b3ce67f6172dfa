import { effect } from '@preact/signals';
import { render, h } from 'preact';
import type { Clock } from '@tirelire/shared';
import { LocalStoragePreferenceStore } from './adapters/browser/LocalStoragePreferenceStore.ts';
import { LocalStorageStartupSnapshotStore } from './adapters/browser/LocalStorageStartupSnapshotStore.ts';
import { NavigatorDeviceStorage } from './adapters/browser/NavigatorDeviceStorage.ts';
import { PwaAppUpdates } from './adapters/browser/PwaAppUpdates.ts';
import { LocalStorageSessionStore } from './adapters/browser/LocalStorageSessionStore.ts';
import { DeferredLedgerReplication } from './adapters/deferred/DeferredLedgerReplication.ts';
import { IndexedDbUnlockedKeyStore } from './adapters/webcrypto/IndexedDbUnlockedKeyStore.ts';
import { WebCryptoDataKeyWrapping } from './adapters/webcrypto/WebCryptoDataKeyWrapping.ts';
import { WebSocketSyncTransport, syncUrlFor } from './adapters/websocket/WebSocketSyncTransport.ts';
import { openRulesAndMemoryCategorizer } from './adapters/categorizer/InlineCategorizer.ts';
import { LazyCategorizer } from './adapters/categorizer/LazyCategorizer.ts';
import { openWorkerCategorizer } from './adapters/categorizer/WorkerCategorizer.ts';
import { DeferredLedgerStore } from './adapters/deferred/DeferredLedgerStore.ts';
import { FetchAccountApi } from './adapters/http/FetchAccountApi.ts';
import { InlineStatementReader } from './adapters/inline/InlineStatementReader.ts';
import { LazyStatementReader } from './adapters/worker/LazyStatementReader.ts';
import { openWorkerStatementReader } from './adapters/worker/WorkerStatementReader.ts';
import { AccountSession } from './app/account-session.ts';
import { CategorizationModel } from './app/categorization.ts';
import { ImportSession } from './app/import-session.ts';
import { LedgerState } from './app/ledger-state.ts';
import { PreferencesModel } from './app/preferences.ts';
import type { AppServices } from './app/services.ts';
import type { LedgerReplication } from './ports/ledger-replication.ts';
import { UpdatesModel } from './app/updates.ts';
import { SyncModel } from './app/sync/sync-model.ts';
import { SyncSession } from './app/sync/sync-session.ts';
import type { Timers } from './app/sync/timers.ts';
import { ensureDefaultCategories } from './app/use-cases/setup.ts';
import { App } from './ui/shell/App.tsx';
import './ui/styles.css';

/**
 * The client's composition root: the one place that picks adapters and wires them together.
 * The performance marks let `npm run bench` read the app's own timings (from navigation start).
 */
async function start(root: HTMLElement): Promise<void> {
  const clock: Clock = { now: () => Date.now() };
  const newId = () => crypto.randomUUID();
  // RxDB and its storage load as their own chunk, and only once the first screen is painted: evaluating
  // them takes ~100 ms on a slow device, which would otherwise land before that paint.
  let startOpening = () => {};
  const opening = new Promise<void>((resolve) => (startOpening = resolve))
    .then(() => import('./adapters/rxdb/RxdbLedgerStore.ts'))
    .then(({ openRxdbLedgerStore }) =>
      openRxdbLedgerStore({ name: 'tirelire', multiInstance: true }),
    )
    .then(async (store) => {
      performance.mark('tirelire:store-opened');
      await ensureDefaultCategories({ store, clock, newId });
      return store;
    });
  // Calls made before IndexedDB has opened simply wait for it (see DeferredLedgerStore).
  const store = new DeferredLedgerStore(opening);
  const ledger = { store, clock, newId };
  const state = new LedgerState(store, new LocalStorageStartupSnapshotStore(localStorage));
  // Statements are parsed in a worker, started on the first import.
  const statementReader = new LazyStatementReader(
    openWorkerStatementReader,
    () => new InlineStatementReader(),
  );
  const preferences = new PreferencesModel(
    new LocalStoragePreferenceStore(localStorage),
    navigator.languages,
  );
  // The classifier runs in its own worker, started after the first paint; if it cannot start,
  // rules and merchant memory still suggest.
  const categorizer = new LazyCategorizer(openWorkerCategorizer, () =>
    openRulesAndMemoryCategorizer(),
  );
  const categorization = new CategorizationModel(ledger, state, categorizer, preferences);
  const account = new AccountSession(
    new FetchAccountApi(),
    new LocalStorageSessionStore(localStorage),
  );
  const sync = openSync(account, opening);
  const services: AppServices = {
    ledger,
    state,
    importSession: new ImportSession(ledger, state, statementReader),
    categorization,
    preferences,
    deviceStorage: new NavigatorDeviceStorage(navigator.storage),
    updates: new UpdatesModel(new PwaAppUpdates()),
    account,
    sync,
  };

  const paint = () =>
    new Promise<void>((painted) => {
      render(h(App, { services }), root);
      requestAnimationFrame(() => {
        performance.mark('tirelire:first-screen');
        setTimeout(painted, 0);
      });
    });
  // A returning person sees last session's accounts and balances at once; a first visit waits
  // for the store, so it never flashes the welcome screen over existing data.
  const hasSnapshot = state.showStartupSnapshot();
  if (hasSnapshot) await paint();
  startOpening();
  if (hasSnapshot) void account.restore();
  await state.open();
  performance.mark('tirelire:state-opened');
  if (!hasSnapshot) {
    await paint();
    // A stored session is checked (and its access token renewed) once the first screen is up.
    void account.restore();
  }
  await state.loadOperations();
  performance.mark('tirelire:operations-loaded');
  categorization.start();
}

/**
 * Sync runs while someone is signed in: the socket, the data key (unlocked once per device and
 * kept in IndexedDB) and RxDB's replication of the ledger, which opens after the first paint.
 */
function openSync(
  account: AccountSession,
  opening: Promise<{ replication(): LedgerReplication }>,
): SyncModel {
  const timers: Timers = {
    after(ms, run) {
      const handle = setTimeout(run, ms);
      return () => clearTimeout(handle);
    },
  };
  const session = new SyncSession({
    transport: new WebSocketSyncTransport(syncUrlFor(location), (url) => new WebSocket(url)),
    accessToken: async () => {
      const token = await account.accessToken();
      if (token.ok) return token.value;
      // Signed out stops sync; anything else (offline, server down) is retried with backoff.
      if (token.code === 'unauthorized') return null;
      throw new Error(token.message);
    },
    timers,
    now: () => Date.now(),
    random: () => Math.random(),
  });
  addEventListener('online', () => session.reconnectNow());
  addEventListener('offline', () => session.dropConnection());
  const sync = new SyncModel({
    session,
    replication: new DeferredLedgerReplication(opening.then((store) => store.replication())),
    wrapping: new WebCryptoDataKeyWrapping(),
    keyStore: new IndexedDbUnlockedKeyStore(),
  });
  let wasSignedIn = false;
  effect(() => {
    const state = account.status.value.state;
    if (state === 'busy') return;
    const isSignedIn = state === 'signed_in';
    if (isSignedIn === wasSignedIn) return;
    wasSignedIn = isSignedIn;
    if (isSignedIn) void sync.enable();
    else void sync.disable();
  });
  return sync;
}

const root = document.getElementById('app');
if (root) {
  start(root).catch((error: unknown) => {
    root.textContent = `Tirelire could not open its local database: ${String(error)}`;
  });
}
