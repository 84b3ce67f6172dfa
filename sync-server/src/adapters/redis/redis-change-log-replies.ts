import { z } from 'zod';
import {
  keyRecordSchema,
  storedEnvelopeSchema,
  syncedCollectionSchema,
  type KeyRecord,
  type StoredEnvelope,
} from '@tirelire/shared/protocol';
import type { FeedEvent, KeyWriteOutcome, PullPage, PushOutcome } from '../../ports/change-log.ts';

/**
 * Redis is a boundary too: what comes back (replies, stored JSON, feed messages) is checked
 * before it reaches the core. A bad stored value or reply is a corrupt store: the call rejects.
 * A bad feed message is the caller's to log and drop.
 */
export class UnexpectedRedisReply extends Error {
  override name = 'UnexpectedRedisReply';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Messages carry documents; an error message quotes only the beginning of one. */
function excerpt(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

export function parseStoredEnvelope(json: unknown): StoredEnvelope {
  const parsed = typeof json === 'string' ? storedEnvelopeSchema.safeParse(parseJson(json)) : null;
  if (parsed?.success !== true) {
    throw new UnexpectedRedisReply(`corrupt stored document in Redis: ${excerpt(json)}`);
  }
  return parsed.data;
}

const pushReplySchema = z.tuple([
  z.array(z.union([z.string(), z.number().int()])),
  z.array(z.string()),
]);

export function parsePushReply(reply: unknown): PushOutcome {
  const parsed = pushReplySchema.safeParse(reply);
  if (!parsed.success || parsed.data[0].length % 3 !== 0) {
    throw new UnexpectedRedisReply(`unexpected push reply from Redis: ${excerpt(reply)}`);
  }
  const [flat, conflicts] = parsed.data;
  const written: { id: string; version: number; seq: number }[] = [];
  for (let i = 0; i < flat.length; i += 3) {
    const [id, version, seq] = [flat[i], flat[i + 1], flat[i + 2]];
    if (typeof id !== 'string' || typeof version !== 'number' || typeof seq !== 'number') {
      throw new UnexpectedRedisReply(`unexpected push reply from Redis: ${excerpt(reply)}`);
    }
    written.push({ id, version, seq });
  }
  return { written, conflicts: conflicts.map(parseStoredEnvelope) };
}

const pullReplySchema = z.tuple([z.union([z.literal(0), z.literal(1)]), z.array(z.unknown())]);

export function parsePullReply(reply: unknown, since: number): PullPage {
  const parsed = pullReplySchema.safeParse(reply);
  if (!parsed.success) {
    throw new UnexpectedRedisReply(`unexpected pull reply from Redis: ${excerpt(reply)}`);
  }
  const documents = parsed.data[1].map(parseStoredEnvelope);
  return {
    documents,
    checkpoint: documents.at(-1)?.seq ?? since,
    hasMore: parsed.data[0] === 1,
  };
}

export function parseKeyRecord(json: unknown): KeyRecord | null {
  if (json === null) return null;
  const parsed = typeof json === 'string' ? keyRecordSchema.safeParse(parseJson(json)) : null;
  if (parsed?.success !== true) {
    throw new UnexpectedRedisReply(`corrupt key record in Redis: ${excerpt(json)}`);
  }
  return parsed.data;
}

const keyWriteReplySchema = z.tuple([z.union([z.literal(0), z.literal(1)]), z.unknown()]);

export function parseKeyWriteReply(reply: unknown): KeyWriteOutcome {
  const parsed = keyWriteReplySchema.safeParse(reply);
  if (!parsed.success) {
    throw new UnexpectedRedisReply(`unexpected key reply from Redis: ${excerpt(reply)}`);
  }
  return { stored: parsed.data[0] === 1, record: parseKeyRecord(parsed.data[1] ?? null) };
}

export function parseCounter(reply: string | null): number {
  const value = reply === null ? 0 : Number(reply);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new UnexpectedRedisReply(`corrupt seq counter in Redis: ${excerpt(reply)}`);
  }
  return value;
}

/** What travels on a user's feed channel: the push script's `changes`, or an announcement. */
const feedEventSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('changes'),
      collection: syncedCollectionSchema,
      afterSeq: z.number().int().nonnegative(),
      documents: z.array(storedEnvelopeSchema).min(1),
    })
    // P-LIVE-1: the listener relies on seqs following afterSeq one by one, in this collection.
    .refine((event) =>
      event.documents.every(
        (doc, n) => doc.seq === event.afterSeq + n + 1 && doc.collection === event.collection,
      ),
    ),
  z.object({
    type: z.literal('revoked'),
    reason: z.enum(['token_revoked', 'account_deleted']),
    jti: z.string().nullable(),
  }),
]);

export function parseFeedMessage(message: string): FeedEvent | undefined {
  const parsed = feedEventSchema.safeParse(parseJson(message));
  return parsed.success ? parsed.data : undefined;
}
