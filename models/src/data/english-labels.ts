import type { Random } from '../train/random.ts';
import type { EnglishMerchant, EnglishStyle } from './english.ts';
import { RawFragments } from './raw-fragments.ts';

type LabelTemplate = (merchant: string, f: RawFragments) => string;

/** How UK and US banks print each style of operation; `m` is the merchant. */
const TEMPLATES: Readonly<Record<EnglishStyle, readonly LabelTemplate[]>> = {
  card: [
    (m, f) => `CARD PAYMENT TO ${m} ON ${f.ddmmyyyyDash()}`,
    (m, f) => `${m} ${f.englishTown()} GB`,
    (m, f) => `POS ${f.digits(4)} ${m}*${f.reference(6)}`,
    (m, f) => `CONTACTLESS ${m} ${f.englishTown()}`,
    (m, f) => `${m} ON ${f.ddMon()} CLP`,
    (m, f) => `CARD ${f.digits(4)} ${m} ${f.englishTown()} GBR`,
    (m, f) => `VIS ${m} ${f.englishTown()}`,
    (m, f) => `SQ *${m} ${f.englishTown()}`,
    (m, f) => `${m} ${f.digits(4)} ${f.englishTown()}`,
    (m) => m,
  ],
  online: [
    (m, f) => `PAYPAL *${m} ${f.digits(10)}`,
    (m, f) => `${m}*${f.reference(6)}`,
    (m, f) => `CARD PAYMENT TO ${m} ON ${f.ddmmyyyyDash()}`,
    (m, f) => `${m} ${f.reference(8)} INTERNET`,
    (m, f) => `POS ${f.digits(4)} ${m}`,
    (m, f) => `DEBIT CARD ${m} ${f.ddMon()}`,
    (m) => m,
  ],
  debit: [
    (m, f) => `DIRECT DEBIT PAYMENT TO ${m} REF ${f.reference(10)}`,
    (m, f) => `DD ${m} ${f.reference(8)}`,
    (m) => `${m} DDR`,
    (m, f) => `${m} ${f.reference(10)} DD`,
    (m) => `DIRECT DEBIT ${m}`,
    (m, f) => `${m} REF ${f.reference(8)} DIRECT DEBIT`,
    (m, f) => `ACH DEBIT ${m} ${f.digits(6)}`,
  ],
  credit: [
    (m) => `FASTER PAYMENTS RECEIPT REF ${m}`,
    (m, f) => `BACS ${m} ${f.reference(6)}`,
    (m) => `${m} BGC`,
    (m) => `BANK GIRO CREDIT REF ${m}`,
    (m, f) => `FPS CREDIT ${m} ${f.reference(8)}`,
    (m, f) => `${m} ${f.ddMon()} CR`,
    (m, f) => `ACME LTD ${m} ${f.ddMon()}`,
    (m, f) => `DIRECT DEPOSIT ${m} ${f.digits(6)}`,
  ],
  transfer: [
    (m) => `TRANSFER TO ${m}`,
    (m, f) => `${m} TFR ${f.ddMon()}`,
    (m) => `SO ${m}`,
    (m, f) => `STANDING ORDER ${m} REF ${f.reference(6)}`,
    (m) => `FASTER PAYMENT TO ${m}`,
    (m, f) => `ONLINE TRANSFER ${m} ${f.reference(8)}`,
    (m) => `TRANSFER FROM ${m}`,
  ],
  cash: [
    (m, f) => `CASH WITHDRAWAL ${m} ${f.englishTown()}`,
    (m, f) => `ATM ${m} ${f.englishTown()} ${f.ddMon()}`,
    (m, f) => `CASH ${m} ${f.ddMon()} @${f.time(':')}`,
    (m, f) => `${m} ${f.englishTown()} CD ${f.digits(4)}`,
    (m, f) => `ATM WITHDRAWAL ${m} ${f.ddmmyyyyDash()}`,
    (m, f) => `CASH ${f.englishTown()} ${m}`,
  ],
  bank: [
    (m) => m,
    (m, f) => `${m} ${f.ddMon()}`,
    (m, f) => `${m} ${f.amount('.')}`,
    (m, f) => `${m} CHARGE ${f.reference(6)}`,
    (m, f) => `${m} ${f.ddmmyyyyDash()}`,
  ],
};

/**
 * `count` raw English labels for a merchant, each from a different template while the style has
 * enough of them.
 */
export function englishLabels(merchant: EnglishMerchant, count: number, random: Random): string[] {
  const fragments = new RawFragments(random);
  const templates = random.shuffled(TEMPLATES[merchant.style]);
  return Array.from({ length: count }, (_, i) => {
    const template = templates[i % templates.length] as LabelTemplate;
    return template(merchant.name, fragments);
  });
}
