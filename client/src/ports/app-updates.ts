/** The service worker's news about new versions of the app (vite-plugin-pwa in the browser). */
export interface AppUpdates {
  /** Calls `listener` when a new version is downloaded and waiting for the person's go-ahead. */
  onUpdateReady(listener: () => void): void;
  /** Calls `listener` once the app is cached and works offline. */
  onOfflineReady(listener: () => void): void;
  /** Activates the waiting version and reloads the page. */
  applyUpdate(): Promise<void>;
}
