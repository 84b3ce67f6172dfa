import { categoryId } from '@tirelire/shared';
import { describe, expect, it } from 'vitest';
import { buildNameMasker, type MaskingCorpusEntry } from '../data/name-masking.ts';

// Every name here is invented; none comes from the Cozy data.
const entry = (label: string, category: string): MaskingCorpusEntry => ({
  label,
  categoryId: categoryId(category),
});

const corpus = [
  entry('VIR M. JEAN DUPONT', 'transfers_savings'),
  entry('VIREMENT DE MME MARTINE LEFEBVRE LOYER', 'housing'),
  entry('M OU MME DURAND', 'transfers_savings'),
  entry('/DE GARNIER BERNADET /MOTIF REMBOURSEMENT', 'transfers_savings'),
  entry('GARNIER VIREMENT DEPUIS MA BANQUE', 'transfers_savings'),
  entry('VIR SEPA POUR SOPHIE MARCHAND', 'transfers_savings'),
  // Spending labels: shops and towns that must survive.
  entry('CB MONOP PARIS', 'groceries'),
  entry('PAUL GARE DE LYON', 'eating_out'),
  entry('PAUL BASTILLE', 'eating_out'),
  entry('PAUL OPERA', 'eating_out'),
  entry('C.P.A.M. RENNES', 'health'),
  entry('MR BRICOLAGE', 'housing'),
];
const masker = buildNameMasker(corpus);
const mask = (label: string, category = 'transfers_savings'): string =>
  masker.mask(label, categoryId(category));

describe('name masking', () => {
  it('masks a person after a civil title, keeping the title', () => {
    expect(mask('VIR M. JEAN DUPONT')).toBe('VIR M. PERSONNE');
    expect(mask('VIREMENT DE MME MARTINE LEFEBVRE LOYER', 'housing')).toBe(
      'VIREMENT DE MME PERSONNE LOYER',
    );
  });

  it('masks couples written with "OU" and "ET"', () => {
    expect(mask('M OU MME DURAND')).toBe('M OU MME PERSONNE');
    expect(mask('M. ET MME ROBERT LEGRAND')).toBe('M. ET MME PERSONNE');
  });

  it('masks a transfer counterpart that holds a given name, even cut short', () => {
    expect(mask('/DE GARNIER BERNADET /MOTIF REMBOURSEMENT')).toBe(
      '/DE PERSONNE /MOTIF REMBOURSEMENT',
    );
    expect(mask('VIR SEPA POUR SOPHIE MARCHAND')).toBe('VIR SEPA POUR PERSONNE');
  });

  it('masks a surname found elsewhere in the corpus where no rule fires', () => {
    expect(mask('GARNIER VIREMENT DEPUIS MA BANQUE')).toBe('PERSONNE VIREMENT DEPUIS MA BANQUE');
  });

  it('masks a given name next to an unknown word', () => {
    expect(mask('ANNE-LAURE TOURNIER', 'shopping')).toBe('PERSONNE');
  });

  it('leaves shops, towns and acronyms alone', () => {
    expect(mask('CB MONOP PARIS', 'groceries')).toBe('CB MONOP PARIS');
    expect(mask('PAUL GARE DE LYON', 'eating_out')).toBe('PAUL GARE DE LYON');
    expect(mask('C.P.A.M. RENNES', 'health')).toBe('C.P.A.M. RENNES');
    expect(mask('MR BRICOLAGE', 'housing')).toBe('MR BRICOLAGE');
    expect(mask('RETRAIT DAB 12/03 BNP', 'cash')).toBe('RETRAIT DAB 12/03 BNP');
  });

  it('masks a lone given name only where a person is expected', () => {
    expect(mask('PAULINE CADEAU')).toBe('PERSONNE CADEAU');
    expect(mask('VICTORIA', 'shopping')).toBe('VICTORIA');
  });
});
