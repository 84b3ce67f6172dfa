import { WebSocket, type RawData } from 'ws';

const HANDSHAKE_TIMEOUT_MS = 30_000;

/**
 * A `ws` client socket reduced to what the bench needs: text out, raw frames in. Frames are
 * handed over as Buffers, unparsed, so that the thousands of sockets that only listen cost the
 * load generator as little as possible (the figures are the servers', not this process's).
 */
export class FrameSocket {
  onFrame: (frame: Buffer) => void = () => {};
  onClose: (code: number, reason: string) => void = () => {};

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: RawData) => {
      try {
        this.onFrame(toBuffer(data));
      } catch (error) {
        // A frame this client cannot read ends the socket, not the bench (whose cleanup of
        // servers and Redis keys must still run): its requests then fail like on a close.
        ws.terminate();
        this.onClose(1002, `unreadable frame: ${String(error)}`);
        this.onClose = () => {};
      }
    });
    ws.on('close', (code: number, reason: Buffer) => this.onClose(code, reason.toString()));
    // An error is always followed by `close`, which is where the devices react.
    ws.on('error', () => {});
  }

  /** `localAddress` spreads sockets over 127.0.0.x, each with its own ephemeral port range. */
  static open(url: string, localAddress: string): Promise<FrameSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, {
        localAddress,
        perMessageDeflate: false,
        // Neither server compresses; text frames are checked by the JSON parser when read.
        skipUTF8Validation: true,
        handshakeTimeout: HANDSHAKE_TIMEOUT_MS,
        maxPayload: 64 * 1024 * 1024,
      });
      const fail = (error: Error) => reject(error);
      ws.once('error', fail);
      ws.once('open', () => {
        ws.off('error', fail);
        resolve(new FrameSocket(ws));
      });
    });
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(text: string): void {
    this.ws.send(text);
  }

  /** Drops the connection at once: closing 10,000 sockets politely takes longer than the test. */
  close(): void {
    this.ws.terminate();
  }
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

/** Whether a frame starts with these bytes: tells live frames from replies without parsing. */
export function startsWith(frame: Buffer, prefix: Buffer): boolean {
  return frame.length >= prefix.length && prefix.compare(frame, 0, prefix.length) === 0;
}
