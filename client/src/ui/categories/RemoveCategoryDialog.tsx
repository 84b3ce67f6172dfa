import type { Category, CategoryId } from '@tirelire/shared';
import { useMemo, useState } from 'preact/hooks';
import { deleteCategory } from '../../app/use-cases/categories.ts';
import { interpolate, useLanguage, useMessages } from '../i18n/i18n.ts';
import { useServices } from '../services-context.ts';
import { countOf } from './count.ts';
import { Dialog } from './Dialog.tsx';
import { categoryMessages } from './messages.ts';
import { categoryTree, flattenTree } from './tree.ts';

interface RemoveCategoryDialogProps {
  /** Merging is deleting with a replacement that must be chosen. */
  readonly mode: 'delete' | 'merge';
  readonly category: Category;
  readonly categories: readonly Category[];
  /** Operations that use the category now. */
  readonly usage: number;
  readonly onClose: () => void;
  readonly onDone: (message: string) => void;
}

/**
 * Deletes a category or merges it into another, saying beforehand exactly what happens to its
 * operations and sub-categories. Default categories need an explicit confirmation, because the
 * model predicts their ids.
 */
export function RemoveCategoryDialog(props: RemoveCategoryDialogProps) {
  const t = useMessages(categoryMessages);
  const language = useLanguage();
  const { ledger, state } = useServices();
  const { category, mode } = props;
  const others = useMemo(
    () =>
      flattenTree(
        categoryTree(
          props.categories.filter((other) => other.id !== category.id),
          language,
        ),
      ),
    [props.categories, category.id, language],
  );
  const [targetId, setTargetId] = useState<CategoryId | null>(
    mode === 'merge' ? (others[0]?.category.id ?? null) : null,
  );
  const [isDefaultConfirmed, setIsDefaultConfirmed] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const name = category.name[language];
  const target = others.find((other) => other.category.id === targetId)?.category ?? null;
  const targetName = target?.name[language] ?? '';
  const operations = countOf(props.usage, language, {
    one: t.operationsOne,
    other: t.operationsOther,
  });
  const hasChildren = props.categories.some((other) => other.parentId === category.id);
  const canSubmit =
    !isBusy &&
    (mode === 'delete' || target !== null) &&
    (!category.isDefault || isDefaultConfirmed);

  const submit = async () => {
    setIsBusy(true);
    setError(null);
    try {
      // The latest lists, not the ones from when the dialog opened: an import may have run.
      const result = await deleteCategory(
        ledger,
        category,
        target?.id ?? null,
        state.categories.value,
        state.operations.value,
      );
      if (!result.ok) {
        setError(result.code === 'same_category' ? t.sameCategory : t.notFound);
        return;
      }
      const moved = countOf(result.value, language, {
        one: t.operationsOne,
        other: t.operationsOther,
      });
      const message = mode === 'merge' ? t.merged : target ? t.deletedMoved : t.deleted;
      props.onDone(interpolate(message, { name, target: targetName, operations: moved }));
    } catch {
      setError(t.unexpected);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Dialog
      title={interpolate(mode === 'merge' ? t.mergeTitle : t.deleteTitle, { name })}
      onClose={props.onClose}
      isBusy={isBusy}
    >
      <form
        aria-busy={isBusy}
        onSubmit={(event) => {
          event.preventDefault();
          if (canSubmit) void submit();
        }}
      >
        {(mode === 'merge' || props.usage > 0 || hasChildren) && (
          <label>
            {mode === 'merge' ? t.mergeInto : t.moveTo}
            <select
              value={targetId ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setTargetId(
                  others.find((other) => other.category.id === value)?.category.id ?? null,
                );
              }}
            >
              {mode === 'delete' && <option value="">{t.leaveUncategorised}</option>}
              {others.map(({ category: other, depth }) => (
                <option key={other.id} value={other.id}>
                  {`${'\u00a0\u00a0'.repeat(depth)}${other.icon} ${other.name[language]}`}
                </option>
              ))}
            </select>
          </label>
        )}
        <div class="remove-consequences" aria-live="polite">
          <p>
            {props.usage === 0
              ? t.noOperations
              : interpolate(target ? t.willMove : t.willBeUncategorised, {
                  operations,
                  target: targetName,
                })}
          </p>
          {hasChildren && (
            <p>{target ? interpolate(t.childrenMove, { target: targetName }) : t.childrenToTop}</p>
          )}
        </div>
        {category.isDefault && (
          <div class="warning" role="note">
            <p>{t.defaultWarning}</p>
            <label class="checkbox">
              <input
                type="checkbox"
                checked={isDefaultConfirmed}
                onChange={(event) => setIsDefaultConfirmed(event.currentTarget.checked)}
              />
              {t.confirmDefault}
            </label>
          </div>
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <div class="actions">
          <button type="button" class="secondary" onClick={props.onClose} disabled={isBusy}>
            {t.cancel}
          </button>
          <button
            type="submit"
            class={mode === 'delete' ? 'danger' : undefined}
            disabled={!canSubmit}
          >
            {isBusy ? t.working : mode === 'merge' ? t.confirmMerge : t.confirmDelete}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
