import { categoryName, type Category, type Language, type Operation } from '@tirelire/shared';
import type { Suggestion } from '@tirelire/shared/categorize';
import { interpolate } from '../i18n/i18n.ts';
import { renderCategoryChip } from './CategoryChip.tsx';
import type { OperationsMessages } from './messages.ts';
import type { SuggestionMessages } from './suggestion-messages.ts';
import { formatConfidence, sourceText, suggestionReason } from './suggestion-text.ts';

/** What the category cell of an operation needs to show a suggestion or an automatic category. */
export interface ReviewableCategory {
  readonly operation: Operation;
  /** The operation's own category, if it has one. */
  readonly category: Category | undefined;
  readonly suggestion: Suggestion | undefined;
  /** The suggestion's category, if it still exists. */
  readonly suggestedCategory: Category | undefined;
  /** Rows are the list's tab stops; only the active row's chip joins the tab order. */
  readonly tabIndex: 0 | -1;
  readonly language: Language;
  readonly t: OperationsMessages;
  readonly ts: SuggestionMessages;
}

/**
 * The category of an operation, as something to act on when it still needs the person:
 * - uncategorised with a suggestion: a dashed chip with the suggested category and confidence,
 *   one click (or Enter/Space) accepts it (`data-action="accept"`);
 * - categorised automatically (rule, memory, model) and unconfirmed: the category with an "auto"
 *   badge, one click confirms it (`data-action="confirm"`);
 * - otherwise, the plain chip.
 * The reason is on the line below. A render function like the row it sits in; the table handles
 * clicks by delegation, so no closure is made per chip.
 */
export function renderReviewableCategory(input: ReviewableCategory) {
  const { operation, category, suggestion, suggestedCategory, language, t, ts } = input;
  const source = operation.categorySource;
  if (category && source !== null && source !== 'user') {
    const name = categoryName(category, language);
    // The suggestion explains the category only when it still says the same thing.
    const reason =
      suggestion && suggestion.categoryId === category.id
        ? suggestionReason(suggestion, language, ts)
        : sourceText(source, ts);
    return (
      <>
        <button
          type="button"
          class="chip chip-suggested chip-action"
          style={{ '--chip-color': category.color }}
          data-action="confirm"
          data-testid="suggestion-chip"
          data-kind="auto"
          tabIndex={input.tabIndex}
          title={reason}
          aria-label={interpolate(ts.confirmAuto, { category: name, reason })}
        >
          {name}
          <span class="chip-badge" aria-hidden="true">
            {ts.autoBadge}
          </span>
          <span class="chip-check" aria-hidden="true">
            ✓
          </span>
        </button>
        <span class="op-secondary chip-reason">{reason}</span>
      </>
    );
  }
  if (!category && suggestion && suggestedCategory) {
    const name = categoryName(suggestedCategory, language);
    const reason = suggestionReason(suggestion, language, ts);
    return (
      <>
        <button
          type="button"
          class="chip chip-suggestion chip-action"
          style={{ '--chip-color': suggestedCategory.color }}
          data-action="accept"
          data-testid="suggestion-chip"
          data-kind="suggestion"
          tabIndex={input.tabIndex}
          title={reason}
          aria-label={interpolate(ts.acceptSuggestion, { category: name, reason })}
        >
          {name}
          <span class="chip-percent" aria-hidden="true">
            {formatConfidence(suggestion.confidence, language)}
          </span>
          <span class="chip-check" aria-hidden="true">
            ✓
          </span>
        </button>
        <span class="op-secondary chip-reason">{reason}</span>
      </>
    );
  }
  return renderCategoryChip(category, source, language, t);
}
