import {
  ensureRxStorageInstanceParamsAreCorrect,
  RXDB_VERSION,
  type RxStorage,
  type RxStorageInstanceCreationParams,
} from 'rxdb';
import {
  createMemoryStorageInstance,
  getRxStorageMemory,
  type RxStorageInstanceMemory,
  type RxStorageMemory,
} from 'rxdb/plugins/storage-memory';
import { CrossTabChannel } from './cross-tab.ts';
import { BucketFile, bucketDatabaseName, type IndexedDbEnvironment } from './idb-buckets.ts';
import {
  MappedStorageInstance,
  type MappedInstanceOptions,
  type MappedStorageInternals,
} from './mapped-instance.ts';
import { loadBuckets } from './memory-state.ts';
import { Persistence } from './persistence.ts';
import { WriteOrder } from './write-order.ts';

export interface MappedStorageSettings {
  /** The IndexedDB to persist to: the global one when omitted; tests pass fake-indexeddb's. */
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
  /**
   * The storage's name, which RxDB uses to refuse two open databases of one name on one storage
   * in one page. Only tests that play two tabs in one process need a second name.
   */
  readonly name?: string;
}

export type MappedRxStorage = RxStorage<MappedStorageInternals, MappedInstanceOptions>;

/**
 * A memory-mapped RxStorage made of RxDB's free parts: RxDB's memory storage answers every read
 * and takes every write, and each write is also persisted into IndexedDB in buckets (buckets.ts)
 * before it resolves. Opening a collection loads all of its buckets into memory, so the whole
 * collection must fit in memory: 100k operations take ~145 MB of heap, 50 MB of documents and
 * 90 MB of the memory storage's index strings (4 indexes). No attachments.
 *
 * With `multiInstance`, each tab keeps its own memory copy and tells the others about its
 * durable writes over a BroadcastChannel (cross-tab.ts), so RxDB's change streams fire in every
 * tab, as they do with RxDB's own multi-instance storages.
 */
export function getRxStorageMapped(settings: MappedStorageSettings = {}): MappedRxStorage {
  return {
    name: settings.name ?? 'tirelire-mapped',
    rxdbVersion: RXDB_VERSION,
    createStorageInstance<RxDocType>(
      params: RxStorageInstanceCreationParams<RxDocType, MappedInstanceOptions>,
    ): Promise<MappedStorageInstance<RxDocType>> {
      return createMappedInstance(settings, params);
    },
  };
}

async function createMappedInstance<RxDocType>(
  settings: MappedStorageSettings,
  params: RxStorageInstanceCreationParams<RxDocType, MappedInstanceOptions>,
): Promise<MappedStorageInstance<RxDocType>> {
  ensureRxStorageInstanceParamsAreCorrect(params);
  const environment = environmentOf(settings);
  if (params.schema.attachments) {
    throw new Error(`The mapped storage keeps no attachments (${params.collectionName}).`);
  }
  const { databaseName, collectionName } = params;
  const version = params.schema.version;
  // Opened before the load, so that no write another tab commits meanwhile goes unheard.
  const channel =
    params.multiInstance && CrossTabChannel.isAvailable()
      ? new CrossTabChannel(databaseName, collectionName, version)
      : null;
  let file: BucketFile | null = null;
  let memory: RxStorageInstanceMemory<RxDocType> | null = null;
  try {
    file = await BucketFile.open(environment, databaseName, collectionName, version);
    // A memory storage of its own per instance: RxDB's shares one state per database and
    // collection name in a page, which would outlive close() (a reopen must reload from disk)
    // and would merge two simulated tabs into one.
    const memoryStorage: RxStorageMemory = { ...getRxStorageMemory(), collectionStates: new Map() };
    memory = await createMemoryStorageInstance(memoryStorage, { ...params, options: {} }, {});
    const order = new WriteOrder();
    const skipped = await loadBuckets(memory, await file.load(), order);
    if (skipped > 0) {
      console.warn(`Skipped ${skipped} damaged stored document(s) of ${collectionName}.`);
    }
    const persistence = new Persistence(file, order, channel);
    const internals = { indexedDbName: bucketDatabaseName(databaseName) };
    return new MappedStorageInstance(memory, persistence, internals, params.options);
  } catch (error) {
    channel?.close();
    file?.close();
    await memory?.close();
    throw error;
  }
}

function environmentOf(settings: MappedStorageSettings): IndexedDbEnvironment {
  const indexedDB = settings.indexedDB ?? globalThis.indexedDB;
  const keyRange = settings.IDBKeyRange ?? globalThis.IDBKeyRange;
  // Checked when a collection opens, not on import, so Node can import this module.
  if (indexedDB === undefined || keyRange === undefined) {
    throw new Error('The mapped storage needs IndexedDB: pass `indexedDB` and `IDBKeyRange`.');
  }
  return { indexedDB, IDBKeyRange: keyRange };
}
