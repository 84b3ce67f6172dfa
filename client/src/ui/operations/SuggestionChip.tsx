import { categoryName, type Category, type Language, type Operation } from '@tirelire/shared';
import type { Suggestion } from '@tirelire/shared/categorize';
import type { JSX } from 'preact';
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
    // The suggestion explains the category only when it still says the same thing.
    const reason =
      suggestion && suggestion.categoryId === category.id
        ? suggestionReason(suggestion, language, ts)
        : sourceText(source, ts);
    return actionChip({
      kind: 'auto',
      category,
      reason,
      label: ts.confirmAuto,
      detail: <span class="chip-badge">{ts.autoBadge}</span>,
      input,
    });
  }
  if (!category && suggestion && suggestedCategory) {
    return actionChip({
      kind: 'suggestion',
      category: suggestedCategory,
      reason: suggestionReason(suggestion, language, ts),
      label: ts.acceptSuggestion,
      detail: <span class="chip-percent">{formatConfidence(suggestion.confidence, language)}</span>,
      input,
    });
  }
  return renderCategoryChip(category, source, language, t);
}

interface ActionChip {
  /** 'auto' confirms a category applied for the person; 'suggestion' accepts a suggestion. */
  readonly kind: 'auto' | 'suggestion';
  readonly category: Category;
  readonly reason: string;
  /** The accessible name's template, with {category} and {reason}. */
  readonly label: string;
  /** What follows the name: the "auto" badge or the confidence (hidden from assistive tech). */
  readonly detail: JSX.Element;
  readonly input: ReviewableCategory;
}

/** The chip button and its reason line, the same for both actions but for class and detail. */
function actionChip({ kind, category, reason, label, detail, input }: ActionChip) {
  const name = categoryName(category, input.language);
  return (
    <>
      <button
        type="button"
        class={`chip ${kind === 'auto' ? 'chip-suggested' : 'chip-suggestion'} chip-action`}
        style={{ '--chip-color': category.color }}
        data-action={kind === 'auto' ? 'confirm' : 'accept'}
        data-testid="suggestion-chip"
        data-kind={kind}
        tabIndex={input.tabIndex}
        title={reason}
        aria-label={interpolate(label, { category: name, reason })}
      >
        {name}
        <span aria-hidden="true">{detail}</span>
        <span class="chip-check" aria-hidden="true">
          ✓
        </span>
      </button>
      <span class="op-secondary chip-reason">{reason}</span>
    </>
  );
}
