import Papa from 'papaparse';
import { currency, isIsoDate, parseAmount, type IsoDate } from '@tirelire/shared';

/** One row of the command's CSV input (`date,amount,label[,category[,user]]`). */
export interface InputRow {
  readonly line: number;
  readonly date: IsoDate;
  readonly amountMinor: number;
  readonly label: string;
  readonly category: string | null;
  readonly user: string | null;
}

const EUR = currency('EUR');

/**
 * Reads the command's CSV: a header naming at least `date,amount,label` (and `category`, `user`
 * for replay), ISO dates, signed amounts with a '.' decimal. A bad row is an error naming its line:
 * the command's output must correspond row for row to its input, so nothing is skipped silently.
 */
export function readInputRows(
  text: string,
  required: readonly ('category' | 'user')[] = [],
): { rows: InputRow[] } | { error: string } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header, ...records] = parsed.data;
  if (!header) return { error: 'the file is empty' };
  const columns = header.map((name) => name.trim().toLowerCase());
  const at = (name: string) => columns.indexOf(name);
  for (const name of ['date', 'amount', 'label', ...required])
    if (at(name) < 0) return { error: `the header has no "${name}" column` };
  const rows: InputRow[] = [];
  for (const [index, record] of records.entries()) {
    const line = index + 2;
    const cell = (name: string) => (at(name) < 0 ? undefined : record[at(name)]?.trim());
    const date = cell('date') ?? '';
    if (!isIsoDate(date)) return { error: `line ${line}: "${date}" is not a YYYY-MM-DD date` };
    const amount = parseAmount(cell('amount') ?? '', EUR, { decimalSeparator: '.' });
    if (!amount.ok) return { error: `line ${line}: ${amount.message}` };
    const category = cell('category') ?? null;
    if (required.includes('category') && !category) return { error: `line ${line}: no category` };
    rows.push({
      line,
      date,
      amountMinor: amount.value,
      label: record[at('label')] ?? '',
      category: category || null,
      user: cell('user') || null,
    });
  }
  return { rows };
}
