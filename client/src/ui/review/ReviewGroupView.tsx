import type { Account, AccountId, Category, CategoryId } from '@tirelire/shared';
import type { ReviewItem } from '../../app/categorization.ts';
import { interpolate, localeOf, useLanguage, useMessages } from '../i18n/i18n.ts';
import type { CategoryOption } from '../operations/category-options.ts';
import { operationsMessages } from '../operations/messages.ts';
import { suggestionMessages } from '../operations/suggestion-messages.ts';
import type { RuleFields } from '../rules/rule-form.ts';
import { reviewMessages } from './messages.ts';
import { ruleTextFor, shownCategoryOf, type ReviewGroup } from './review-groups.ts';
import { ReviewItemView } from './ReviewItemView.tsx';

interface ReviewGroupViewProps {
  readonly group: ReviewGroup;
  readonly activeIndex: number;
  readonly accountsById: ReadonlyMap<AccountId, Account>;
  readonly categoriesById: ReadonlyMap<CategoryId, Category>;
  readonly options: readonly CategoryOption[];
  readonly onAccept: (item: ReviewItem) => void;
  readonly onChoose: (item: ReviewItem, categoryId: CategoryId) => void;
  /** Opens the rule dialog, filled in for this merchant. */
  readonly onCreateRule: (prefill: Partial<RuleFields>) => void;
}

/** One merchant's operations to review, with "Create a rule from this" for the merchant. */
export function ReviewGroupView(props: ReviewGroupViewProps) {
  const t = useMessages(reviewMessages);
  const to = useMessages(operationsMessages);
  const ts = useMessages(suggestionMessages);
  const language = useLanguage();
  const { group } = props;
  const count = group.entries.length;
  const first = group.entries[0]?.item;

  const createRule = () =>
    props.onCreateRule({
      name: group.merchant,
      labelContains: ruleTextFor(
        group.merchant,
        group.entries.map((entry) => entry.item.operation.rawLabel || entry.item.operation.label),
      ),
      categoryId: (first && shownCategoryOf(first)) ?? '',
    });

  return (
    <section class="review-group card" aria-label={group.merchant} data-testid="review-group">
      <header class="review-group-header">
        <h2>{group.merchant}</h2>
        <span class="muted">
          {count === 1
            ? t.merchantCountOne
            : interpolate(t.merchantCountOther, {
                count: count.toLocaleString(localeOf(language)),
              })}
        </span>
        <button
          type="button"
          class="secondary small review-make-rule"
          data-testid="review-create-rule"
          aria-label={interpolate(t.createRuleFor, { merchant: group.merchant })}
          onClick={createRule}
        >
          {t.createRule}
        </button>
      </header>
      <ul class="review-items">
        {group.entries.map((entry) => (
          <ReviewItemView
            key={entry.item.operation.id}
            item={entry.item}
            index={entry.index}
            isTabStop={entry.index === props.activeIndex}
            account={props.accountsById.get(entry.item.operation.accountId)}
            categoriesById={props.categoriesById}
            options={props.options}
            language={language}
            t={t}
            to={to}
            ts={ts}
            onAccept={props.onAccept}
            onChoose={props.onChoose}
          />
        ))}
      </ul>
    </section>
  );
}
