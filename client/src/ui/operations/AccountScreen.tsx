import { useMemo, useRef, useState } from 'preact/hooks';
import type { Account, Operation, OperationSort, SortField } from '@tirelire/shared';
import { accountTypeNames } from '../accounts/messages.ts';
import { formatAmount } from '../format.ts';
import { interpolate, localeOf, useLanguage, useMessages } from '../i18n/i18n.ts';
import { navigate, routePath } from '../router.ts';
import { useServices } from '../services-context.ts';
import { acceptShownCategories } from './accept-category.ts';
import { describeError } from './errors.ts';
import { DeleteOperationDialog } from './DeleteOperationDialog.tsx';
import { DEFAULT_SORT, EMPTY_FILTER_FIELDS, filterOf, type FilterFields } from './filter-form.ts';
import { Filters } from './Filters.tsx';
import { operationsMessages } from './messages.ts';
import { OperationDialog } from './OperationDialog.tsx';
import { OperationTable } from './OperationTable.tsx';
import { TransferDialog } from './TransferDialog.tsx';
import { useOperationQuery } from './useOperationQuery.ts';
import { useThrottledText } from './useThrottledText.ts';
import './operations.css';

const NO_OPERATIONS: readonly Operation[] = [];
/** The search waits this long after a keystroke that follows another (see useThrottledText). */
const SEARCH_DELAY_MS = 100;

type DialogState =
  | { readonly kind: 'add' }
  /** Editing; `isDeleting` stacks the confirmation over the form, which keeps what was typed. */
  | { readonly kind: 'edit'; readonly operation: Operation; readonly isDeleting: boolean }
  | { readonly kind: 'delete'; readonly operation: Operation }
  | { readonly kind: 'transfer' };

/** Default direction when a column header is clicked the first time: newest, largest, A→Z. */
const FIRST_DIRECTION: Record<SortField, OperationSort['direction']> = {
  date: 'desc',
  amount: 'desc',
  label: 'asc',
};

export function AccountScreen({ accountId }: { readonly accountId: string }) {
  const t = useMessages(operationsMessages);
  const { state } = useServices();
  const account = state.accounts.value.find((candidate) => candidate.id === accountId);
  if (!account) {
    return (
      <section>
        <h1 tabIndex={-1}>{t.accountNotFound}</h1>
        <p>{t.accountNotFoundBody}</p>
        <BackLink />
      </section>
    );
  }
  // Keyed, so filters and dialogs start afresh on another account.
  return <AccountView key={account.id} account={account} />;
}

function BackLink() {
  const t = useMessages(operationsMessages);
  return (
    <a
      class="back-link"
      href={routePath({ name: 'home' })}
      onClick={(event) => {
        event.preventDefault();
        navigate({ name: 'home' });
      }}
    >
      <span aria-hidden="true">← </span>
      {t.backToAccounts}
    </a>
  );
}

function AccountView({ account }: { readonly account: Account }) {
  const t = useMessages(operationsMessages);
  const types = useMessages(accountTypeNames);
  const language = useLanguage();
  const { state, categorization } = useServices();
  const operations = state.operationsByAccount.value.get(account.id) ?? NO_OPERATIONS;
  const isLoaded = state.areOperationsLoaded.value;
  const balance = state.balances.value.get(account.id);
  const categories = state.categories.value;

  const search = useThrottledText('', SEARCH_DELAY_MS);
  const [fields, setFields] = useState<FilterFields>(EMPTY_FILTER_FIELDS);
  const [sort, setSort] = useState<OperationSort>(DEFAULT_SORT);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [acceptError, setAcceptError] = useState<string | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  // A deleted row cannot take focus back from its dialog: give it to the list's current row.
  const afterDelete = () => {
    setDialog(null);
    requestAnimationFrame(() =>
      sectionRef.current?.querySelector<HTMLElement>('[role="row"][tabindex="0"]')?.focus(),
    );
  };

  const { filter, errors } = useMemo(
    () => filterOf({ ...fields, text: search.applied }, account.currency, language, categories),
    [fields, search.applied, account.currency, language, categories],
  );
  const result = useOperationQuery(account, operations, filter, sort);
  const resetKey = JSON.stringify([filter, sort]);

  const count = result.operations.length;
  const total = result.list.size;
  const number = (value: number) => value.toLocaleString(localeOf(language));
  const countText =
    count !== total
      ? interpolate(t.countFiltered, { count: number(count), total: number(total) })
      : total === 1
        ? t.countOne
        : interpolate(t.countAll, { count: number(total) });

  const accept = (operation: Operation) => {
    // An uncategorised transfer shows "Transfer", not a suggestion: there is nothing to accept.
    if (operation.transferPeerId !== null && operation.categoryId === null) return;
    setAcceptError(null);
    void acceptShownCategories(categorization, [operation]).catch((error: unknown) =>
      setAcceptError(interpolate(t.acceptFailed, { reason: describeError(error) })),
    );
  };

  const onSort = (field: SortField) =>
    setSort(
      sort.field === field
        ? { field, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
        : { field, direction: FIRST_DIRECTION[field] },
    );
  const clear = () => {
    search.reset('');
    setFields(EMPTY_FILTER_FIELDS);
  };
  const subtitle = [types[account.type], account.institution, account.currency]
    .filter((part) => part !== '')
    .join(' · ');

  return (
    <section class="account-screen" ref={sectionRef}>
      <BackLink />
      <header class="account-header">
        <div>
          <h1 tabIndex={-1}>{account.name}</h1>
          <p class="muted account-subtitle">{subtitle}</p>
        </div>
        <p class="account-balance">
          <span class="muted">{t.balance}</span>
          <strong
            class={`amount${balance !== undefined && balance < 0 ? ' negative' : ''}`}
            aria-busy={!isLoaded}
          >
            {balance === undefined ? '…' : formatAmount(balance, account.currency, language)}
          </strong>
        </p>
      </header>
      <div class="account-actions">
        <button type="button" onClick={() => setDialog({ kind: 'add' })}>
          <span aria-hidden="true">+ </span>
          {t.addOperation}
        </button>
        <button type="button" class="secondary" onClick={() => setDialog({ kind: 'transfer' })}>
          <span aria-hidden="true">⇄ </span>
          {t.transfer}
        </button>
      </div>
      <Filters
        fields={{ ...fields, text: search.text }}
        errors={errors}
        categories={categories}
        sort={sort}
        onChange={(change) => {
          if (change.text !== undefined) search.update(change.text);
          const { text: _text, ...rest } = change;
          if (Object.keys(rest).length > 0) setFields({ ...fields, ...rest });
        }}
        onSortChange={setSort}
        onClear={clear}
      />
      {!isLoaded ? (
        <div class="loading" aria-live="polite">
          <p>{t.loadingOperations}</p>
          <div role="progressbar" aria-label={t.loadingOperations} class="progress" />
        </div>
      ) : (
        <>
          <p class="op-count" role="status">
            {countText}
          </p>
          {acceptError && (
            <p role="alert" class="error">
              {acceptError}
            </p>
          )}
          {total === 0 ? (
            <p class="empty-state card">{t.emptyAccount}</p>
          ) : (
            <>
              {count === 0 && (
                <div class="empty-state card">
                  <p>{t.emptyFiltered}</p>
                  <button type="button" class="secondary" onClick={clear}>
                    {t.clearFilters}
                  </button>
                </div>
              )}
              <OperationTable
                result={result}
                sort={sort}
                onSort={onSort}
                resetKey={resetKey}
                categoriesById={state.categoriesById.value}
                accountsById={state.accountsById.value}
                operationsById={state.operationsById.value}
                suggestions={categorization.suggestions.value}
                onAccept={accept}
                onOpen={(operation) => setDialog({ kind: 'edit', operation, isDeleting: false })}
                onDelete={(operation) => setDialog({ kind: 'delete', operation })}
              />
            </>
          )}
        </>
      )}
      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <OperationDialog
          account={account}
          operation={dialog.kind === 'edit' ? dialog.operation : null}
          onClose={() => setDialog(null)}
          onDelete={(operation) => setDialog({ kind: 'edit', operation, isDeleting: true })}
        />
      )}
      {(dialog?.kind === 'delete' || (dialog?.kind === 'edit' && dialog.isDeleting)) && (
        <DeleteOperationDialog
          operation={dialog.operation}
          onDone={afterDelete}
          onCancel={() =>
            setDialog(dialog.kind === 'edit' ? { ...dialog, isDeleting: false } : null)
          }
        />
      )}
      {dialog?.kind === 'transfer' && (
        <TransferDialog account={account} onClose={() => setDialog(null)} />
      )}
    </section>
  );
}
