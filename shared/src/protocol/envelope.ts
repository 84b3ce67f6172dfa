import { z } from 'zod';
import { syncedCollectionSchema } from './collections.ts';
import { SYNC_LIMITS } from './limits.ts';

/** Standard base64 (what `btoa` and `Buffer#toString('base64')` write), padding included. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
export const base64Schema = (maxChars: number) =>
  z.string().max(maxChars).regex(BASE64, 'must be base64');

/** AES-GCM's recommended 96-bit nonce, base64: 16 characters. */
const ivSchema = z.string().length(16).regex(BASE64, 'must be base64');
const idSchema = z.string().min(1).max(SYNC_LIMITS.maxIdChars);
const counterSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/**
 * One document as the server sees it: who it is, where it stands, and bytes it cannot read.
 * `version` counts the writes the server accepted for this document (1 for the first).
 * `updatedAt` and `deleted` are in the clear so the server can be operated (and the conflict
 * rule can be explained); the document itself, labels and amounts included, is only in
 * `ciphertext`. `keyId` names the data key that encrypted it (SPEC P-ENVELOPE-1).
 */
export const envelopeSchema = z.object({
  id: idSchema,
  collection: syncedCollectionSchema,
  version: counterSchema.min(1),
  deleted: z.boolean(),
  updatedAt: counterSchema,
  ciphertext: base64Schema(SYNC_LIMITS.maxCiphertextChars).min(1),
  iv: ivSchema,
  keyId: z.string().min(1).max(64),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** An envelope as stored: `seq` is its place in the user's change log (SPEC P-PULL-1). */
export const storedEnvelopeSchema = envelopeSchema.extend({ seq: counterSchema.min(1) });
export type StoredEnvelope = z.infer<typeof storedEnvelopeSchema>;

/**
 * A write: "I last saw this document at `assumedVersion` (0: I have never seen it); here is its
 * next state". The envelope's `version` must be `assumedVersion + 1` (SPEC P-PUSH-1).
 */
export const pushRowSchema = z
  .object({ assumedVersion: counterSchema, envelope: envelopeSchema })
  .refine((row) => row.envelope.version === row.assumedVersion + 1, {
    message: 'envelope.version must be assumedVersion + 1',
  });
export type PushRow = z.infer<typeof pushRowSchema>;

export { idSchema as documentIdSchema, counterSchema, ivSchema };
