/**
 * Where the worker keeps the personal layer between sessions: one record, plain data (what
 * serializePersonal returns). What comes back is checked by the model before use, so a store
 * only has to hand back what it was given, or null.
 */
export interface PersonalLayerStore {
  load(): Promise<unknown>;
  save(layer: unknown): Promise<void>;
}

export class MemoryPersonalLayerStore implements PersonalLayerStore {
  private layer: unknown = null;

  load(): Promise<unknown> {
    return Promise.resolve(this.layer);
  }

  save(layer: unknown): Promise<void> {
    this.layer = layer;
    return Promise.resolve();
  }
}

const DATABASE = 'tirelire-personal-layer';
const STORE = 'layer';
const KEY = 'current';

/**
 * A raw IndexedDB database of its own (not the ledger's RxDB): the worker owns it, typed arrays
 * are stored as they are (structured clone), and losing it only costs a retraining.
 */
export class IndexedDbPersonalLayerStore implements PersonalLayerStore {
  private database: Promise<IDBDatabase> | null = null;

  constructor(private readonly factory: IDBFactory = indexedDB) {}

  async load(): Promise<unknown> {
    const database = await this.open();
    const stored = await request(
      database.transaction(STORE, 'readonly').objectStore(STORE).get(KEY),
    );
    return stored ?? null;
  }

  async save(layer: unknown): Promise<void> {
    const database = await this.open();
    const transaction = database.transaction(STORE, 'readwrite');
    transaction.objectStore(STORE).put(layer, KEY);
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
    });
  }

  close(): void {
    void this.database?.then((database) => database.close());
    this.database = null;
  }

  private open(): Promise<IDBDatabase> {
    this.database ??= new Promise((resolve, reject) => {
      const opening = this.factory.open(DATABASE, 1);
      opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error ?? new Error('IndexedDB open failed'));
    });
    // A failed open is retried next time rather than remembered.
    this.database.catch(() => (this.database = null));
    return this.database;
  }
}

function request(pending: IDBRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    pending.onsuccess = () => resolve(pending.result);
    pending.onerror = () => reject(pending.error ?? new Error('IndexedDB read failed'));
  });
}
