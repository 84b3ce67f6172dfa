import type { CategoryId, Operation, OperationId } from '@tirelire/shared';
import type { CategorizationModel } from '../../app/categorization.ts';

type Categorization = Pick<CategorizationModel, 'accept' | 'choose'>;

/**
 * The person accepts what they see for these operations: the suggestion of an uncategorised one,
 * or the category applied automatically to another (confirming it as shown, even if a newer
 * suggestion disagrees). Operations the person already chose for are left alone.
 */
export async function acceptShownCategories(
  categorization: Categorization,
  operations: readonly Operation[],
): Promise<void> {
  const suggested: OperationId[] = [];
  const automatic = new Map<CategoryId, OperationId[]>();
  for (const operation of operations) {
    if (operation.categorySource === 'user') continue;
    if (operation.categoryId === null) suggested.push(operation.id);
    else
      automatic.set(operation.categoryId, [
        ...(automatic.get(operation.categoryId) ?? []),
        operation.id,
      ]);
  }
  if (suggested.length > 0) await categorization.accept(suggested);
  for (const [categoryId, ids] of automatic) await categorization.choose(ids, categoryId);
}
