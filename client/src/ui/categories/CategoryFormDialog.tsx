import type { Category, CategoryId, Language } from '@tirelire/shared';
import { useMemo, useRef, useState } from 'preact/hooks';
import { addCategory, updateCategory } from '../../app/use-cases/categories.ts';
import { interpolate, useLanguage, useMessages } from '../i18n/i18n.ts';
import { useServices } from '../services-context.ts';
import { Dialog } from './Dialog.tsx';
import {
  checkForm,
  emptyForm,
  formOf,
  MAX_ICON_LENGTH,
  MAX_NAME_LENGTH,
  toDraft,
  typeName,
  type FormProblems,
} from './draft.ts';
import { categoryMessages } from './messages.ts';
import { categoryTree, flattenTree, selfAndDescendants } from './tree.ts';

interface CategoryFormDialogProps {
  /** The category to edit, or null to add one. */
  readonly category: Category | null;
  readonly categories: readonly Category[];
  readonly onClose: () => void;
  /** Called after a successful save, with a sentence for the status line. */
  readonly onDone: (message: string) => void;
}

/** Adds a category, or renames, recolours, re-icons and re-parents one. */
export function CategoryFormDialog(props: CategoryFormDialogProps) {
  const t = useMessages(categoryMessages);
  const language = useLanguage();
  const { ledger } = useServices();
  const [form, setForm] = useState(() => (props.category ? formOf(props.category) : emptyForm()));
  const [hasTried, setHasTried] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const problems: FormProblems = hasTried ? checkForm(form) : {};

  const parents = useMemo(() => {
    const excluded = props.category
      ? selfAndDescendants(props.category.id, props.categories)
      : new Set<CategoryId>();
    return flattenTree(categoryTree(props.categories, language)).filter(
      ({ category }) => !excluded.has(category.id),
    );
  }, [props.category, props.categories, language]);

  // The person's own language first: that is the name they think of, the other gets mirrored.
  const nameLanguages: readonly Language[] = language === 'fr' ? ['fr', 'en'] : ['en', 'fr'];
  const problemText = (problem: FormProblems['en']) =>
    problem === 'required' ? t.required : problem === 'too_long' ? t.tooLong : null;

  const submit = async () => {
    setHasTried(true);
    const found = checkForm(form);
    if (Object.keys(found).length > 0) {
      // Focus the first field that needs attention, as screen readers expect.
      queueMicrotask(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setIsBusy(true);
    setError(null);
    try {
      const draft = toDraft(form);
      const result = props.category
        ? await updateCategory(ledger, props.category, draft)
        : await addCategory(ledger, draft);
      if (!result.ok) {
        setError(t.invalid);
        return;
      }
      const message = props.category ? t.saved : t.added;
      props.onDone(interpolate(message, { name: result.value.name[language] }));
    } catch {
      setError(t.unexpected);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Dialog
      title={
        props.category
          ? interpolate(t.editTitle, { name: props.category.name[language] })
          : t.addTitle
      }
      onClose={props.onClose}
      isBusy={isBusy}
    >
      <form
        ref={formRef}
        class="category-form"
        noValidate
        aria-busy={isBusy}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div class="form-grid">
          {nameLanguages.map((nameLanguage) => {
            const problem = problemText(problems[nameLanguage]);
            const hintId = `category-name-${nameLanguage}-hint`;
            return (
              <label key={nameLanguage}>
                {nameLanguage === 'en' ? t.nameEn : t.nameFr}
                <input
                  lang={nameLanguage}
                  value={form.name[nameLanguage]}
                  maxLength={MAX_NAME_LENGTH}
                  required
                  aria-invalid={problem !== null}
                  aria-describedby={hintId}
                  onInput={(event) =>
                    setForm((current) => typeName(current, nameLanguage, event.currentTarget.value))
                  }
                />
                <span id={hintId} class={problem ? 'error' : 'field-hint'}>
                  {problem ?? (form.isNameEdited[nameLanguage] ? '' : t.nameMirrorHint)}
                </span>
              </label>
            );
          })}
          <label>
            {t.color}
            <input
              type="color"
              value={form.color}
              onInput={(event) => {
                const color = event.currentTarget.value;
                setForm((current) => ({ ...current, color }));
              }}
            />
          </label>
          <label>
            {t.icon}
            <input
              value={form.icon}
              maxLength={MAX_ICON_LENGTH}
              aria-invalid={problems.icon !== undefined}
              aria-describedby="category-icon-hint"
              onInput={(event) => {
                const icon = event.currentTarget.value;
                setForm((current) => ({ ...current, icon }));
              }}
            />
            <span id="category-icon-hint" class={problems.icon ? 'error' : 'field-hint'}>
              {problems.icon ? t.iconTooLong : t.iconHint}
            </span>
          </label>
          <label>
            {t.parent}
            <select
              value={form.parentId ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                // Look the id up rather than trusting the DOM string: only real categories pass.
                const parent = parents.find(({ category }) => category.id === value);
                setForm((current) => ({ ...current, parentId: parent?.category.id ?? null }));
              }}
            >
              <option value="">{t.noParent}</option>
              {parents.map(({ category, depth }) => (
                <option key={category.id} value={category.id}>
                  {`${'\u00a0\u00a0'.repeat(depth)}${category.icon} ${category.name[language]}`}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p class="category-preview" aria-hidden="true">
          <span class="category-chip" style={{ borderColor: form.color }}>
            <span class="category-swatch" style={{ background: form.color }} />
            {form.icon} {form.name[language] || '…'}
          </span>
        </p>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <div class="actions">
          <button type="button" class="secondary" onClick={props.onClose} disabled={isBusy}>
            {t.cancel}
          </button>
          <button type="submit" disabled={isBusy}>
            {isBusy ? t.working : props.category ? t.save : t.create}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
