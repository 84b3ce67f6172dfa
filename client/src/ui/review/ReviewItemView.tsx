import {
  categoryName,
  type Account,
  type Category,
  type CategoryId,
  type Language,
} from '@tirelire/shared';
import type { ReviewItem } from '../../app/categorization.ts';
import { formatAmount, formatDate } from '../format.ts';
import { interpolate } from '../i18n/i18n.ts';
import type { CategoryOption } from '../operations/category-options.ts';
import type { OperationsMessages } from '../operations/messages.ts';
import type { SuggestionMessages } from '../operations/suggestion-messages.ts';
import { formatConfidence } from '../operations/suggestion-text.ts';
import { renderReviewableCategory } from '../operations/SuggestionChip.tsx';
import type { ReviewMessages } from './messages.ts';
import { alternativesOf, shownCategoryOf } from './review-groups.ts';

export interface ReviewItemViewProps {
  readonly item: ReviewItem;
  readonly index: number;
  readonly isTabStop: boolean;
  readonly account: Account | undefined;
  readonly categoriesById: ReadonlyMap<CategoryId, Category>;
  readonly options: readonly CategoryOption[];
  readonly language: Language;
  readonly t: ReviewMessages;
  readonly to: OperationsMessages;
  readonly ts: SuggestionMessages;
  readonly onAccept: (item: ReviewItem) => void;
  readonly onChoose: (item: ReviewItem, categoryId: CategoryId) => void;
}

/**
 * One operation to review: what it is, what is suggested (or applied) and why, the model's other
 * likely categories as one-key buttons, a select to correct, and Accept.
 */
export function ReviewItemView(props: ReviewItemViewProps) {
  const { item, language, t, categoriesById } = props;
  const { operation, suggestion } = item;
  const shown = shownCategoryOf(item);
  const shownCategory = shown === null ? undefined : categoriesById.get(shown);
  const alternatives = alternativesOf(suggestion, shown, (id) => categoriesById.has(id));
  const tabIndex = props.isTabStop ? 0 : -1;
  const amount = formatAmount(operation.amountMinor, operation.currency, language, {
    signed: true,
  });
  const date = formatDate(operation.date, language);
  const secondary = [
    operation.rawLabel !== '' && operation.rawLabel !== operation.label ? operation.rawLabel : '',
    props.account?.name ?? '',
  ]
    .filter((part) => part !== '')
    .join(' · ');
  const probability = (categoryId: CategoryId) =>
    suggestion?.alternatives.find((alternative) => alternative.categoryId === categoryId)?.p ?? 0;

  return (
    <li
      class="review-item"
      data-index={props.index}
      data-testid="review-item"
      data-operation-id={operation.id}
      tabIndex={tabIndex}
      aria-label={`${operation.label}, ${amount}, ${date}`}
    >
      <div class="review-op">
        <span class="review-date">{date}</span>
        <span class="review-label">
          <span class="review-main">
            {operation.transferPeerId !== null && (
              <span class="transfer-marker" title={props.to.transferMarker}>
                <span aria-hidden="true">⇄ </span>
                <span class="visually-hidden">{props.to.transferMarker}: </span>
              </span>
            )}
            {operation.label}
          </span>
          {secondary && <span class="op-secondary">{secondary}</span>}
        </span>
        <span class={`amount${operation.amountMinor < 0 ? ' negative' : ' positive'}`}>
          {amount}
        </span>
      </div>
      <div class="review-choice">
        <span class="review-shown">
          {renderReviewableCategory({
            operation,
            category:
              operation.categoryId === null ? undefined : categoriesById.get(operation.categoryId),
            suggestion,
            suggestedCategory: suggestion ? categoriesById.get(suggestion.categoryId) : undefined,
            tabIndex,
            language,
            t: props.to,
            ts: props.ts,
          })}
          {!shownCategory && <span class="op-secondary">{t.nothingToAccept}</span>}
        </span>
        {alternatives.length > 0 && (
          <span class="review-alternatives" role="group" aria-label={t.alternatives}>
            {alternatives.map((categoryId, position) => {
              const category = categoriesById.get(categoryId);
              if (!category) return null;
              const percent = formatConfidence(probability(categoryId), language);
              const name = categoryName(category, language);
              const key = String(position + 1);
              return (
                <button
                  key={categoryId}
                  type="button"
                  class="chip chip-alternative"
                  style={{ '--chip-color': category.color }}
                  data-testid="review-alternative"
                  tabIndex={tabIndex}
                  aria-keyshortcuts={key}
                  aria-label={interpolate(t.chooseAlternative, { category: name, percent, key })}
                  onClick={() => props.onChoose(item, categoryId)}
                >
                  <kbd aria-hidden="true">{key}</kbd>
                  {name}
                  <span class="chip-percent" aria-hidden="true">
                    {percent}
                  </span>
                </button>
              );
            })}
          </span>
        )}
        <select
          class="review-correct"
          aria-label={t.correct}
          data-testid="review-correct"
          tabIndex={tabIndex}
          value=""
          onChange={(event) => {
            const chosen = props.options.find(
              (option) => option.category.id === event.currentTarget.value,
            );
            if (chosen) props.onChoose(item, chosen.category.id);
          }}
        >
          <option value="">{t.correctPlaceholder}</option>
          {props.options.map((option) => (
            <option key={option.category.id} value={option.category.id}>
              {`${'\u2003'.repeat(option.depth)}${option.category.icon} ${option.name}`}
            </option>
          ))}
        </select>
        <button
          type="button"
          class="review-accept"
          data-testid="review-accept"
          tabIndex={tabIndex}
          disabled={!shownCategory}
          aria-label={
            shownCategory
              ? interpolate(t.acceptItem, {
                  category: categoryName(shownCategory, language),
                  label: operation.label,
                })
              : undefined
          }
          onClick={() => props.onAccept(item)}
        >
          {t.accept}
        </button>
      </div>
    </li>
  );
}
