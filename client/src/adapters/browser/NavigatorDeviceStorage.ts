import type { DeviceStorage, StorageStatus } from '../../ports/device-storage.ts';

/** navigator.storage, which some browsers (or private modes) lack: then we report what we can. */
export class NavigatorDeviceStorage implements DeviceStorage {
  constructor(private readonly manager: StorageManager | undefined) {}

  async status(): Promise<StorageStatus> {
    if (!this.manager) return { isPersisted: false, usageBytes: null, quotaBytes: null };
    const [isPersisted, estimate] = await Promise.all([
      this.manager.persisted(),
      this.manager.estimate(),
    ]);
    return {
      isPersisted,
      usageBytes: estimate.usage ?? null,
      quotaBytes: estimate.quota ?? null,
    };
  }

  async requestPersistence(): Promise<boolean> {
    return this.manager ? this.manager.persist() : false;
  }
}
