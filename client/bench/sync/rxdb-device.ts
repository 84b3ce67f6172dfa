import { randomBytes } from 'node:crypto';
import type { BenchDocument } from './documents.ts';
import { FrameSocket, startsWith } from './frame-socket.ts';
import { RXDB_COLLECTION } from './protocol-constants.ts';
import { PULL_PAGE, type BenchDevice, type PullTotals, type SyncTarget } from './target.ts';

/** RxDB's server writes `{id:'stream', collection, result}` for every change it streams. */
const STREAM_PREFIX = Buffer.from('{"id":"stream"');

type Parsed = Record<string, unknown>;
interface Reply {
  readonly result: unknown;
  readonly bytes: number;
}
interface Pending {
  readonly resolve: (reply: Reply) => void;
  readonly reject: (error: Error) => void;
}

const parse = (frame: Buffer): Parsed => {
  const value: unknown = JSON.parse(frame.toString('utf8'));
  if (typeof value !== 'object' || value === null) throw new Error('not a JSON object');
  return value as Parsed;
};

/** `{checkpoint, documents}`: what masterChangesSince answers and the stream carries. */
const documentsOf = (result: unknown): Parsed[] => {
  const documents = (result as Parsed | null)?.['documents'];
  if (!Array.isArray(documents)) throw new Error('no documents in an RxDB result');
  return documents as Parsed[];
};

/**
 * One device over RxDB's websocket replication protocol, message for message what
 * `replicateWithWebsocketServer` (rxdb/plugins/replication-websocket, websocket-client.js)
 * sends: `{id, collection, method, params}` requests, answered `{id, collection, result}`, and
 * one `masterChangeStream$` request that makes the server stream every change to the socket.
 */
class RxdbDevice implements BenchDevice {
  onLive: ((frame: Buffer) => void) | null = null;
  private readonly idPrefix = `${randomBytes(5).toString('hex')}|`;
  private requestCount = 0;
  private readonly pending = new Map<string, Pending>();

  private constructor(private readonly socket: FrameSocket) {
    socket.onFrame = (frame) => this.receive(frame);
    socket.onClose = (code, reason) => {
      const error = new Error(`socket closed (${code} ${reason})`);
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
    };
  }

  /**
   * What RxDB's client does once connected: asks for the change stream, then pulls from its
   * last checkpoint (none: `null`). The answer proves the socket is served, like our `welcome`.
   */
  static async connect(url: string, localAddress: string): Promise<RxdbDevice> {
    const device = new RxdbDevice(await FrameSocket.open(url, localAddress));
    device.socket.send(
      JSON.stringify({
        id: 'stream',
        collection: RXDB_COLLECTION,
        method: 'masterChangeStream$',
        params: [],
      }),
    );
    await device.request('masterChangesSince', [null, 1]);
    return device;
  }

  get isOpen(): boolean {
    return this.socket.isOpen;
  }

  async write(documents: readonly BenchDocument[]): Promise<void> {
    // New documents: no assumed master state, exactly as RxDB's upstream sends a first write.
    const rows = documents.map((newDocumentState) => ({ newDocumentState }));
    const { result } = await this.request('masterWrite', [rows]);
    if (!Array.isArray(result) || result.length > 0) throw new Error('masterWrite conflicted');
  }

  /** Page by page as RxDB's downstream pulls: until a page comes back short. */
  async pullAll(_open: boolean): Promise<PullTotals> {
    let checkpoint: unknown = null;
    let totals = { documents: 0, pages: 0, bytes: 0 };
    for (;;) {
      const { result, bytes } = await this.request('masterChangesSince', [checkpoint, PULL_PAGE]);
      const documents = documentsOf(result);
      totals = {
        documents: totals.documents + documents.length,
        pages: totals.pages + 1,
        bytes: totals.bytes + bytes,
      };
      if (documents.length < PULL_PAGE) return totals;
      checkpoint = (result as Parsed)['checkpoint'];
    }
  }

  close(): void {
    this.socket.close();
  }

  private request(method: string, params: readonly unknown[]): Promise<Reply> {
    const id = `${this.idPrefix}${this.requestCount++}`;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.send(JSON.stringify({ id, collection: RXDB_COLLECTION, method, params }));
    });
  }

  private receive(frame: Buffer): void {
    if (startsWith(frame, STREAM_PREFIX)) {
      this.onLive?.(frame);
      return;
    }
    const message = parse(frame);
    const id = message['id'];
    const pending = typeof id === 'string' ? this.pending.get(id) : undefined;
    if (pending === undefined) return;
    this.pending.delete(id as string);
    pending.resolve({ result: message['result'], bytes: frame.length });
  }
}

/** RxDB's server: no authentication, one collection shared by every socket. */
export class RxdbTarget implements SyncTarget {
  constructor(private readonly url: string) {}

  credentialsFor(_user: string): Promise<string> {
    return Promise.resolve('');
  }

  connect(_credentials: string, localAddress: string): Promise<BenchDevice> {
    return RxdbDevice.connect(this.url, localAddress);
  }

  isResync(_frame: Buffer): boolean {
    return false;
  }

  readLive(frame: Buffer): Promise<readonly string[]> {
    const ids = documentsOf(parse(frame)['result']).map((document) => String(document['id']));
    return Promise.resolve(ids);
  }
}
