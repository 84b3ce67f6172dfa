import type { RxConflictHandler } from 'rxdb';
import { chooseWinner, isSameContent } from '@tirelire/shared/protocol';

/**
 * RxDB's conflict handler for every synced collection, delegating to the protocol's rule
 * (P-MERGE-1) so that every device resolves a conflict the same way.
 */
export function ledgerConflictHandler<T>(): RxConflictHandler<T> {
  return {
    isEqual: (a, b) => isSameContent(a, b),
    resolve: (input) =>
      Promise.resolve(
        chooseWinner(
          input.newDocumentState as typeof input.newDocumentState & { updatedAt: number },
          input.realMasterState as typeof input.realMasterState & { updatedAt: number },
        ),
      ),
  };
}
