// The sync protocol (SPEC.md beside this file): shared by the client and the sync server.
export { SYNC_PROTOCOL_VERSION } from './version.ts';
export { SYNC_LIMITS } from './limits.ts';
export {
  SYNCED_COLLECTIONS,
  syncedCollectionSchema,
  type SyncedCollection,
} from './collections.ts';
export {
  envelopeSchema,
  storedEnvelopeSchema,
  pushRowSchema,
  type Envelope,
  type StoredEnvelope,
  type PushRow,
} from './envelope.ts';
export { keyRecordSchema, MIN_PBKDF2_ITERATIONS, type KeyRecord } from './key-record.ts';
export {
  CLOSE_REASONS,
  REQUEST_ERRORS,
  closeReasonOf,
  type CloseReason,
  type RequestError,
} from './reasons.ts';
export {
  clientMessageSchema,
  type ClientMessage,
  type ClientRequest,
  type HelloMessage,
  type PullMessage,
  type PushMessage,
  type PutKeyMessage,
} from './client-messages.ts';
export {
  serverMessageSchema,
  type ServerMessage,
  type ServerReply,
  type WelcomeMessage,
  type PulledMessage,
  type PushedMessage,
  type ChangesMessage,
} from './server-messages.ts';
export {
  decodeClientMessage,
  decodeServerMessage,
  encodeMessage,
  type DecodeFailure,
} from './codec.ts';
export { chooseWinner, isSameContent, canonicalJson, type MergeableDocument } from './conflict.ts';
