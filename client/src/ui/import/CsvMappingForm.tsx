import { useState } from 'preact/hooks';
import type { CsvColumnMapping, CsvLayout, DateOrder } from '@tirelire/shared';
import { interpolate, useMessages } from '../i18n/i18n.ts';
import { importMessages } from './messages.ts';
import { mappingFromForm, type MappingForm } from './mapping-form.ts';

interface Props {
  readonly fileName: string;
  readonly layout: CsvLayout;
  readonly onMapped: (mapping: CsvColumnMapping) => void;
}

/** The mapping step for a CSV layout nobody recognised: name the columns, see the rows. */
export function CsvMappingForm({ fileName, layout, onMapped }: Props) {
  const t = useMessages(importMessages);
  const columns =
    layout.headers.length > 0
      ? layout.headers
      : (layout.sampleRows[0] ?? []).map((_, i) => `#${i + 1}`);
  const [form, setForm] = useState<MappingForm>({
    date: 0,
    label: Math.min(1, columns.length - 1),
    label2: null,
    amountKind: 'one',
    amount: Math.min(2, columns.length - 1),
    debit: null,
    credit: null,
    balance: null,
    valueDate: null,
    dateOrder: null,
  });
  const set = (change: Partial<MappingForm>) => setForm({ ...form, ...change });
  const mapping = mappingFromForm(form, layout);

  const select = (
    label: string,
    value: number | null,
    onChange: (v: number | null) => void,
    optional = true,
  ) => (
    <label class="field">
      <span>{label}</span>
      <select
        value={value === null ? '' : String(value)}
        onChange={(event) => {
          const raw = event.currentTarget.value;
          onChange(raw === '' ? null : Number(raw));
        }}
      >
        {optional && <option value="">{t.none}</option>}
        {columns.map((name, index) => (
          <option key={index} value={String(index)}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section class="card import-mapping" aria-labelledby={`mapping-${fileName}`}>
      <h2 id={`mapping-${fileName}`}>{interpolate(t.mappingTitle, { file: fileName })}</h2>
      <p class="muted">{t.mappingIntro}</p>
      <div class="import-mapping-fields">
        {select(t.columnDate, form.date, (date) => set({ date: date ?? 0 }), false)}
        {select(t.columnLabel, form.label, (label) => set({ label: label ?? 0 }), false)}
        {select(t.columnLabel2, form.label2, (label2) => set({ label2 }))}
        <fieldset class="field">
          <legend>{t.amountKind}</legend>
          <label>
            <input
              type="radio"
              name="amount-kind"
              checked={form.amountKind === 'one'}
              onChange={() => set({ amountKind: 'one' })}
            />
            {t.oneColumn}
          </label>
          <label>
            <input
              type="radio"
              name="amount-kind"
              checked={form.amountKind === 'two'}
              onChange={() => set({ amountKind: 'two' })}
            />
            {t.twoColumns}
          </label>
        </fieldset>
        {form.amountKind === 'one'
          ? select(t.columnAmount, form.amount, (amount) => set({ amount }), false)
          : [
              select(t.columnDebit, form.debit, (debit) => set({ debit })),
              select(t.columnCredit, form.credit, (credit) => set({ credit })),
            ]}
        {select(t.columnValueDate, form.valueDate, (valueDate) => set({ valueDate }))}
        {select(t.columnBalance, form.balance, (balance) => set({ balance }))}
        <label class="field">
          <span>{t.dateOrder}</span>
          <select
            value={form.dateOrder ?? ''}
            onChange={(event) =>
              set({ dateOrder: (event.currentTarget.value || null) as DateOrder | null })
            }
          >
            <option value="">{t.dateOrderAuto}</option>
            <option value="dmy">{t.dmy}</option>
            <option value="mdy">{t.mdy}</option>
            <option value="ymd">{t.ymd}</option>
          </select>
        </label>
      </div>
      <table class="import-sample">
        <caption>{t.sample}</caption>
        <thead>
          <tr>
            {columns.map((name, index) => (
              <th key={index} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {layout.sampleRows.map((row, r) => (
            <tr key={r}>
              {columns.map((_, c) => (
                <td key={c}>{row[c] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        disabled={mapping === null}
        onClick={() => mapping && onMapped(mapping)}
      >
        {t.readWithMapping}
      </button>
    </section>
  );
}
