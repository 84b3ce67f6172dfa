import { categoryId, type CategoryId, type OperationId } from '@tirelire/shared';
import { testOperation } from '../testing/operations.ts';
import { describe, expect, it } from 'vitest';
import { acceptShownCategories } from './accept-category.ts';

describe('acceptShownCategories', () => {
  it('accepts suggestions, confirms automatic categories as shown, skips the person’s own', async () => {
    const calls: string[] = [];
    const categorization = {
      accept: (ids: readonly OperationId[]) => {
        calls.push(`accept ${ids.join(',')}`);
        return Promise.resolve();
      },
      choose: (ids: readonly OperationId[], category: CategoryId) => {
        calls.push(`choose ${ids.join(',')} ${category}`);
        return Promise.resolve();
      },
    };
    const food = categoryId('groceries');
    await acceptShownCategories(categorization, [
      testOperation({ id: 'a' }),
      testOperation({ id: 'b', categoryId: 'groceries', categorySource: 'model' }),
      testOperation({ id: 'c', categoryId: 'groceries', categorySource: 'rule' }),
      testOperation({ id: 'd', categoryId: 'groceries' }),
      testOperation({ id: 'e' }),
    ]);
    expect(calls).toEqual(['accept a,e', `choose b,c ${food}`]);
  });
});
