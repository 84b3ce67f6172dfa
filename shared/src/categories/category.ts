import { z } from 'zod';
import { categoryIdSchema } from '../ledger/ids.ts';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

const nameSchema = z.string().trim().min(1).max(60);

export const categorySchema = z.object({
  id: categoryIdSchema,
  name: z.object({ en: nameSchema, fr: nameSchema }),
  /** "#rrggbb", so charts and chips can use it directly. */
  color: z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a colour like #1a2b3c'),
  /** A single emoji or short symbol shown beside the name. */
  icon: z.string().max(8),
  parentId: categoryIdSchema.nullable(),
  /** Default categories are the ones the shipped model predicts; they can be renamed, not lost. */
  isDefault: z.boolean(),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});

export type Category = z.output<typeof categorySchema>;

export function categoryName(category: Category, language: Language): string {
  return category.name[language];
}
