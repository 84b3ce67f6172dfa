import {
  SYNC_PROTOCOL_VERSION,
  encodeMessage,
  type ClientMessage,
  type StoredEnvelope,
} from '@tirelire/shared/protocol';
import { openEnvelope, sealRow } from '../../src/adapters/rxdb/replication/envelope-codec.ts';
import type { DocumentCipher } from '../../src/ports/sync-keys.ts';
import type { KeyRing } from '../../../sync-server/src/auth/keys.ts';
import { issueAccessToken } from '../../../sync-server/src/auth/tokens.ts';
import type { BenchDocument } from './documents.ts';
import { FrameSocket, startsWith } from './frame-socket.ts';
import { asError } from './load.ts';
import { TOKEN_AUDIENCE } from './protocol-constants.ts';
import { PULL_PAGE, type BenchDevice, type PullTotals, type SyncTarget } from './target.ts';

const COLLECTION = 'operations';
/** Our server writes `type` first (SyncConnection builds every message that way). */
const LIVE_PREFIXES = [Buffer.from('{"type":"changes"'), Buffer.from('{"type":"resync"')];
const RESYNC_PREFIX = Buffer.from('{"type":"resync"');
/** Tokens outlive the run: an expiry mid-run would close sockets and spoil the figures. */
const TOKEN_TTL_SECONDS = 3600;

type Parsed = Record<string, unknown>;
interface Reply {
  readonly message: Parsed;
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

/** Envelopes of a `changes` or `pulled` message; our own server's, so not re-validated here. */
const envelopesOf = (message: Parsed): StoredEnvelope[] => {
  const documents = message['documents'];
  if (!Array.isArray(documents)) throw new Error(`no documents in ${String(message['type'])}`);
  return documents as StoredEnvelope[];
};

/**
 * One device of ours over the raw JSON protocol (shared/src/protocol/SPEC.md): what
 * client/src/app/sync/sync-session.ts sends, without its reconnection and schema checks.
 */
class TirelireDevice implements BenchDevice {
  onLive: ((frame: Buffer) => void) | null = null;
  private nextRequestId = 1;
  private readonly pending = new Map<number, Pending>();
  private welcomed: Pending | null = null;

  private constructor(
    private readonly socket: FrameSocket,
    private readonly cipher: DocumentCipher,
  ) {
    socket.onFrame = (frame) => this.receive(frame);
    socket.onClose = (code, reason) => {
      const error = new Error(`socket closed (${code} ${reason})`);
      this.welcomed?.reject(error);
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
    };
  }

  static async connect(
    url: string,
    token: string,
    localAddress: string,
    cipher: DocumentCipher,
  ): Promise<TirelireDevice> {
    const device = new TirelireDevice(await FrameSocket.open(url, localAddress), cipher);
    const welcome = await new Promise<Reply>((resolve, reject) => {
      device.welcomed = { resolve, reject };
      device.socket.send(encodeMessage({ type: 'hello', protocol: SYNC_PROTOCOL_VERSION, token }));
    });
    if (welcome.message['type'] !== 'welcome') throw new Error('no welcome');
    return device;
  }

  get isOpen(): boolean {
    return this.socket.isOpen;
  }

  async write(documents: readonly BenchDocument[]): Promise<void> {
    const rows = await Promise.all(
      documents.map((document) => sealRow(this.cipher, COLLECTION, document, 0)),
    );
    const { message } = await this.request((requestId) => ({
      type: 'push',
      requestId,
      collection: COLLECTION,
      rows,
    }));
    const written = message['written'];
    if (message['type'] !== 'pushed' || !Array.isArray(written) || written.length !== rows.length) {
      const count = Array.isArray(written) ? written.length : 0;
      throw new Error(`push answered ${String(message['type'])}: ${count}/${rows.length} written`);
    }
  }

  async pullAll(open: boolean): Promise<PullTotals> {
    let since = 0;
    let totals = { documents: 0, pages: 0, bytes: 0 };
    const opening: Promise<void>[] = [];
    const openFailures: Error[] = [];
    for (;;) {
      const { message, bytes } = await this.request((requestId) => ({
        type: 'pull',
        requestId,
        collection: COLLECTION,
        since,
        limit: PULL_PAGE,
      }));
      const envelopes = envelopesOf(message);
      totals = {
        documents: totals.documents + envelopes.length,
        pages: totals.pages + 1,
        bytes: totals.bytes + bytes,
      };
      // Decrypted while the next page travels, as a client that overlaps the two would.
      if (open) {
        const opened = this.openAll(envelopes);
        opening.push(opened.catch((error: unknown) => void openFailures.push(asError(error))));
      }
      if (message['hasMore'] !== true) break;
      since = Number(message['checkpoint']);
    }
    await Promise.all(opening);
    if (openFailures[0] !== undefined) throw openFailures[0];
    return totals;
  }

  close(): void {
    this.socket.close();
  }

  /** Opens every envelope as the replication does (envelope-codec.ts): AES-GCM, then JSON. */
  private async openAll(envelopes: readonly StoredEnvelope[]): Promise<void> {
    await Promise.all(envelopes.map((envelope) => openEnvelope(this.cipher, envelope)));
  }

  private request(build: (requestId: number) => ClientMessage): Promise<Reply> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      this.socket.send(encodeMessage(build(requestId)));
    });
  }

  private receive(frame: Buffer): void {
    if (LIVE_PREFIXES.some((prefix) => startsWith(frame, prefix))) {
      this.onLive?.(frame);
      return;
    }
    const reply = { message: parse(frame), bytes: frame.length };
    if (this.welcomed !== null) {
      this.welcomed.resolve(reply);
      this.welcomed = null;
      return;
    }
    const requestId = reply.message['requestId'];
    const pending = typeof requestId === 'number' ? this.pending.get(requestId) : undefined;
    if (pending === undefined) return;
    this.pending.delete(requestId as number);
    if (reply.message['type'] === 'error') {
      pending.reject(new Error(`server error: ${String(reply.message['reason'])}`));
    } else {
      pending.resolve(reply);
    }
  }
}

/**
 * Our server: ES256 access tokens signed with the bench's key, envelopes sealed with `cipher`
 * (one data key for every user: a key per user would only add setup time).
 */
export class TirelireTarget implements SyncTarget {
  constructor(
    private readonly url: string,
    private readonly keyRing: KeyRing,
    private readonly cipher: DocumentCipher,
  ) {}

  async credentialsFor(user: string): Promise<string> {
    const issued = await issueAccessToken(this.keyRing.signing, user, {
      ...TOKEN_AUDIENCE,
      ttlSeconds: TOKEN_TTL_SECONDS,
    });
    return issued.token;
  }

  connect(token: string, localAddress: string): Promise<BenchDevice> {
    return TirelireDevice.connect(this.url, token, localAddress, this.cipher);
  }

  isResync(frame: Buffer): boolean {
    return startsWith(frame, RESYNC_PREFIX);
  }

  async readLive(frame: Buffer): Promise<readonly string[]> {
    const message = parse(frame);
    if (message['type'] !== 'changes') return [];
    const documents = await Promise.all(
      envelopesOf(message).map((envelope) => openEnvelope(this.cipher, envelope)),
    );
    return documents.map((document) => document.id);
  }
}
