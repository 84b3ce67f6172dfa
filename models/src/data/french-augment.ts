import type { Random } from '../train/random.ts';
import { RawFragments } from './raw-fragments.ts';

/**
 * What a bank adds around a clean label to make its raw form: "CB " + label + " 12/03". The same
 * frame wraps the masked label (what the model learns from) and the label as written (what the
 * evaluation reads), so both stay the same operation.
 */
export interface RawFrame {
  readonly prefix: string;
  readonly suffix: string;
}

export const applyFrame = (frame: RawFrame, label: string): string =>
  `${frame.prefix}${label}${frame.suffix}`;

/** How French banks print an operation, by kind. */
type FrenchKind = 'card' | 'debit' | 'transferIn' | 'transferOut' | 'cash' | 'bank' | 'cheque';

/**
 * Which kinds of operation each category arrives as, with their weights: utilities and
 * insurance are direct debits, income a transfer in, cash a withdrawal...
 */
const KINDS_BY_CATEGORY: Readonly<Record<string, readonly (readonly [FrenchKind, number])[]>> = {
  groceries: [['card', 1]],
  eating_out: [['card', 1]],
  shopping: [['card', 1]],
  transport: [
    ['card', 0.85],
    ['debit', 0.15],
  ],
  housing: [
    ['card', 0.5],
    ['debit', 0.25],
    ['transferOut', 0.25],
  ],
  utilities_telecom: [
    ['debit', 0.8],
    ['card', 0.2],
  ],
  health: [
    ['card', 0.7],
    ['transferIn', 0.3],
  ],
  leisure_travel: [
    ['card', 0.9],
    ['debit', 0.1],
  ],
  education_kids: [
    ['card', 0.6],
    ['debit', 0.4],
  ],
  insurance: [
    ['debit', 0.9],
    ['card', 0.1],
  ],
  taxes_gov: [
    ['debit', 0.7],
    ['transferOut', 0.3],
  ],
  bank_fees: [['bank', 1]],
  loans_credit: [['debit', 1]],
  cash: [['cash', 1]],
  income: [['transferIn', 1]],
  transfers_savings: [
    ['transferOut', 0.6],
    ['transferIn', 0.4],
  ],
  other: [
    ['card', 0.5],
    ['transferOut', 0.3],
    ['cheque', 0.2],
  ],
};

type FrameTemplate = (f: RawFragments) => RawFrame;
const frame = (prefix: string, suffix = ''): RawFrame => ({ prefix, suffix });

const TEMPLATES: Readonly<Record<FrenchKind, readonly FrameTemplate[]>> = {
  card: [
    (f) => frame('CB ', ` ${f.ddmmSlash()}`),
    (f) => frame(`PAIEMENT CB ${f.ddmm()} `, ` ${f.frenchTown()}`),
    (f) => frame(`CARTE ${f.cardMask()} `, ` ${f.ddmmSlash()}`),
    (f) => frame(`CB*${f.digits(4)} `),
    (f) => frame(`PAIEMENT PAR CARTE ${f.cardMask()} `, ` ${f.ddmmSlash()}`),
    (f) => frame('', ` ${f.ddmmSlash()} CB****${f.digits(4)}`),
    (f) => frame('ACHAT CB ', ` ${f.ddmmyyDot()} EUR ${f.amount(',')}`),
    (f) => frame(`FACTURE CARTE DU ${f.ddmm()}${f.digits(2)} `, ` CARTE ${f.cardMask()}`),
    (f) => frame('CB ', ` ${f.frenchTown()} ${f.ddmmSlash()}`),
  ],
  debit: [
    (f) => frame('PRLV SEPA ', ` ${f.reference(10)}`),
    () => frame('PRLV SEPA '),
    (f) => frame('PRELEVEMENT ', ` REF ${f.reference(12)}`),
    (f) => frame('PRLV ', ` ECH ${f.ddmmyySlash()}`),
    (f) => frame(`PRELEVEMENT EUROPEEN ${f.digits(10)} DE: `, ` ID: FR${f.reference(11)}`),
    (f) => frame('PRLV SEPA ', ` MANDAT ${f.reference(8)}`),
  ],
  transferIn: [
    (f) => frame('VIR SEPA RECU /DE ', ` /MOTIF ${f.reference(8)}`),
    () => frame('VIREMENT DE ', ''),
    (f) => frame('VIR SEPA ', ` ${f.reference(10)}`),
    (f) => frame(`VIR RECU ${f.digits(10)} DE: `, ''),
    (f) => frame('VIR INST RE ', ` ${f.ddmmSlash()}`),
  ],
  transferOut: [
    (f) => frame('VIR SEPA ', ` ${f.reference(10)}`),
    (f) => frame('VIREMENT EMIS ', ` REF ${f.reference(8)}`),
    () => frame('VIR ', ''),
    (f) => frame('VIR PERMANENT ', ` ${f.ddmmSlash()}`),
    () => frame('VIR INST ', ''),
  ],
  cash: [
    (f) => frame(`RETRAIT DAB ${f.ddmmSlash()} `, ''),
    (f) => frame('RETRAIT DAB ', ` ${f.ddmmyySlash()} ${f.time('H')}`),
    (f) => frame(`RET DAB ${f.frenchTown()} `, ''),
    (f) => frame('RETRAIT ', ` CARTE ${f.cardMask()}`),
  ],
  bank: [
    (f) => frame('', ` ${f.ddmmyySlash()}`),
    (f) => frame('', ` REF ${f.reference(8)}`),
    () => frame('FRAIS ', ''),
  ],
  cheque: [
    (f) => frame(`CHEQUE ${f.digits(7)} `, ''),
    (f) => frame(`REMISE CHQ ${f.digits(7)} `, ''),
  ],
};

/** A label that already carries its kind ("PRLV ...", "RETRAIT ...") only gets noise after it. */
const ALREADY_RAW =
  /^(CB|PRLV|PRELEVEMENT|PR[ée]l[èe]vement|VIR|VIREMENT|VRT|VT|RETRAIT|CARTE|PAIEMENT|CHEQUE|CHQ|ACHAT|REMISE|FRAIS|ECHEANCE)\b/iu;

const SUFFIX_ONLY: readonly FrameTemplate[] = [
  (f) => frame('', ` ${f.ddmmSlash()}`),
  (f) => frame('', ` ${f.reference(8)}`),
  (f) => frame('', ` ${f.frenchTown()}`),
];

function pickKind(categoryId: string, random: Random): FrenchKind {
  const options = KINDS_BY_CATEGORY[categoryId] ?? [['card', 1] as const];
  let draw = random.next() * options.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [kind, weight] of options) {
    draw -= weight;
    if (draw < 0) return kind;
  }
  return options[0]?.[0] ?? 'card';
}

/** `count` raw frames for a clean French label of this category, drawn from `random`. */
export function frenchRawFrames(
  label: string,
  categoryId: string,
  count: number,
  random: Random,
): RawFrame[] {
  const fragments = new RawFragments(random);
  return Array.from({ length: count }, () => {
    const templates = ALREADY_RAW.test(label.trim())
      ? SUFFIX_ONLY
      : TEMPLATES[pickKind(categoryId, random)];
    return random.pick(templates)(fragments);
  });
}
