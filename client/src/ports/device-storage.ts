/** How much the browser lets us keep, and whether it promised not to evict it. */
export interface StorageStatus {
  readonly isPersisted: boolean;
  /** Bytes used and available, when the browser says. */
  readonly usageBytes: number | null;
  readonly quotaBytes: number | null;
}

/** The browser's storage manager (navigator.storage), behind a port so use cases can be tested. */
export interface DeviceStorage {
  status(): Promise<StorageStatus>;
  /** Asks the browser to keep our data even under storage pressure; resolves to the answer. */
  requestPersistence(): Promise<boolean>;
}
