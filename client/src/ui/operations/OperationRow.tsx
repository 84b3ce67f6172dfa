import type { Account, Category, Language, MinorUnits, Operation } from '@tirelire/shared';
import type { Suggestion } from '@tirelire/shared/categorize';
import { formatAmount, formatDate } from '../format.ts';
import { interpolate } from '../i18n/i18n.ts';
import { navigate, routePath } from '../router.ts';
import type { OperationsMessages } from './messages.ts';
import type { SuggestionMessages } from './suggestion-messages.ts';
import { renderReviewableCategory } from './SuggestionChip.tsx';

export interface OperationRowProps {
  readonly operation: Operation;
  readonly index: number;
  readonly top: number;
  readonly isTabStop: boolean;
  readonly balance: MinorUnits | undefined;
  readonly category: Category | undefined;
  /** What the categoriser suggests, while the operation waits for the person. */
  readonly suggestion: Suggestion | undefined;
  readonly suggestedCategory: Category | undefined;
  /** The account of the other half, for a transfer. */
  readonly peerAccount: Account | undefined;
  readonly language: Language;
  readonly t: OperationsMessages;
  readonly ts: SuggestionMessages;
}

function amountClass(amountMinor: number): string {
  return amountMinor < 0 ? 'amount negative' : amountMinor > 0 ? 'amount positive' : 'amount';
}

/**
 * One operation. A render function, not a component: rows come and go on every scrolled frame,
 * and skipping component instances, hooks and context lookups keeps each frame short. Clicks
 * and keys are handled once, by the table, for every row.
 */
export function renderOperationRow(props: OperationRowProps) {
  const { operation, language, peerAccount, t } = props;
  const hasRawLabel = operation.rawLabel !== '' && operation.rawLabel !== operation.label;
  const isTransfer = operation.transferPeerId !== null;
  return (
    <div
      key={operation.id}
      role="row"
      aria-rowindex={props.index + 2}
      tabIndex={props.isTabStop ? 0 : -1}
      data-index={props.index}
      class="op-row"
      style={{ transform: `translateY(${props.top}px)` }}
    >
      <div role="cell" class="op-cell op-date">
        {formatDate(operation.date, language)}
        {operation.valueDate && operation.valueDate !== operation.date && (
          <span class="op-secondary">
            {interpolate(t.valueDateShort, { date: formatDate(operation.valueDate, language) })}
          </span>
        )}
      </div>
      <div role="cell" class="op-cell op-label">
        <span class="op-main" title={hasRawLabel ? operation.rawLabel : undefined}>
          {isTransfer && (
            <span class="transfer-marker" title={t.transferMarker}>
              <span aria-hidden="true">⇄ </span>
              <span class="visually-hidden">{t.transferMarker}: </span>
            </span>
          )}
          {operation.label}
        </span>
        {isTransfer && peerAccount ? (
          <a
            class="op-secondary op-peer"
            href={routePath({ name: 'account', accountId: peerAccount.id })}
            // Rows are the list's tab stops; the edit dialog offers this link to keyboards.
            tabIndex={-1}
            onClick={(event) => {
              event.preventDefault();
              event.stopPropagation();
              navigate({ name: 'account', accountId: peerAccount.id });
            }}
          >
            {interpolate(t.transferWith, { account: peerAccount.name })}
          </a>
        ) : hasRawLabel ? (
          <span class="op-secondary">{operation.rawLabel}</span>
        ) : operation.note ? (
          <span class="op-secondary">{operation.note}</span>
        ) : null}
      </div>
      <div role="cell" class="op-cell op-category">
        {isTransfer && !props.category ? (
          // Moving money between one's own accounts is neither spending nor income: it needs no
          // category, so it should not look like one is missing.
          <span class="chip chip-none">{t.transferMarker}</span>
        ) : (
          renderReviewableCategory({
            operation,
            category: props.category,
            suggestion: props.suggestion,
            suggestedCategory: props.suggestedCategory,
            tabIndex: props.isTabStop ? 0 : -1,
            language,
            t,
            ts: props.ts,
          })
        )}
      </div>
      <div role="cell" class={`op-cell op-amount ${amountClass(operation.amountMinor)}`}>
        {formatAmount(operation.amountMinor, operation.currency, language, { signed: true })}
      </div>
      <div role="cell" class="op-cell op-balance amount">
        {props.balance === undefined
          ? ''
          : formatAmount(props.balance, operation.currency, language)}
      </div>
    </div>
  );
}
