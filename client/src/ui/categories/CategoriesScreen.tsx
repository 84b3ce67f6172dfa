import { useComputed } from '@preact/signals';
import type { Category } from '@tirelire/shared';
import { useState } from 'preact/hooks';
import { useLanguage, useMessages } from '../i18n/i18n.ts';
import { navigate, routePath } from '../router.ts';
import { useServices } from '../services-context.ts';
import { CategoryFormDialog } from './CategoryFormDialog.tsx';
import { CategoryList, type CategoryAction } from './CategoryList.tsx';
import { countOf } from './count.ts';
import { categoryMessages } from './messages.ts';
import { RemoveCategoryDialog } from './RemoveCategoryDialog.tsx';
import { categoryTree, usageCounts } from './tree.ts';
import './categories.css';

type OpenDialog =
  { readonly kind: 'add' } | { readonly kind: CategoryAction; readonly category: Category } | null;

/** The category list, with add, rename/recolour, merge and delete. */
export function CategoriesScreen() {
  const t = useMessages(categoryMessages);
  const language = useLanguage();
  const { state } = useServices();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [status, setStatus] = useState('');
  // One pass over all operations, redone only when they change (not on every render).
  const usage = useComputed(() => usageCounts(state.operationsById.value.values()));
  const categories = state.categories.value;
  const tree = categoryTree(categories, language);
  const counts = usage.value;
  const close = () => setDialog(null);
  const done = (message: string) => {
    setDialog(null);
    setStatus(message);
  };

  return (
    <section class="categories">
      <div class="categories-header">
        <h1 tabIndex={-1}>{t.title}</h1>
        <div class="categories-actions">
          <a
            class="button secondary"
            href={routePath({ name: 'rules' })}
            title={t.rulesIntro}
            onClick={(event) => {
              if (event.ctrlKey || event.metaKey || event.shiftKey) return;
              event.preventDefault();
              navigate({ name: 'rules' });
            }}
          >
            {t.rules}
          </a>
          <button type="button" onClick={() => setDialog({ kind: 'add' })}>
            {t.add}
          </button>
        </div>
      </div>
      <p class="muted">{t.intro}</p>
      <p class="categories-status" role="status">
        {status}
      </p>
      <div class="card">
        <CategoryList
          nodes={tree}
          usage={counts.byCategory}
          canMerge={categories.length > 1}
          areOperationsLoaded={state.areOperationsLoaded.value}
          label={t.listLabel}
          onAction={(kind, category) => setDialog({ kind, category })}
        />
        {state.areOperationsLoaded.value && (
          <p class="category-uncategorised muted">
            {t.uncategorised}:{' '}
            {countOf(counts.uncategorised, language, {
              one: t.operationsOne,
              other: t.operationsOther,
            })}
          </p>
        )}
      </div>

      {dialog?.kind === 'add' && (
        <CategoryFormDialog category={null} categories={categories} onClose={close} onDone={done} />
      )}
      {dialog?.kind === 'edit' && (
        <CategoryFormDialog
          category={dialog.category}
          categories={categories}
          onClose={close}
          onDone={done}
        />
      )}
      {(dialog?.kind === 'merge' || dialog?.kind === 'delete') && (
        <RemoveCategoryDialog
          mode={dialog.kind}
          category={dialog.category}
          categories={categories}
          usage={counts.byCategory.get(dialog.category.id) ?? 0}
          onClose={close}
          onDone={done}
        />
      )}
    </section>
  );
}
