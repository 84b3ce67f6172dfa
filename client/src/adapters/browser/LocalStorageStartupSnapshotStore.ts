import {
  startupSnapshotSchema,
  type StartupSnapshot,
  type StartupSnapshotStore,
} from '../../ports/startup-snapshot-store.ts';

/**
 * The startup snapshot in localStorage, the one storage a page can read synchronously before its
 * first paint. A few kilobytes; validated on the way back in like any stored data.
 */
export class LocalStorageStartupSnapshotStore implements StartupSnapshotStore {
  constructor(
    private readonly storage: Storage,
    private readonly key = 'tirelire.startup-snapshot',
  ) {}

  read(): StartupSnapshot | null {
    const raw = this.storage.getItem(this.key);
    if (raw === null) return null;
    try {
      const parsed = startupSnapshotSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  write(snapshot: StartupSnapshot): void {
    try {
      this.storage.setItem(this.key, JSON.stringify(snapshot));
    } catch {
      // Quota exceeded or storage disabled: the snapshot is only a speed-up, so go without it.
      this.storage.removeItem(this.key);
    }
  }

  clear(): void {
    this.storage.removeItem(this.key);
  }
}
