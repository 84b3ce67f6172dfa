/**
 * Bounds on what one peer may ask of the other. The server refuses anything beyond them by
 * closing the socket (SPEC P-LIMIT-1): a well-behaved client never gets near them.
 */
export const SYNC_LIMITS = {
  /** One WebSocket message, in bytes of UTF-8. A push of 200 typical operations is ~150 KiB. */
  maxMessageBytes: 2 * 1024 * 1024,
  /** Rows in one push. RxDB's push batch size is set to this. */
  maxPushRows: 200,
  /** Documents in one pull page. */
  maxPullLimit: 1000,
  /** Base64 characters of one document's ciphertext (48 KiB of plaintext, far above any row). */
  maxCiphertextChars: 65_536,
  /** Requests one socket may have unanswered at once. */
  maxRequestsInFlight: 16,
  /** Document ids: the ledger's ids are at most 64 characters. */
  maxIdChars: 64,
  /** Milliseconds a new socket has to send its `hello`. */
  helloTimeoutMs: 10_000,
} as const;
