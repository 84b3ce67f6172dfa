import { signal } from '@preact/signals';
import type { AppUpdates } from '../ports/app-updates.ts';

/** Whether a new version waits, as signals the shell shows as a banner. */
export class UpdatesModel {
  readonly isUpdateReady = signal(false);
  readonly isOfflineReady = signal(false);

  constructor(private readonly updates: AppUpdates) {
    updates.onUpdateReady(() => (this.isUpdateReady.value = true));
    updates.onOfflineReady(() => (this.isOfflineReady.value = true));
  }

  apply(): Promise<void> {
    return this.updates.applyUpdate();
  }

  dismiss(): void {
    this.isUpdateReady.value = false;
    this.isOfflineReady.value = false;
  }
}
