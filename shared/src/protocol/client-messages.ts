import { z } from 'zod';
import { syncedCollectionSchema } from './collections.ts';
import { counterSchema, pushRowSchema } from './envelope.ts';
import { keyRecordSchema } from './key-record.ts';
import { SYNC_LIMITS } from './limits.ts';

/** Chosen by the client, echoed in the answer; unique among its requests in flight. */
const requestIdSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** First message on every socket, and only then (SPEC P-HELLO-1). */
const helloSchema = z.object({
  type: z.literal('hello'),
  protocol: z.number().int(),
  token: z.string().min(1).max(4096),
});

/** Documents of one collection written after `since` (a `seq`), oldest first (SPEC P-PULL-1). */
const pullSchema = z.object({
  type: z.literal('pull'),
  requestId: requestIdSchema,
  collection: syncedCollectionSchema,
  since: counterSchema,
  limit: z.number().int().min(1).max(SYNC_LIMITS.maxPullLimit),
});

/** Writes to one collection, each checked against the version it assumes (SPEC P-PUSH-1). */
const pushSchema = z.object({
  type: z.literal('push'),
  requestId: requestIdSchema,
  collection: syncedCollectionSchema,
  rows: z.array(pushRowSchema).min(1).max(SYNC_LIMITS.maxPushRows),
});

/** The wrapped data key, if the user has one yet (SPEC P-KEY-1). */
const getKeySchema = z.object({ type: z.literal('getKey'), requestId: requestIdSchema });

/**
 * Stores a wrapped data key if the stored one is still at `assumedRevision` (0: none yet).
 * `record.revision` must be `assumedRevision + 1` (SPEC P-KEY-2).
 */
const putKeySchema = z
  .object({
    type: z.literal('putKey'),
    requestId: requestIdSchema,
    assumedRevision: counterSchema,
    record: keyRecordSchema,
  })
  .refine((message) => message.record.revision === message.assumedRevision + 1, {
    message: 'record.revision must be assumedRevision + 1',
  });

export const clientMessageSchema = z.discriminatedUnion('type', [
  helloSchema,
  pullSchema,
  pushSchema,
  getKeySchema,
  putKeySchema,
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type HelloMessage = z.infer<typeof helloSchema>;
export type PullMessage = z.infer<typeof pullSchema>;
export type PushMessage = z.infer<typeof pushSchema>;
export type PutKeyMessage = z.infer<typeof putKeySchema>;
export type ClientRequest = Exclude<ClientMessage, HelloMessage>;
