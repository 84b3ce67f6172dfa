import { registerSW } from 'virtual:pwa-register';
import type { AppUpdates } from '../../ports/app-updates.ts';

/** vite-plugin-pwa's service worker registration, seen through the AppUpdates port. */
export class PwaAppUpdates implements AppUpdates {
  private readonly updateListeners: (() => void)[] = [];
  private readonly offlineListeners: (() => void)[] = [];
  private readonly updateServiceWorker: (reload?: boolean) => Promise<void>;

  constructor() {
    this.updateServiceWorker = registerSW({
      onNeedRefresh: () => this.updateListeners.forEach((listener) => listener()),
      onOfflineReady: () => this.offlineListeners.forEach((listener) => listener()),
    });
  }

  onUpdateReady(listener: () => void): void {
    this.updateListeners.push(listener);
  }

  onOfflineReady(listener: () => void): void {
    this.offlineListeners.push(listener);
  }

  applyUpdate(): Promise<void> {
    return this.updateServiceWorker(true);
  }
}
