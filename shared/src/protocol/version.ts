/**
 * The sync protocol's version. A client says which one it speaks in its `hello`; the server
 * closes the socket with `protocol_mismatch` when it speaks another (SPEC P-HELLO-2).
 *
 * Bump it with any change to a message, an envelope field, a limit or a reason code:
 * `protocol-shape.test.ts` fingerprints the schemas and fails until the new fingerprint is
 * recorded next to the new version.
 */
export const SYNC_PROTOCOL_VERSION = 1;
