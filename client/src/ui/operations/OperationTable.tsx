import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type {
  Account,
  AccountId,
  Category,
  CategoryId,
  Operation,
  OperationId,
  OperationSort,
  SortField,
} from '@tirelire/shared';
import type { Suggestion } from '@tirelire/shared/categorize';
import type { QueryResult } from '../../app/operation-list.ts';
import { useLanguage, useMessages } from '../i18n/i18n.ts';
import { operationsMessages } from './messages.ts';
import { renderOperationRow } from './OperationRow.tsx';
import { suggestionMessages } from './suggestion-messages.ts';
import { useVirtualRows } from './useVirtualRows.ts';
import { targetRow } from './virtual-range.ts';

/** Fixed, so the list can be virtualised: two lines of text at any width. Matches the CSS. */
export const ROW_HEIGHT = 56;
/** Rows are rendered in the same frame as the scroll, so a few spare rows each side suffice. */
const OVERSCAN = 4;

interface OperationTableProps {
  readonly result: QueryResult;
  readonly sort: OperationSort;
  readonly onSort: (field: SortField) => void;
  /** Changes when the filter or the sort do: the list then goes back to its top. */
  readonly resetKey: string;
  readonly categoriesById: ReadonlyMap<CategoryId, Category>;
  readonly accountsById: ReadonlyMap<AccountId, Account>;
  readonly operationsById: ReadonlyMap<OperationId, Operation>;
  readonly suggestions: ReadonlyMap<OperationId, Suggestion>;
  readonly onOpen: (operation: Operation) => void;
  readonly onDelete: (operation: Operation) => void;
  /** Accepts the suggestion of an uncategorised operation, or confirms its automatic category. */
  readonly onAccept: (operation: Operation) => void;
}

/**
 * The operations as an ARIA table whose body is virtualised. Rows use a roving tabindex: the
 * table is one tab stop, arrows move between rows, Enter edits, Delete deletes, A accepts the
 * suggested category. The active row's suggestion chip is the next tab stop.
 */
export function OperationTable(props: OperationTableProps) {
  const { result } = props;
  const t = useMessages(operationsMessages);
  const ts = useMessages(suggestionMessages);
  const language = useLanguage();
  const helpId = useId();
  const count = result.operations.length;
  const virtual = useVirtualRows(count, ROW_HEIGHT, OVERSCAN);
  const [active, setActive] = useState(0);
  const shouldFocusActive = useRef(false);

  useEffect(() => {
    setActive(0);
    virtual.scrollToTop();
    // Only a new filter or sort moves the list, never an edit of the data.
  }, [props.resetKey]);

  useLayoutEffect(() => {
    if (!shouldFocusActive.current) return;
    shouldFocusActive.current = false;
    virtual.scrollerRef.current
      ?.querySelector<HTMLElement>(`[data-index="${active}"]`)
      ?.focus({ preventScroll: true });
  });

  const { start, end } = virtual.rows;
  const activeRow = Math.min(active, Math.max(0, count - 1));
  // The tab stop must be a rendered row, or Tab would skip the table once it scrolled away.
  const tabStop = activeRow >= start && activeRow < end ? activeRow : start;

  const indexOf = (target: EventTarget | null): number | null => {
    const row = target instanceof Element ? target.closest<HTMLElement>('[data-index]') : null;
    const index = Number(row?.dataset['index']);
    return row && Number.isInteger(index) ? index : null;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Keys pressed on a row itself; a link inside a row keeps its own Enter.
    if (!(event.target instanceof HTMLElement) || event.target.dataset['index'] === undefined)
      return;
    const index = indexOf(event.target);
    if (index === null) return;
    const operation = result.operations[index];
    if (!operation) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      props.onOpen(operation);
      return;
    }
    if (event.key === 'Delete') {
      event.preventDefault();
      props.onDelete(operation);
      return;
    }
    if ((event.key === 'a' || event.key === 'A') && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      props.onAccept(operation);
      return;
    }
    const target = targetRow(event.key, index, count, virtual.rowsPerPage);
    if (target === null) return;
    event.preventDefault();
    shouldFocusActive.current = true;
    setActive(target);
    virtual.reveal(target);
  };

  const sortButton = (field: SortField, label: string) => {
    const isSorted = props.sort.field === field;
    const arrow = (
      <span aria-hidden="true" class="sort-arrow">
        {isSorted ? (props.sort.direction === 'asc' ? '▲' : '▼') : ''}
      </span>
    );
    // In the right-aligned amount column the arrow goes first, so the word lines up with figures.
    return (
      <button type="button" class="sort-button" onClick={() => props.onSort(field)}>
        {field === 'amount' && arrow}
        {label}
        {field !== 'amount' && arrow}
      </button>
    );
  };
  const ariaSort = (field: SortField) =>
    props.sort.field === field
      ? props.sort.direction === 'asc'
        ? ('ascending' as const)
        : ('descending' as const)
      : undefined;

  const rows = [];
  for (let index = start; index < end; index += 1) {
    const operation = result.operations[index];
    if (!operation) continue;
    const suggestion = props.suggestions.get(operation.id);
    const peer =
      operation.transferPeerId === null
        ? undefined
        : props.operationsById.get(operation.transferPeerId);
    rows.push(
      renderOperationRow({
        operation,
        index,
        top: virtual.topOf(index),
        isTabStop: index === tabStop,
        balance: result.list.balanceAt(result.positions[index] ?? -1),
        category:
          operation.categoryId === null
            ? undefined
            : props.categoriesById.get(operation.categoryId),
        suggestion,
        suggestedCategory: suggestion ? props.categoriesById.get(suggestion.categoryId) : undefined,
        peerAccount: peer ? props.accountsById.get(peer.accountId) : undefined,
        language,
        t,
        ts,
      }),
    );
  }

  return (
    <>
      {/* Outside the table: a table may only own rows. */}
      <span id={helpId} class="visually-hidden">
        {t.tableHelp}
      </span>
      <div
        ref={virtual.scrollerRef}
        role="table"
        aria-label={t.operations}
        aria-describedby={helpId}
        aria-rowcount={count + 1}
        class="op-table"
        onScroll={virtual.onScroll}
      >
        <div role="rowgroup" class="op-head" ref={virtual.headerRef}>
          <div role="row" aria-rowindex={1} class="op-row op-head-row">
            <div role="columnheader" class="op-cell op-date" aria-sort={ariaSort('date')}>
              {sortButton('date', t.columnDate)}
            </div>
            <div role="columnheader" class="op-cell op-label" aria-sort={ariaSort('label')}>
              {sortButton('label', t.columnLabel)}
            </div>
            <div role="columnheader" class="op-cell op-category">
              {t.columnCategory}
            </div>
            <div role="columnheader" class="op-cell op-amount" aria-sort={ariaSort('amount')}>
              {sortButton('amount', t.columnAmount)}
            </div>
            <div role="columnheader" class="op-cell op-balance">
              {t.columnBalance}
            </div>
          </div>
        </div>
        <div
          role="rowgroup"
          class="op-body"
          style={{ height: `${virtual.totalHeight}px` }}
          onKeyDown={onKeyDown}
          onFocusIn={(event) => {
            const index = indexOf(event.target);
            if (index !== null && index !== active) setActive(index);
          }}
          onClick={(event) => {
            const index = indexOf(event.target);
            const operation = index === null ? undefined : result.operations[index];
            if (!operation) return;
            // The suggestion chip is a button inside the row: it accepts, it does not edit.
            const isChip =
              event.target instanceof Element && event.target.closest('[data-action]') !== null;
            if (isChip) props.onAccept(operation);
            else props.onOpen(operation);
          }}
        >
          {rows}
        </div>
      </div>
    </>
  );
}
