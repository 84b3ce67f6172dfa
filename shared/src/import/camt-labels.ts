import { children, textAt } from './camt-xml.ts';

/** Whitespace runs (line breaks inside Ustrd, padding) become one space; case is kept. */
function clean(value: string | null): string {
  return value === null ? '' : value.replace(/\s+/g, ' ').trim();
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}

/** The other party: who was paid for a debit, who paid for a credit (v8 nests the name in Pty). */
function counterparty(detail: unknown, sign: 1 | -1): string {
  const role = sign < 0 ? 'Cdtr' : 'Dbtr';
  return clean(
    textAt(detail, 'RltdPties', role, 'Nm') ?? textAt(detail, 'RltdPties', role, 'Pty', 'Nm'),
  );
}

/** Every unstructured remittance line of the detail, in order. */
function remittance(detail: unknown): string {
  const lines = children(detail, 'RmtInf').flatMap((info) =>
    children(info, 'Ustrd').map((line) => clean(textAt(line))),
  );
  return clean(lines.join(' '));
}

/**
 * The label of an operation made from these transaction details of an entry: counterparty name
 * then remittance text ("Name Ustrd"), else the details' AddtlTxInf, else the entry's
 * AddtlNtryInf. When an entry stands for several details, each distinct name and text is kept
 * once, so nothing the bank wrote about the parts is lost.
 */
export function entryLabel(entry: unknown, details: readonly unknown[], sign: 1 | -1): string {
  const names = distinct(details.map((detail) => counterparty(detail, sign)));
  const texts = distinct(details.map(remittance)).filter((text) => !names.includes(text));
  const main = [...names, ...texts].join(' ');
  if (main !== '') return main;
  const additional = distinct(
    details.flatMap((detail) => children(detail, 'AddtlTxInf').map((info) => clean(textAt(info)))),
  ).join(' ');
  return additional !== '' ? additional : clean(textAt(entry, 'AddtlNtryInf'));
}
