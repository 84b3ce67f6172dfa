/**
 * Label templates in the raw styles French and British banks really print, with the category a
 * person would pick. `{d}` becomes a dd/mm date and `{n}` a number, as banks add them.
 */
export interface MerchantTemplate {
  readonly label: string;
  readonly category: string;
  /** Typical amount range in euros (cents are drawn too); negative for money going out. */
  readonly min: number;
  readonly max: number;
  /** Relative frequency among everyday spending. */
  readonly weight: number;
}

export const EVERYDAY_MERCHANTS: readonly MerchantTemplate[] = [
  { label: 'CB MONOP {d} PARIS 75', category: 'groceries', min: -85, max: -4, weight: 10 },
  { label: 'CB CARREFOUR MARKET {d}', category: 'groceries', min: -140, max: -8, weight: 9 },
  { label: 'CB LIDL {n} {d}', category: 'groceries', min: -90, max: -6, weight: 7 },
  { label: 'CB BOULANGERIE DU MARCHE {d}', category: 'groceries', min: -12, max: -1, weight: 8 },
  { label: 'CARD PAYMENT TESCO STORES {n}', category: 'groceries', min: -70, max: -5, weight: 3 },
  { label: 'CB PICARD SURGELES {d}', category: 'groceries', min: -60, max: -10, weight: 3 },
  { label: 'CB DELIVEROO {d}', category: 'eating_out', min: -45, max: -12, weight: 4 },
  { label: 'CB LE PETIT ZINC {d} LYON', category: 'eating_out', min: -70, max: -15, weight: 4 },
  { label: 'CB STARBUCKS {n} {d}', category: 'eating_out', min: -9, max: -3, weight: 4 },
  { label: 'CB MCDONALDS {n} {d}', category: 'eating_out', min: -18, max: -6, weight: 3 },
  { label: 'CB AMAZON PAYMENTS {d}', category: 'shopping', min: -120, max: -6, weight: 6 },
  { label: 'CB FNAC {n} {d}', category: 'shopping', min: -250, max: -10, weight: 2 },
  { label: 'CB DECATHLON {d}', category: 'shopping', min: -150, max: -8, weight: 2 },
  { label: 'CB ZARA FRANCE {d}', category: 'shopping', min: -110, max: -15, weight: 2 },
  { label: 'CB PHARMACIE CENTRALE {d}', category: 'health', min: -45, max: -3, weight: 3 },
  { label: 'CB TOTALENERGIES {n} {d}', category: 'transport', min: -90, max: -25, weight: 4 },
  { label: 'CB SNCF INTERNET {d}', category: 'transport', min: -130, max: -15, weight: 2 },
  { label: 'CB RATP {d} NAVIGO', category: 'transport', min: -86, max: -2, weight: 3 },
  { label: 'CB UBER TRIP {n}', category: 'transport', min: -35, max: -8, weight: 2 },
  { label: 'CB CINEMA PATHE {d}', category: 'leisure_travel', min: -30, max: -9, weight: 2 },
  { label: 'CB AIRBNB {n}', category: 'leisure_travel', min: -600, max: -80, weight: 1 },
  { label: 'CB LEROY MERLIN {d}', category: 'housing', min: -300, max: -10, weight: 2 },
  { label: 'RETRAIT DAB {d} BNP PARIBAS', category: 'cash', min: -100, max: -20, weight: 3 },
  { label: 'CB FRAIS CARTE INTERNATIONALE', category: 'bank_fees', min: -4, max: -1, weight: 1 },
];

/** Monthly bills, on roughly the same day each month. */
export const MONTHLY_BILLS: readonly (MerchantTemplate & { readonly day: number })[] = [
  {
    label: 'PRLV SEPA FREE MOBILE {n}',
    category: 'utilities_telecom',
    min: -20,
    max: -20,
    weight: 1,
    day: 5,
  },
  {
    label: 'PRLV SEPA EDF CLIENTS PARTICULIERS',
    category: 'utilities_telecom',
    min: -95,
    max: -60,
    weight: 1,
    day: 8,
  },
  {
    label: 'PRLV SEPA NETFLIX.COM',
    category: 'leisure_travel',
    min: -14,
    max: -14,
    weight: 1,
    day: 12,
  },
  {
    label: 'PRLV SEPA MAIF ASSURANCE {n}',
    category: 'insurance',
    min: -48,
    max: -48,
    weight: 1,
    day: 10,
  },
  {
    label: 'VIR SEPA LOYER SCI LES TILLEULS',
    category: 'housing',
    min: -950,
    max: -950,
    weight: 1,
    day: 2,
  },
  {
    label: 'PRLV SEPA DGFIP IMPOT {n}',
    category: 'taxes_gov',
    min: -210,
    max: -180,
    weight: 1,
    day: 15,
  },
  {
    label: 'COTISATION CARTE VISA PREMIER',
    category: 'bank_fees',
    min: -11,
    max: -11,
    weight: 1,
    day: 1,
  },
];

export const SALARIES: readonly MerchantTemplate[] = [
  { label: 'VIR SEPA SALAIRE ACME SAS {n}', category: 'income', min: 3900, max: 4200, weight: 1 },
  { label: 'VIR CAF ALLOCATIONS {n}', category: 'income', min: 120, max: 180, weight: 1 },
];
