/**
 * Why the server closed a socket. Each has a WebSocket close code of its own (4000–4999 are for
 * applications), so a client can act on the code alone: reconnect, refresh its token, or stop
 * and tell the person (SPEC P-CLOSE-1).
 */
export const CLOSE_REASONS = {
  /** The client speaks another protocol version: reload to update the app. */
  protocol_mismatch: 4000,
  /** A message was not JSON, not a known message, broke a limit, or came out of order. */
  malformed_message: 4001,
  /** The token in `hello` is not a valid access token of this server. */
  unauthenticated: 4002,
  /** The access token expired while the socket was open: refresh it, then reconnect. */
  token_expired: 4003,
  /** The session behind the token was logged out: stop syncing. */
  token_revoked: 4004,
  /** The account was deleted: stop syncing and forget the session. */
  account_deleted: 4005,
  /** No `hello` within the allowed time. */
  hello_timeout: 4006,
  /** The client did not read what it was sent fast enough (SPEC P-FLOW-1). */
  slow_consumer: 4007,
  /** The server is stopping; another instance (or this one, restarted) will answer. */
  server_shutdown: 4008,
  /** The server cannot reach its store right now: reconnect a little later. */
  unavailable: 4009,
} as const;
export type CloseReason = keyof typeof CLOSE_REASONS;

const REASON_BY_CODE = new Map<number, CloseReason>(
  Object.entries(CLOSE_REASONS).map(([reason, code]) => [code, reason as CloseReason]),
);

/** The reason behind a close code, or null for codes this protocol does not define. */
export function closeReasonOf(code: number): CloseReason | null {
  return REASON_BY_CODE.get(code) ?? null;
}

/**
 * Why a single request failed while the socket stays open (`error` messages). The client retries
 * these later; nothing was written (SPEC P-ERROR-1).
 */
export const REQUEST_ERRORS = ['store_unavailable', 'too_many_requests', 'key_missing'] as const;
export type RequestError = (typeof REQUEST_ERRORS)[number];
