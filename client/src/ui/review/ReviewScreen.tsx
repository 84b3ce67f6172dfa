import { categoryName, type CategoryId, type Operation } from '@tirelire/shared';
import { normalizeLabel } from '@tirelire/shared/categorize';
import { useId, useMemo, useState } from 'preact/hooks';
import type { ReviewItem } from '../../app/categorization.ts';
import { interpolate, localeOf, useLanguage, useMessages } from '../i18n/i18n.ts';
import { acceptShownCategories } from '../operations/accept-category.ts';
import { categoryOptions } from '../operations/category-options.ts';
import { describeError } from '../operations/errors.ts';
import { navigate, routePath } from '../router.ts';
import { RuleDialog } from '../rules/RuleDialog.tsx';
import type { RuleFields } from '../rules/rule-form.ts';
import { useServices } from '../services-context.ts';
import { reviewMessages } from './messages.ts';
import { ModelStatusNote } from './ModelStatusNote.tsx';
import {
  alternativesOf,
  groupByMerchant,
  REVIEW_PAGE_SIZE,
  shownCategoryOf,
} from './review-groups.ts';
import { isOwnedByControl, reviewKeyAction } from './review-keys.ts';
import { ReviewGroupView } from './ReviewGroupView.tsx';
import { useReviewFocus } from './useReviewFocus.ts';
import '../operations/operations.css';
import './review.css';

/** The merchant an operation is grouped under; the label itself when normalising leaves nothing. */
function merchantKeyOf(operation: Operation): string {
  return normalizeLabel(operation.rawLabel || operation.label).merchantKey || operation.label;
}

/**
 * The review queue: every operation still waiting for the person, most valuable merchants first,
 * a page at a time. One tab stop (roving focus): j/k or arrows move, Enter or A accepts, 1–3 pick
 * an alternative; accepting moves on to the next operation.
 */
export function ReviewScreen() {
  const t = useMessages(reviewMessages);
  const language = useLanguage();
  const { state, categorization } = useServices();
  const queue = categorization.reviewQueue.value;
  const categories = state.categories.value;
  const categoriesById = state.categoriesById.value;
  const accountsById = state.accountsById.value;
  const [limit, setLimit] = useState(REVIEW_PAGE_SIZE);
  const [announcement, setAnnouncement] = useState('');
  const [ruleFor, setRuleFor] = useState<Partial<RuleFields> | null>(null);
  const keysHelpId = useId();
  const merchants = useMemo(() => new Map<string, string>(), []);
  const merchantOf = (operation: Operation) => {
    const raw = operation.rawLabel || operation.label;
    let key = merchants.get(raw);
    if (key === undefined) {
      key = merchantKeyOf(operation);
      merchants.set(raw, key);
    }
    return key;
  };
  const groups = useMemo(() => groupByMerchant(queue, limit, merchantOf), [queue, limit]);
  const entries = useMemo(() => groups.flatMap((group) => group.entries), [groups]);
  const options = useMemo(() => categoryOptions(categories, language), [categories, language]);
  const count = entries.length;
  const focus = useReviewFocus(count);
  const { activeIndex } = focus;

  const fail = (error: unknown) =>
    setAnnouncement(interpolate(t.failed, { reason: describeError(error) }));

  const accept = (item: ReviewItem) => {
    const shown = shownCategoryOf(item);
    const category = shown === null ? undefined : categoriesById.get(shown);
    if (!category) return;
    focus.followRemoval();
    setAnnouncement(
      interpolate(t.accepted, {
        label: item.operation.label,
        category: categoryName(category, language),
      }),
    );
    void acceptShownCategories(categorization, [item.operation]).catch(fail);
  };

  const choose = (item: ReviewItem, categoryId: CategoryId) => {
    const category = categoriesById.get(categoryId);
    if (!category) return;
    focus.followRemoval();
    setAnnouncement(
      interpolate(t.accepted, {
        label: item.operation.label,
        category: categoryName(category, language),
      }),
    );
    void categorization.choose([item.operation.id], categoryId).catch(fail);
  };

  const acceptAllShown = () => {
    const ready = entries.filter((entry) => shownCategoryOf(entry.item) !== null);
    if (ready.length === 0) return;
    focus.followRemoval(0);
    setAnnouncement(
      interpolate(t.acceptedMany, { count: ready.length.toLocaleString(localeOf(language)) }),
    );
    void acceptShownCategories(
      categorization,
      ready.map((entry) => entry.item.operation),
    ).catch(fail);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (isOwnedByControl(event.target, event.key)) return;
    const action = reviewKeyAction(event, activeIndex, count);
    const entry = entries[activeIndex];
    if (!action || !entry) return;
    event.preventDefault();
    switch (action.kind) {
      case 'move':
        focus.moveTo(action.to);
        return;
      case 'accept':
        accept(entry.item);
        return;
      case 'alternative': {
        const shown = shownCategoryOf(entry.item);
        const alternatives = alternativesOf(entry.item.suggestion, shown, (id) =>
          categoriesById.has(id),
        );
        const chosen = alternatives[action.index];
        if (chosen) choose(entry.item, chosen);
      }
    }
  };

  const header = (
    <div class="review-header">
      <h1 tabIndex={-1}>{t.title}</h1>
      <a
        class="button secondary"
        href={routePath({ name: 'rules' })}
        onClick={(event) => {
          if (event.ctrlKey || event.metaKey || event.shiftKey) return;
          event.preventDefault();
          navigate({ name: 'rules' });
        }}
      >
        {t.rules}
      </a>
    </div>
  );

  if (!state.areOperationsLoaded.value) {
    return (
      <section class="review" aria-busy="true">
        {header}
        <p role="status">{t.loading}</p>
        <progress aria-label={t.loading} />
      </section>
    );
  }

  const total = queue.length;
  const number = (value: number) => value.toLocaleString(localeOf(language));
  const readyCount = entries.filter((entry) => shownCategoryOf(entry.item) !== null).length;

  return (
    <section class="review">
      {header}
      <p class="muted review-intro">{t.intro}</p>
      <ModelStatusNote />
      <p class="review-status" role="status" data-testid="review-status">
        {announcement}
      </p>
      {total === 0 ? (
        <div class="card review-empty" data-testid="review-empty">
          <h2>{t.emptyTitle}</h2>
          <p>{t.emptyBody}</p>
        </div>
      ) : (
        <>
          <div class="review-toolbar">
            <p class="review-count" data-testid="review-total">
              <strong>
                {total === 1 ? t.countOne : interpolate(t.countOther, { count: number(total) })}
              </strong>
              {total > count && <> {interpolate(t.showing, { shown: number(count) })}</>}
            </p>
            <button
              type="button"
              data-testid="review-accept-all"
              disabled={readyCount === 0}
              onClick={acceptAllShown}
            >
              {interpolate(t.acceptAllShownCount, { count: number(readyCount) })}
            </button>
          </div>
          <p class="muted review-keys" id={keysHelpId}>
            {t.keysHelp}
          </p>
          <div
            ref={focus.listRef}
            class="review-list"
            role="region"
            aria-label={t.listLabel}
            aria-describedby={keysHelpId}
            onKeyDown={onKeyDown}
            onFocusIn={focus.onFocusIn}
            onClick={(event) => {
              // The suggestion chip accepts, like the Accept button.
              const chip =
                event.target instanceof Element ? event.target.closest('[data-action]') : null;
              const row = chip?.closest<HTMLElement>('[data-index]');
              const entry = row ? entries[Number(row.dataset['index'])] : undefined;
              if (entry) accept(entry.item);
            }}
          >
            {groups.map((group) => (
              <ReviewGroupView
                key={group.merchant}
                group={group}
                activeIndex={activeIndex}
                accountsById={accountsById}
                categoriesById={categoriesById}
                options={options}
                onAccept={accept}
                onChoose={choose}
                onCreateRule={setRuleFor}
              />
            ))}
          </div>
          {total > count && (
            <button
              type="button"
              class="secondary review-more"
              onClick={() => setLimit(limit + REVIEW_PAGE_SIZE)}
            >
              {interpolate(t.showMore, {
                count: number(Math.min(REVIEW_PAGE_SIZE, total - count)),
              })}
            </button>
          )}
        </>
      )}
      {ruleFor && (
        <RuleDialog
          rule={null}
          prefill={ruleFor}
          onClose={() => setRuleFor(null)}
          onSaved={(rule) => {
            setRuleFor(null);
            setAnnouncement(interpolate(t.ruleSaved, { name: rule.name }));
          }}
        />
      )}
    </section>
  );
}
