import type { Category, CategoryId, Language } from '@tirelire/shared';
import type { CategoryDraft } from '../../app/use-cases/categories.ts';

/** The category form's state: both names, and which of them the person has typed in. */
export interface CategoryForm {
  readonly name: { readonly en: string; readonly fr: string };
  readonly isNameEdited: { readonly en: boolean; readonly fr: boolean };
  readonly color: string;
  readonly icon: string;
  readonly parentId: CategoryId | null;
}

export const NEW_CATEGORY_COLOR = '#1f6f5c';
export const NEW_CATEGORY_ICON = '🏷';
/** Same bounds as categorySchema in shared/, checked here to explain them before saving. */
export const MAX_NAME_LENGTH = 60;
export const MAX_ICON_LENGTH = 8;

export function emptyForm(parentId: CategoryId | null = null): CategoryForm {
  return {
    name: { en: '', fr: '' },
    isNameEdited: { en: false, fr: false },
    color: NEW_CATEGORY_COLOR,
    icon: NEW_CATEGORY_ICON,
    parentId,
  };
}

/** Editing an existing category: both names are the person's own, so neither is mirrored. */
export function formOf(category: Category): CategoryForm {
  return {
    name: { ...category.name },
    isNameEdited: { en: true, fr: true },
    color: category.color,
    icon: category.icon,
    parentId: category.parentId,
  };
}

/**
 * Typing a name in one language fills the other with the same text until the person types there
 * too: most names ("Netflix", "Sport") are the same in both, and no field is left empty.
 */
export function typeName(form: CategoryForm, language: Language, text: string): CategoryForm {
  const nameIn = (other: Language) =>
    other === language || !form.isNameEdited[other] ? text : form.name[other];
  const isEdited = (other: Language) => other === language || form.isNameEdited[other];
  return {
    ...form,
    name: { en: nameIn('en'), fr: nameIn('fr') },
    isNameEdited: { en: isEdited('en'), fr: isEdited('fr') },
  };
}

export type FieldProblem = 'required' | 'too_long';
export interface FormProblems {
  readonly en?: FieldProblem;
  readonly fr?: FieldProblem;
  readonly icon?: 'too_long';
}

export function checkForm(form: CategoryForm): FormProblems {
  const name = (text: string): FieldProblem | undefined =>
    text.trim() === '' ? 'required' : text.trim().length > MAX_NAME_LENGTH ? 'too_long' : undefined;
  const problems: { en?: FieldProblem; fr?: FieldProblem; icon?: 'too_long' } = {};
  const en = name(form.name.en);
  const fr = name(form.name.fr);
  if (en) problems.en = en;
  if (fr) problems.fr = fr;
  if (form.icon.trim().length > MAX_ICON_LENGTH) problems.icon = 'too_long';
  return problems;
}

export function toDraft(form: CategoryForm): CategoryDraft {
  return {
    name: { en: form.name.en.trim(), fr: form.name.fr.trim() },
    color: form.color.toLowerCase(),
    icon: form.icon.trim(),
    parentId: form.parentId,
  };
}
