import type { StartupSnapshot, StartupSnapshotStore } from '../../ports/startup-snapshot-store.ts';

export class MemoryStartupSnapshotStore implements StartupSnapshotStore {
  private saved: StartupSnapshot | null = null;

  read(): StartupSnapshot | null {
    return this.saved === null ? null : structuredClone(this.saved);
  }

  write(snapshot: StartupSnapshot): void {
    this.saved = structuredClone(snapshot);
  }

  clear(): void {
    this.saved = null;
  }
}
