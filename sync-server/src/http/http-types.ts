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
