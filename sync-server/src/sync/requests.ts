import type { ClientRequest, ServerMessage } from '@tirelire/shared/protocol';
import type { ChangeLog } from '../ports/change-log.ts';
import { FLOW_LIMITS, fitPage } from './flow-control.ts';

/** A request that is well-formed JSON but breaks a rule the schemas cannot see (P-LIMIT-1). */
export interface Refusal {
  readonly type: 'refused';
  readonly reason: string;
}

/**
 * Answers one request for the user the socket authenticated as (P-ISO-1): the user id comes
 * from the token, never from the message, so no message can reach another user's log.
 * Store failures reject; the connection turns them into `error` answers (P-ERROR-1).
 */
export async function answerRequest(
  changeLog: ChangeLog,
  userId: string,
  request: ClientRequest,
): Promise<ServerMessage | Refusal> {
  switch (request.type) {
    case 'pull': {
      const page = await changeLog.pull(userId, request.collection, request.since, request.limit);
      const documents = fitPage(page.documents, FLOW_LIMITS.maxPageChars);
      const isCut = documents.length < page.documents.length;
      const last = documents.at(-1);
      return {
        type: 'pulled',
        requestId: request.requestId,
        collection: request.collection,
        documents: [...documents],
        checkpoint: last === undefined ? page.checkpoint : last.seq,
        hasMore: page.hasMore || isCut,
      };
    }
    case 'push': {
      const stray = request.rows.find((row) => row.envelope.collection !== request.collection);
      if (stray !== undefined) {
        return {
          type: 'refused',
          reason: `a ${stray.envelope.collection} row in a push to ${request.collection}`,
        };
      }
      const outcome = await changeLog.push(userId, request.collection, request.rows);
      return {
        type: 'pushed',
        requestId: request.requestId,
        collection: request.collection,
        written: [...outcome.written],
        conflicts: [...outcome.conflicts],
      };
    }
    case 'getKey':
      return { type: 'key', requestId: request.requestId, record: await changeLog.readKey(userId) };
    case 'putKey': {
      const outcome = await changeLog.writeKey(userId, request.assumedRevision, request.record);
      return { type: 'keyStored', requestId: request.requestId, ...outcome };
    }
  }
}
