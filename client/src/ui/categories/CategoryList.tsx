import type { Category, CategoryId } from '@tirelire/shared';
import { interpolate, useLanguage, useMessages } from '../i18n/i18n.ts';
import { countOf } from './count.ts';
import { categoryMessages } from './messages.ts';
import type { CategoryNode } from './tree.ts';

export type CategoryAction = 'edit' | 'merge' | 'delete';

interface CategoryListProps {
  readonly nodes: readonly CategoryNode[];
  readonly usage: ReadonlyMap<CategoryId, number>;
  /** Merging needs somewhere to merge into. */
  readonly canMerge: boolean;
  /**
   * Merge and delete move operations, so they wait until every operation is in memory; until
   * then counts are unknown too.
   */
  readonly areOperationsLoaded: boolean;
  readonly onAction: (action: CategoryAction, category: Category) => void;
  readonly label?: string;
}

/** Categories as nested lists, so a screen reader announces each sub-category's level. */
export function CategoryList(props: CategoryListProps) {
  return (
    <ul class="category-list" aria-label={props.label}>
      {props.nodes.map((node) => (
        <CategoryRow key={node.category.id} node={node} {...props} />
      ))}
    </ul>
  );
}

function CategoryRow(props: CategoryListProps & { readonly node: CategoryNode }) {
  const t = useMessages(categoryMessages);
  const language = useLanguage();
  const { category, children } = props.node;
  const name = category.name[language];
  const count = props.usage.get(category.id) ?? 0;
  return (
    <li>
      <div class="category-row">
        <span class="category-icon" aria-hidden="true">
          {category.icon}
        </span>
        <span class="category-swatch" style={{ background: category.color }} aria-hidden="true" />
        <span class="category-name">{name}</span>
        {category.isDefault && (
          <span class="category-badge" title={t.defaultHint}>
            {t.defaultBadge}
          </span>
        )}
        <span class="category-count muted">
          {props.areOperationsLoaded
            ? countOf(count, language, { one: t.operationsOne, other: t.operationsOther })
            : '…'}
        </span>
        <span class="category-actions">
          <button
            type="button"
            class="secondary"
            aria-label={interpolate(t.editLabel, { name })}
            onClick={() => props.onAction('edit', category)}
          >
            {t.edit}
          </button>
          <button
            type="button"
            class="secondary"
            aria-label={interpolate(t.mergeLabel, { name })}
            disabled={!props.canMerge || !props.areOperationsLoaded}
            onClick={() => props.onAction('merge', category)}
          >
            {t.merge}
          </button>
          <button
            type="button"
            class="secondary danger-text"
            aria-label={interpolate(t.deleteLabel, { name })}
            disabled={!props.areOperationsLoaded}
            onClick={() => props.onAction('delete', category)}
          >
            {t.delete}
          </button>
        </span>
      </div>
      {children.length > 0 && <CategoryList {...props} nodes={children} label={undefined} />}
    </li>
  );
}
