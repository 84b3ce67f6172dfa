import { render, h } from 'preact';
import type { Clock } from '@tirelire/shared';
import { LocalStoragePreferenceStore } from './adapters/browser/LocalStoragePreferenceStore.ts';
import { NavigatorDeviceStorage } from './adapters/browser/NavigatorDeviceStorage.ts';
import { PwaAppUpdates } from './adapters/browser/PwaAppUpdates.ts';
import { openRxdbLedgerStore } from './adapters/rxdb/RxdbLedgerStore.ts';
import { LedgerState } from './app/ledger-state.ts';
import { PreferencesModel } from './app/preferences.ts';
import type { AppServices } from './app/services.ts';
import { UpdatesModel } from './app/updates.ts';
import { ensureDefaultCategories } from './app/use-cases/setup.ts';
import { App } from './ui/shell/App.tsx';
import './ui/styles.css';

/** The client's composition root: the one place that picks adapters and wires them together. */
async function start(root: HTMLElement): Promise<void> {
  const clock: Clock = { now: () => Date.now() };
  const newId = () => crypto.randomUUID();
  const store = await openRxdbLedgerStore({ name: 'tirelire', multiInstance: true });
  performance.mark('tirelire:store-opened');
  const ledger = { store, clock, newId };
  await ensureDefaultCategories(ledger);

  const state = new LedgerState(store);
  const services: AppServices = {
    ledger,
    state,
    preferences: new PreferencesModel(
      new LocalStoragePreferenceStore(localStorage),
      navigator.languages,
    ),
    deviceStorage: new NavigatorDeviceStorage(navigator.storage),
    updates: new UpdatesModel(new PwaAppUpdates()),
  };
  await state.open();
  performance.mark('tirelire:state-opened');
  render(h(App, { services }), root);
  // All operations load after the first screen is on screen (see LedgerState). The marks let
  // `npm run bench` read the app's own timings, from navigation start.
  requestAnimationFrame(() => {
    performance.mark('tirelire:first-screen');
    void state.loadOperations().then(() => performance.mark('tirelire:operations-loaded'));
  });
}

const root = document.getElementById('app');
if (root) {
  start(root).catch((error: unknown) => {
    root.textContent = `Tirelire could not open its local database: ${String(error)}`;
  });
}
