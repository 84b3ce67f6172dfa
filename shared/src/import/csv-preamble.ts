import { foldText } from '../util/text.ts';

/** What the lines above the table say about the account. */
export interface PreambleFacts {
  /** The account number or IBAN, when a line names one. */
  readonly accountId: string | null;
  /** "Solde (EUROS) ;1 234,56", "Solde au 18/12/19 : 13,37 EUR": the amount and its date as text. */
  readonly balance: { readonly amount: string; readonly date: string | null } | null;
}

const MAX_CELL = 120;
const IBAN = /\b([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?)\b/;
// Words that announce an account number: "Numéro Compte", "CCHQ no", "Account number", "Konto".
const ACCOUNT_WORD =
  /\b(?:n°|no|num|numero|number|nummer|compte|account|konto|kontonummer|cuenta)\b/;
// An account number: letters and digits, at least five digits, no mask ("****1234").
const ACCOUNT_TOKEN = /^[A-Z0-9][A-Z0-9 -]*[A-Z0-9]$/i;
const DATE_TOKEN = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/;

function digitCount(text: string): number {
  return text.replace(/\D/g, '').length;
}

function accountToken(text: string): string | null {
  const value = text
    .trim()
    .replace(/^="(.*)"$/, '$1')
    .trim();
  if (!ACCOUNT_TOKEN.test(value) || digitCount(value) < 5 || DATE_TOKEN.test(value)) return null;
  return value.replace(/\s+/g, '');
}

/** The account number in one record's cells, if it names one. */
function accountIn(cells: readonly string[]): string | null {
  const iban = IBAN.exec(cells.join(' '));
  if (iban?.[1] !== undefined) {
    const compact = iban[1].replace(/ /g, '');
    if (compact.length >= 15 && compact.length <= 34) return compact;
  }
  for (const [index, cell] of cells.entries()) {
    // Société Générale: the number alone, as Excel-protected text (="00012345678").
    if (/^="\d{8,}"$/.test(cell.trim())) return accountToken(cell);
    const folded = foldText(cell);
    const word = ACCOUNT_WORD.exec(folded);
    if (!word) continue;
    // "CCHQ       no 62734091867", "Numéro de compte : 01234567890"
    const inline = /[:\s]\s*([A-Z0-9][A-Z0-9-]*)\s*$/i.exec(
      cell.slice(word.index + word[0].length),
    );
    const sameCell = inline?.[1] === undefined ? null : accountToken(inline[1]);
    if (sameCell !== null) return sameCell;
    const next = cells.slice(index + 1).find((c) => c.trim() !== '');
    const nextCell = next === undefined ? null : accountToken(next);
    if (nextCell !== null) return nextCell;
  }
  return null;
}

/** A "Solde …" line: its amount, and a date it names (or null). */
function balanceIn(cells: readonly string[]): PreambleFacts['balance'] {
  const first = cells.findIndex((c) => c.trim() !== '');
  const cell = cells[first] ?? '';
  const folded = foldText(cell).trim();
  if (!/^(?:solde|balance|kontostand|saldo)\b/.test(folded) || folded.includes('franc')) {
    return null;
  }
  const date = DATE_TOKEN.exec(cell)?.[0] ?? null;
  const inline = /:\s*([-+]?[\d\s\u00a0.,']*\d(?:[.,]\d+)?\s*(?:EUR|€)?)\s*$/i.exec(cell);
  if (inline?.[1] !== undefined) return { amount: inline[1], date };
  const next = cells.slice(first + 1).find((c) => c.trim() !== '');
  return next === undefined ? null : { amount: next, date };
}

/**
 * Reads the account number and a stated balance from the lines before the table: Crédit
 * Agricole, La Banque Postale, Caisse d'Épargne and Société Générale write them there. A
 * "Date" line (La Banque Postale) dates a balance line that has no date of its own.
 */
export function readPreamble(records: readonly (readonly string[])[]): PreambleFacts {
  let accountId: string | null = null;
  let balance: PreambleFacts['balance'] = null;
  let statedDate: string | null = null;
  for (const record of records) {
    // Account lines are short: longer cells are text, and capping them bounds the regexes.
    const cells = record.slice(0, 20).map((cell) => cell.slice(0, MAX_CELL));
    accountId ??= accountIn(cells);
    balance ??= balanceIn(cells);
    const first = foldText(cells[0] ?? '').trim();
    if (/^date\b/.test(first) && cells.length >= 2) {
      statedDate ??=
        cells
          .slice(1)
          .find((c) => DATE_TOKEN.test(c))
          ?.trim() ?? null;
    }
  }
  if (balance !== null && balance.date === null && statedDate !== null) {
    balance = { amount: balance.amount, date: statedDate };
  }
  return { accountId, balance };
}
