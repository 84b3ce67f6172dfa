import type { Random } from '../train/random.ts';

/**
 * The noise banks add around a merchant's name — dates, card masks, references, towns — drawn
 * from a seeded generator so augmented data is the same on every run.
 */
const pad = (value: number, width: number): string => String(value).padStart(width, '0');

const MONTHS_EN = 'JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC'.split(' ');

export const FRENCH_TOWNS = [
  'PARIS',
  'PARIS 11',
  'LYON',
  'MARSEILLE',
  'TOULOUSE',
  'NANTES',
  'LILLE',
  'BORDEAUX',
  'RENNES',
  'STRASBOURG',
  'MONTPELLIER',
  'NICE',
  'GRENOBLE',
  'DIJON',
  'ANGERS',
  'BOULOGNE BILL',
  'ST DENIS',
  'VERSAILLES',
] as const;

export const ENGLISH_TOWNS = [
  'LONDON',
  'LONDON SE1',
  'MANCHESTER',
  'BIRMINGHAM',
  'LEEDS',
  'GLASGOW',
  'EDINBURGH',
  'BRISTOL',
  'CARDIFF',
  'LIVERPOOL',
  'NEWCASTLE',
  'NOTTINGHAM',
  'NEW YORK',
  'SAN FRANCISCO',
  'DUBLIN',
] as const;

export class RawFragments {
  constructor(private readonly random: Random) {}

  private day(): number {
    return this.random.int(1, 28);
  }
  private month(): number {
    return this.random.int(1, 12);
  }
  /** "12/03" */
  ddmmSlash(): string {
    return `${pad(this.day(), 2)}/${pad(this.month(), 2)}`;
  }
  /** "1203" */
  ddmm(): string {
    return `${pad(this.day(), 2)}${pad(this.month(), 2)}`;
  }
  /** "12/03/25" */
  ddmmyySlash(): string {
    return `${this.ddmmSlash()}/${pad(this.random.int(18, 26), 2)}`;
  }
  /** "12.03.25" */
  ddmmyyDot(): string {
    return `${pad(this.day(), 2)}.${pad(this.month(), 2)}.${pad(this.random.int(18, 26), 2)}`;
  }
  /** "12-03-2025" */
  ddmmyyyyDash(): string {
    return `${pad(this.day(), 2)}-${pad(this.month(), 2)}-20${pad(this.random.int(18, 26), 2)}`;
  }
  /** "12MAR" */
  ddMon(): string {
    return `${pad(this.day(), 2)}${this.random.pick(MONTHS_EN)}`;
  }
  /** "14H32" or "14:32" */
  time(separator: 'H' | ':'): string {
    return `${pad(this.random.int(6, 23), 2)}${separator}${pad(this.random.int(0, 59), 2)}`;
  }
  /** A run of digits, as in card endings and store numbers. */
  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.random.int(0, 9));
    return out;
  }
  /** "X4897", "****1234", "4974XXXXXXXX1234" */
  cardMask(): string {
    const last = this.digits(4);
    return this.random.pick([`X${last}`, `****${last}`, `${this.digits(4)}XXXXXXXX${last}`]);
  }
  /** An alphanumeric reference: "A7K2Q9", "FR12ZZZ345678". */
  reference(length: number): string {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.random.int(0, alphabet.length - 1)];
    return out;
  }
  /** "23,50" (French) or "23.50" (English). */
  amount(decimal: ',' | '.'): string {
    return `${this.random.int(1, 250)}${decimal}${pad(this.random.int(0, 99), 2)}`;
  }
  frenchTown(): string {
    return this.random.pick(FRENCH_TOWNS);
  }
  englishTown(): string {
    return this.random.pick(ENGLISH_TOWNS);
  }
}
