import type { HttpReply } from './http-types.ts';
import { CACHE_NONE, SECURITY_HEADERS, type HeaderList } from './response-headers.ts';

/**
 * Sends `body` for GET; for HEAD, the same headers with the length a GET would get, and no
 * bytes (RFC 9110 §9.3.2).
 */
export function replyWith(
  method: string,
  status: number,
  headers: HeaderList,
  body: Uint8Array,
): HttpReply {
  return method === 'HEAD'
    ? { status, headers: [...headers, ['content-length', String(body.byteLength)]], body: null }
    : { status, headers, body };
}

export function textReply(method: string, status: number, text: string): HttpReply {
  const headers: HeaderList = [
    ['content-type', 'text/plain; charset=utf-8'],
    ['cache-control', CACHE_NONE],
    ...SECURITY_HEADERS,
  ];
  return replyWith(method, status, headers, Buffer.from(text));
}

export function jsonReply(method: string, status: number, value: unknown): HttpReply {
  const headers: HeaderList = [
    ['content-type', 'application/json; charset=utf-8'],
    ['cache-control', CACHE_NONE],
    ...SECURITY_HEADERS,
  ];
  return replyWith(method, status, headers, Buffer.from(JSON.stringify(value)));
}
