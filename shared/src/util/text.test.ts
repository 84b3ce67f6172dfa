import { describe, expect, it } from 'vitest';
import { foldText } from './text.ts';

describe('foldText', () => {
  it.each([
    ['Café', 'cafe'],
    ['CAFÉ', 'cafe'],
    ['Caf\u0065\u0301', 'cafe'], // decomposed é
    ['Zoé Çà Noël', 'zoe ca noel'],
    ['ÉCOLE ÀÂÄ îï ôö ùûü ÿ', 'ecole aaa ii oo uuu y'],
    ['Œuvre cœur', 'oeuvre coeur'],
    ['Ægir', 'aegir'],
    ['Straße STRAẞE', 'strasse strasse'],
    ['L’ÉTOILE', "l'etoile"],
    ['İstanbul', 'istanbul'],
    ['Ångström', 'angstrom'],
    ['123 € £', '123 € £'],
    ['', ''],
  ])('folds %j to %j', (text, expected) => {
    expect(foldText(text)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const text of ['Œuvre', 'CAFÉ', 'Straße', 'L’ÉTOILE']) {
      expect(foldText(foldText(text))).toBe(foldText(text));
    }
  });
});
