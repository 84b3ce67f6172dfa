import { categoryId, defaultCategories } from '@tirelire/shared';
import { describe, expect, it } from 'vitest';
import { checkForm, emptyForm, formOf, toDraft, typeName } from './draft.ts';

describe('typeName', () => {
  it('mirrors the name into the other language until that one is typed in', () => {
    let form = typeName(emptyForm(), 'fr', 'Sport');
    expect(form.name).toEqual({ en: 'Sport', fr: 'Sport' });
    form = typeName(form, 'en', 'Sports');
    expect(form.name).toEqual({ en: 'Sports', fr: 'Sport' });
    form = typeName(form, 'fr', 'Sport & loisirs');
    expect(form.name).toEqual({ en: 'Sports', fr: 'Sport & loisirs' });
  });

  it('never mirrors over the names of an existing category', () => {
    const groceries = defaultCategories(0)[0]!;
    const form = typeName(formOf(groceries), 'en', 'Food');
    expect(form.name).toEqual({ en: 'Food', fr: 'Alimentation' });
  });
});

describe('checkForm and toDraft', () => {
  it('explains empty and long names and long icons', () => {
    const form = { ...typeName(emptyForm(), 'en', ' '), icon: '123456789' };
    expect(checkForm(form)).toEqual({ en: 'required', fr: 'required', icon: 'too_long' });
    expect(checkForm(typeName(emptyForm(), 'en', 'x'.repeat(61)))).toEqual({
      en: 'too_long',
      fr: 'too_long',
    });
    expect(checkForm(typeName(emptyForm(), 'en', 'Pets'))).toEqual({});
  });

  it('trims names and keeps the parent', () => {
    const form = { ...typeName(emptyForm(categoryId('food')), 'en', '  Pets '), color: '#AABBCC' };
    expect(toDraft(form)).toEqual({
      name: { en: 'Pets', fr: 'Pets' },
      color: '#aabbcc',
      icon: '🏷',
      parentId: 'food',
    });
  });
});
