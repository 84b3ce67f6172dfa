import { z } from 'zod';
import { syncedCollectionSchema } from './collections.ts';
import { counterSchema, documentIdSchema, storedEnvelopeSchema } from './envelope.ts';
import { keyRecordSchema } from './key-record.ts';
import { REQUEST_ERRORS } from './reasons.ts';

const requestIdSchema = z.number().int().nonnegative();

/**
 * The answer to a valid `hello`. `seq` is the user's change-log position when the live stream
 * started: `changes` continue from it without a gap (SPEC P-LIVE-1). `expiresAt` (ms) is when the
 * server will close the socket with `token_expired`.
 */
const welcomeSchema = z.object({
  type: z.literal('welcome'),
  protocol: z.number().int(),
  userId: z.string(),
  seq: counterSchema,
  expiresAt: counterSchema,
});

/** A page of a pull. `checkpoint` is the `seq` to pull from next (SPEC P-PULL-1). */
const pulledSchema = z.object({
  type: z.literal('pulled'),
  requestId: requestIdSchema,
  collection: syncedCollectionSchema,
  documents: z.array(storedEnvelopeSchema),
  checkpoint: counterSchema,
  hasMore: z.boolean(),
});

/**
 * The answer to a push: what was written, at which version and `seq`, and for every row whose
 * assumption was wrong, the document as the server has it (SPEC P-PUSH-2).
 */
const pushedSchema = z.object({
  type: z.literal('pushed'),
  requestId: requestIdSchema,
  collection: syncedCollectionSchema,
  written: z.array(z.object({ id: documentIdSchema, version: counterSchema, seq: counterSchema })),
  conflicts: z.array(storedEnvelopeSchema),
});

/**
 * Writes by any of the user's devices, this one included, in log order: the first document's
 * `seq` is `afterSeq + 1` and the rest follow one by one (SPEC P-LIVE-1).
 */
const changesSchema = z.object({
  type: z.literal('changes'),
  collection: syncedCollectionSchema,
  afterSeq: counterSchema,
  documents: z.array(storedEnvelopeSchema).min(1),
});

/** The live stream skipped something: pull every collection from its checkpoint (P-LIVE-2). */
const resyncSchema = z.object({ type: z.literal('resync') });

const keySchema = z.object({
  type: z.literal('key'),
  requestId: requestIdSchema,
  record: keyRecordSchema.nullable(),
});

/** `stored: false` means someone else changed the key first; `record` is theirs (P-KEY-2). */
const keyStoredSchema = z.object({
  type: z.literal('keyStored'),
  requestId: requestIdSchema,
  stored: z.boolean(),
  record: keyRecordSchema.nullable(),
});

/** One request failed, nothing was written, the socket stays open (SPEC P-ERROR-1). */
const errorSchema = z.object({
  type: z.literal('error'),
  requestId: requestIdSchema,
  reason: z.enum(REQUEST_ERRORS),
});

export const serverMessageSchema = z.discriminatedUnion('type', [
  welcomeSchema,
  pulledSchema,
  pushedSchema,
  changesSchema,
  resyncSchema,
  keySchema,
  keyStoredSchema,
  errorSchema,
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;
export type WelcomeMessage = z.infer<typeof welcomeSchema>;
export type PulledMessage = z.infer<typeof pulledSchema>;
export type PushedMessage = z.infer<typeof pushedSchema>;
export type ChangesMessage = z.infer<typeof changesSchema>;
export type ServerReply = Extract<ServerMessage, { requestId: number }>;
