import { categoryName, type Category, type CategorySource, type Language } from '@tirelire/shared';
import type { OperationsMessages } from './messages.ts';

/**
 * A category as a coloured chip, in as few elements as possible (the dot is a ::before), and as
 * a plain render function rather than a component: the list renders a few dozen of these on
 * every scrolled frame.
 * A category chosen by a rule, memory or the model, and not confirmed yet, is drawn dashed and says so to screen readers: suggestions must never pass for choices.
 */
export function renderCategoryChip(
  category: Category | undefined,
  source: CategorySource | null,
  language: Language,
  t: OperationsMessages,
) {
  if (!category) return <span class="chip chip-none">{t.noCategory}</span>;
  const isSuggested = source !== null && source !== 'user';
  return (
    <span
      class={`chip${isSuggested ? ' chip-suggested' : ''}`}
      style={{ '--chip-color': category.color }}
    >
      {categoryName(category, language)}
      {isSuggested && <span class="visually-hidden"> ({t.suggested})</span>}
    </span>
  );
}
