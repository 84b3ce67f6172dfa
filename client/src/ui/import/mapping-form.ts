import {
  csvColumnMappingSchema,
  type CsvColumnMapping,
  type CsvColumnRef,
  type CsvLayout,
  type DateOrder,
} from '@tirelire/shared';

/** The mapping step's fields: columns by position, as the person picks them. */
export interface MappingForm {
  readonly date: number;
  readonly label: number;
  readonly label2: number | null;
  readonly amountKind: 'one' | 'two';
  readonly amount: number | null;
  readonly debit: number | null;
  readonly credit: number | null;
  readonly balance: number | null;
  readonly valueDate: number | null;
  readonly dateOrder: DateOrder | null;
}

/**
 * The stored mapping for the form, or null while it is incomplete. Columns are named by header
 * when the table has one, so the mapping still fits when the bank adds or moves a column.
 */
export function mappingFromForm(form: MappingForm, layout: CsvLayout): CsvColumnMapping | null {
  const hasHeader = layout.headers.length > 0;
  const ref = (index: number | null): CsvColumnRef | undefined =>
    index === null ? undefined : hasHeader ? (layout.headers[index] ?? index) : index;
  const optional = <K extends string>(key: K, index: number | null) => {
    const value = ref(index);
    return value === undefined ? {} : ({ [key]: value } as Record<K, CsvColumnRef>);
  };
  const labels = [form.label, form.label2].filter((index): index is number => index !== null);
  const candidate = {
    version: 1 as const,
    hasHeader,
    delimiter: layout.delimiter,
    date: ref(form.date),
    label: [...new Set(labels)].map((index) => ref(index)),
    ...(form.amountKind === 'one'
      ? optional('amount', form.amount)
      : { ...optional('debit', form.debit), ...optional('credit', form.credit) }),
    ...optional('balance', form.balance),
    ...optional('valueDate', form.valueDate),
    ...(form.dateOrder ? { dateOrder: form.dateOrder } : {}),
  };
  const parsed = csvColumnMappingSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
