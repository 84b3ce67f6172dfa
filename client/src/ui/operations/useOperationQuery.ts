import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Account, Operation, OperationFilter, OperationSort } from '@tirelire/shared';
import { OperationList, type QueryResult } from '../../app/operation-list.ts';

/** Idle callbacks where the browser has them (not Safari), short timeouts elsewhere. */
function whenIdle(work: (isTimeUp: () => boolean) => boolean): () => void {
  let cancelled = false;
  let cancel = () => {};
  const step = () => {
    if (cancelled) return;
    if (typeof requestIdleCallback === 'function') {
      // The timeout keeps the work going on a page that is never idle, 8 ms at a time.
      const handle = requestIdleCallback(
        (deadline) => {
          const end = performance.now() + 8;
          const isTimeUp = deadline.didTimeout
            ? () => performance.now() > end
            : () => deadline.timeRemaining() < 2;
          if (!work(isTimeUp)) step();
        },
        { timeout: 500 },
      );
      cancel = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(() => {
        const end = performance.now() + 8;
        if (!work(() => performance.now() > end)) step();
      }, 16);
      cancel = () => clearTimeout(handle);
    }
  };
  step();
  return () => {
    cancelled = true;
    cancel();
  };
}

/**
 * The account's operations, filtered and sorted, recomputed only when the data, the filter or
 * the sort change. The list object is carried from one version to the next so an edit costs a
 * merge, not a sort of 100k operations; search keys are computed while the browser is idle.
 */
export function useOperationQuery(
  account: Account,
  operations: readonly Operation[],
  filter: OperationFilter,
  sort: OperationSort,
): QueryResult {
  const listRef = useRef<OperationList | undefined>(undefined);
  const list = useMemo(
    () => OperationList.of(account, operations, listRef.current),
    [account, operations],
  );
  listRef.current = list;

  const previous = useRef<QueryResult | undefined>(undefined);
  const result = useMemo(() => list.query(filter, sort, previous.current), [list, filter, sort]);
  previous.current = result;

  useEffect(() => whenIdle((isTimeUp) => list.warmSearchKeys(isTimeUp)), [list]);
  return result;
}
