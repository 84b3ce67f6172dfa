import { STATUS_CODES } from 'node:http';
import uWS from 'uWebSockets.js';
import type { HttpResponse, TemplatedApp, us_listen_socket } from 'uWebSockets.js';
import type { HttpHandler, HttpReply, HttpRequest } from '../../http/http-types.ts';
import { textReply } from '../../http/replies.ts';
import type { Logger } from '../../log.ts';
import type { NativeUws } from './native-uws.ts';
import type { SyncHub } from '../../sync/sync-hub.ts';
import { addSyncRoute } from './uws-sync-route.ts';
// The typings for listen(host, port, options, cb) and App.close() are in uws-augment.ts.

export interface UwsHttpServerOptions {
  readonly host: string;
  /** 0 picks a free port; `port` on the server says which. */
  readonly port: number;
  readonly handler: HttpHandler;
  readonly log: Logger;
  /** From requireNativeUws(): the server refuses to exist on the pure-JS fallback. */
  readonly native: NativeUws;
  /** Bodies longer than this are discarded and flagged `bodyTooLarge`; default 16 KiB. */
  readonly maxBodyBytes?: number;
  /** Serves the sync WebSocket (SYNC_PATH) when given. */
  readonly sync?: SyncHub;
}

const DEFAULT_MAX_BODY_BYTES = 16 * 1024;
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class ListenError extends Error {
  override name = 'ListenError';
}

/** Serves an HttpHandler with uWebSockets.js; all routing lives in the handler. */
export class UwsHttpServer {
  private isClosed = false;

  private constructor(
    private readonly app: TemplatedApp,
    private readonly listenSocket: us_listen_socket,
    readonly port: number,
  ) {}

  static listen(options: UwsHttpServerOptions): Promise<UwsHttpServer> {
    const { host, port, handler, log, native } = options;
    const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const app = uWS.App();
    if (options.sync !== undefined) addSyncRoute(app, options.sync);
    app.any('/*', (res, req) => {
      // uWS aborts the whole process if a handler returns without answering or registering
      // onAborted, so this comes first, before anything that could throw.
      let isAborted = false;
      res.onAborted(() => {
        isAborted = true;
      });
      // `req` is only valid during this call: copy what the routes need before any await.
      const head = {
        method: req.getCaseSensitiveMethod(),
        path: req.getUrl(),
        acceptEncoding: req.getHeader('accept-encoding'),
        ifNoneMatch: req.getHeader('if-none-match'),
        authorization: req.getHeader('authorization'),
        remoteAddress: Buffer.from(res.getRemoteAddressAsText()).toString(),
      };
      const hasBody =
        METHODS_WITH_BODY.has(head.method) &&
        (req.getHeader('transfer-encoding') !== '' ||
          (req.getHeader('content-length') !== '' && req.getHeader('content-length') !== '0'));
      const run = (request: HttpRequest) => {
        const fail = (error: unknown) => {
          log.error(`http: ${request.method} ${request.path} failed: ${String(error)}`);
          return textReply(request.method, 500, 'Internal Server Error');
        };
        const send = (reply: HttpReply) => {
          if (!isAborted) res.cork(() => writeReply(res, reply, log));
        };
        try {
          const reply = handler(request);
          if (reply instanceof Promise)
            void reply.then(send, (error: unknown) => send(fail(error)));
          else send(reply);
        } catch (error) {
          send(fail(error));
        }
      };
      if (!hasBody) {
        run({ ...head, body: new Uint8Array(), bodyTooLarge: false });
        return;
      }
      // Chunks are only valid during the callback: copy them. Past the limit, the rest of the
      // body is read and dropped, so the connection stays in step for the next request.
      const chunks: Buffer[] = [];
      let received = 0;
      res.onData((chunk, isLast) => {
        received += chunk.byteLength;
        if (received <= maxBodyBytes) chunks.push(Buffer.from(chunk.slice(0)));
        if (!isLast) return;
        const bodyTooLarge = received > maxBodyBytes;
        run({
          ...head,
          body: bodyTooLarge ? new Uint8Array() : Buffer.concat(chunks),
          bodyTooLarge,
        });
      });
    });
    return new Promise((resolve, reject) => {
      // Exclusive: a stale server on the same port must make this one fail, not share the
      // traffic with it (uWS sets SO_REUSEPORT otherwise, see STACK.md).
      app.listen(host, port, native.exclusivePortOption, (listenSocket) => {
        if (listenSocket === false) {
          app.close();
          reject(
            new ListenError(`cannot listen on ${host}:${port} (in use, or not an address here)`),
          );
        } else {
          resolve(new UwsHttpServer(app, listenSocket, uWS.us_socket_local_port(listenSocket)));
        }
      });
    });
  }

  /** Stops accepting, then drops open (keep-alive) connections. Idempotent. */
  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    uWS.us_listen_socket_close(this.listenSocket);
    this.app.close();
  }
}

function writeReply(res: HttpResponse, reply: HttpReply, log: Logger): void {
  try {
    res.writeStatus(`${reply.status} ${STATUS_CODES[reply.status] ?? ''}`.trimEnd());
    for (const [name, value] of reply.headers) res.writeHeader(name, value);
    // endWithoutBody(length) makes this native build abort the process; the reply already
    // carries content-length when a bodiless reply needs one (HEAD).
    if (reply.body === null) res.endWithoutBody();
    else res.end(reply.body);
  } catch (error) {
    log.error(`http: could not write a response: ${String(error)}`);
    try {
      res.close();
    } catch {
      // Already gone: nothing left to close.
    }
  }
}
