import { categoryId, type CategoryId } from '../ledger/ids.ts';
import type { Category } from './category.ts';

interface DefaultCategorySpec {
  readonly id: string;
  readonly en: string;
  readonly fr: string;
  readonly color: string;
  readonly icon: string;
}

/**
 * The 17 categories of the default taxonomy (shared/data/categorization/taxonomy.csv). Their ids
 * are what the shipped model predicts, so they must never change; names, colours and icons may.
 */
const SPECS: readonly DefaultCategorySpec[] = [
  { id: 'groceries', en: 'Groceries', fr: 'Alimentation', color: '#2e9d57', icon: '🛒' },
  { id: 'eating_out', en: 'Eating out', fr: 'Restaurants & sorties', color: '#e0752d', icon: '🍽' },
  { id: 'shopping', en: 'Shopping', fr: 'Achats', color: '#c2418f', icon: '🛍' },
  { id: 'transport', en: 'Transport', fr: 'Transport', color: '#2f7ed8', icon: '🚆' },
  { id: 'housing', en: 'Housing', fr: 'Logement', color: '#8a5a2b', icon: '🏠' },
  {
    id: 'utilities_telecom',
    en: 'Utilities & telecom',
    fr: 'Énergie & télécoms',
    color: '#d4a017',
    icon: '💡',
  },
  { id: 'health', en: 'Health', fr: 'Santé', color: '#d64545', icon: '⚕' },
  {
    id: 'leisure_travel',
    en: 'Leisure & travel',
    fr: 'Loisirs & voyages',
    color: '#7a4fd1',
    icon: '✈',
  },
  {
    id: 'education_kids',
    en: 'Education & children',
    fr: 'Éducation & enfants',
    color: '#3aa6a6',
    icon: '🎓',
  },
  { id: 'insurance', en: 'Insurance', fr: 'Assurances', color: '#5b6b8c', icon: '🛡' },
  {
    id: 'taxes_gov',
    en: 'Taxes & administration',
    fr: 'Impôts & administration',
    color: '#6d4c41',
    icon: '🏛',
  },
  { id: 'bank_fees', en: 'Bank fees', fr: 'Frais bancaires', color: '#9e9e9e', icon: '🏦' },
  { id: 'loans_credit', en: 'Loans & credit', fr: 'Crédits', color: '#b35c1e', icon: '💳' },
  { id: 'cash', en: 'Cash withdrawal', fr: 'Retraits', color: '#607d3b', icon: '💶' },
  { id: 'income', en: 'Income', fr: 'Revenus', color: '#1b8a3a', icon: '💰' },
  {
    id: 'transfers_savings',
    en: 'Transfers & savings',
    fr: 'Virements & épargne',
    color: '#3f51b5',
    icon: '🔁',
  },
  { id: 'other', en: 'Other', fr: 'Autres', color: '#78909c', icon: '•' },
];

export const DEFAULT_CATEGORY_IDS: readonly CategoryId[] = SPECS.map((spec) => categoryId(spec.id));

export function defaultCategories(now: number): Category[] {
  return SPECS.map((spec) => ({
    id: categoryId(spec.id),
    name: { en: spec.en, fr: spec.fr },
    color: spec.color,
    icon: spec.icon,
    parentId: null,
    isDefault: true,
    createdAt: now,
    updatedAt: now,
  }));
}
