/**
 * What the bench (parent) and a server under test (child process, server-process.ts) say to
 * each other over Node's IPC channel. Kept apart from both so that neither imports the other.
 */

/** Our server with each of its change logs, and RxDB's websocket replication server. */
export type ServerKind = 'tirelire-redis' | 'tirelire-embedded' | 'rxdb';

export interface StartCommand {
  readonly type: 'start';
  readonly kind: ServerKind;
  /** The bench's own throwaway ES256 key: the child verifies the tokens the parent signs. */
  readonly privateKeyPem: string;
  readonly redisUrl: string;
  /** Every Redis key the child writes starts with it; the parent deletes them all afterwards. */
  readonly keyPrefix: string;
  /** The embedded change log's journal; the parent made it and removes it. */
  readonly dataDir: string;
}

export type ParentMessage =
  StartCommand | { readonly type: 'stats'; readonly requestId: number } | { readonly type: 'stop' };

/** Read in the child, so that the figures are the server's alone, not the load generator's. */
export interface ServerStats {
  readonly rssBytes: number;
  /** User + system CPU time since the process started. */
  readonly cpuMicros: number;
  /** Sockets the server holds open (uWS: from open to close; ws: `clients.size`). */
  readonly connections: number;
}

export type ChildMessage =
  | { readonly type: 'ready'; readonly port: number; readonly path: string }
  | { readonly type: 'stats'; readonly requestId: number; readonly stats: ServerStats }
  | { readonly type: 'failed'; readonly message: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export function isChildMessage(value: unknown): value is ChildMessage {
  if (!isRecord(value)) return false;
  if (value['type'] === 'ready') return typeof value['port'] === 'number';
  if (value['type'] === 'stats') return typeof value['requestId'] === 'number';
  return value['type'] === 'failed' && typeof value['message'] === 'string';
}

export function isParentMessage(value: unknown): value is ParentMessage {
  if (!isRecord(value)) return false;
  if (value['type'] === 'start') return typeof value['kind'] === 'string';
  if (value['type'] === 'stats') return typeof value['requestId'] === 'number';
  return value['type'] === 'stop';
}
