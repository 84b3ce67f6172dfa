import { useId, useRef, useState } from 'preact/hooks';
import type { Category, OperationSort } from '@tirelire/shared';
import { interpolate, useLanguage, useMessages } from '../i18n/i18n.ts';
import { categoryOptions } from './category-options.ts';
import { Field } from './Field.tsx';
import {
  countActiveFilters,
  UNCATEGORISED,
  type FilterErrors,
  type FilterFields,
} from './filter-form.ts';
import { operationsMessages, type OperationsMessages } from './messages.ts';

const SORTS = [
  { field: 'date', direction: 'desc', name: 'sortDateDesc' },
  { field: 'date', direction: 'asc', name: 'sortDateAsc' },
  { field: 'amount', direction: 'desc', name: 'sortAmountDesc' },
  { field: 'amount', direction: 'asc', name: 'sortAmountAsc' },
  { field: 'label', direction: 'asc', name: 'sortLabelAsc' },
  { field: 'label', direction: 'desc', name: 'sortLabelDesc' },
] as const satisfies readonly (OperationSort & { name: keyof OperationsMessages })[];

const sortValue = (sort: OperationSort) => `${sort.field}:${sort.direction}`;

interface FiltersProps {
  readonly fields: FilterFields;
  readonly errors: FilterErrors;
  readonly categories: readonly Category[];
  readonly sort: OperationSort;
  readonly onChange: (change: Partial<FilterFields>) => void;
  readonly onSortChange: (sort: OperationSort) => void;
  readonly onClear: () => void;
}

/**
 * Search stays in view; the other criteria fold behind a "Filters" button on narrow screens
 * (always shown on wide ones, by CSS), so a phone keeps room for the list.
 */
export function Filters({ fields, errors, categories, sort, ...on }: FiltersProps) {
  const t = useMessages(operationsMessages);
  const language = useLanguage();
  const panelId = useId();
  const [isOpen, setOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const active = countActiveFilters(fields);
  const errorText = {
    amount_malformed: t.amountMalformed,
    from_after_to: t.fromAfterTo,
    min_above_max: t.minAboveMax,
  } as const;
  const input = (key: keyof FilterFields) => (event: Event) => {
    if (event.currentTarget instanceof HTMLInputElement)
      on.onChange({ [key]: event.currentTarget.value });
  };

  return (
    <div class="filters" role="search">
      <div class="filters-main">
        <Field label={t.search} class="filter-search">
          {(control) => (
            <input
              {...control}
              ref={searchRef}
              type="search"
              value={fields.text}
              placeholder={t.searchPlaceholder}
              autocomplete="off"
              spellcheck={false}
              onInput={input('text')}
            />
          )}
        </Field>
        <button
          type="button"
          class="secondary filters-toggle"
          aria-expanded={isOpen}
          aria-controls={panelId}
          onClick={() => setOpen(!isOpen)}
        >
          {active > 0 ? interpolate(t.filtersActive, { count: active }) : t.filters}
        </button>
        {(active > 0 || fields.text !== '') && (
          <button
            type="button"
            class="secondary filters-clear"
            onClick={() => {
              on.onClear();
              // The button disappears with the filters; keep focus where the next search starts.
              searchRef.current?.focus();
            }}
          >
            {t.clearFilters}
          </button>
        )}
      </div>
      <div id={panelId} class={`filters-panel${isOpen ? ' is-open' : ''}`}>
        <fieldset class="filter-range">
          <legend>{t.dates}</legend>
          <Field label={t.from}>
            {(control) => (
              <input {...control} type="date" value={fields.from} onInput={input('from')} />
            )}
          </Field>
          <Field label={t.to} error={errors.to && errorText[errors.to]}>
            {(control) => (
              <input {...control} type="date" value={fields.to} onInput={input('to')} />
            )}
          </Field>
        </fieldset>
        <fieldset class="filter-range">
          {/* Signed like the list: "-50" to "-10" finds expenses between 10 and 50. */}
          <legend>{t.amounts}</legend>
          <Field label={t.minAmount} error={errors.min && errorText[errors.min]}>
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode="decimal"
                placeholder={language === 'fr' ? '-100,00' : '-100.00'}
                title={t.amountHint}
                value={fields.min}
                onInput={input('min')}
              />
            )}
          </Field>
          <Field label={t.maxAmount} error={errors.max && errorText[errors.max]}>
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode="decimal"
                placeholder={language === 'fr' ? '100,00' : '100.00'}
                title={t.amountHint}
                value={fields.max}
                onInput={input('max')}
              />
            )}
          </Field>
        </fieldset>
        <Field label={t.category}>
          {(control) => (
            <select
              {...control}
              value={fields.category}
              onChange={(event) => on.onChange({ category: event.currentTarget.value })}
            >
              <option value="">{t.allCategories}</option>
              <option value={UNCATEGORISED}>{t.uncategorised}</option>
              {categoryOptions(categories, language).map((option) => (
                <option key={option.category.id} value={option.category.id}>
                  {'\u2003'.repeat(option.depth) + option.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.sortBy}>
          {(control) => (
            <select
              {...control}
              value={sortValue(sort)}
              onChange={(event) => {
                const value = event.currentTarget.value;
                const chosen = SORTS.find((option) => sortValue(option) === value);
                if (chosen) on.onSortChange({ field: chosen.field, direction: chosen.direction });
              }}
            >
              {SORTS.map((option) => (
                <option key={sortValue(option)} value={sortValue(option)}>
                  {t[option.name]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </div>
  );
}
