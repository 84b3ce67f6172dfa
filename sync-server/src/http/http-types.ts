import type { HeaderList } from './response-headers.ts';

/** What the routes need from a request, copied out of the server's request object up front. */
export interface HttpRequest {
  /** As received: methods are case-sensitive (RFC 9110 §9.1). */
  readonly method: string;
  /** The raw, still percent-encoded path, without the query string. */
  readonly path: string;
  /** Header values, '' when absent. */
  readonly acceptEncoding: string;
  readonly ifNoneMatch: string;
  readonly authorization: string;
  /** The peer's IP address as text (no proxy header is trusted). */
  readonly remoteAddress: string;
  /** The body, empty when none; only the first `maxBodyBytes` are kept (see `bodyTooLarge`). */
  readonly body: Uint8Array;
  /** The client sent more than the server adapter's body limit: the body was discarded. */
  readonly bodyTooLarge: boolean;
}

export interface HttpReply {
  readonly status: number;
  readonly headers: HeaderList;
  /**
   * null: send the headers only (HEAD, 304). The reply then carries its own content-length when
   * one is due; with a body, the server adapter writes the length.
   */
  readonly body: Uint8Array | null;
}

export type HttpHandler = (request: HttpRequest) => HttpReply | Promise<HttpReply>;
