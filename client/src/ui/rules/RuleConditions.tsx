import type { Account, CurrencyCode } from '@tirelire/shared';
import { useMessages } from '../i18n/i18n.ts';
import { Field } from '../operations/Field.tsx';
import { rulesMessages } from './messages.ts';
import type { RuleFieldError, RuleFieldErrors, RuleFields } from './rule-form.ts';

interface RuleConditionsProps {
  readonly fields: RuleFields;
  readonly errors: RuleFieldErrors;
  /** The currency amounts are typed in (see ruleCurrencyOf). */
  readonly currency: CurrencyCode;
  readonly accounts: readonly Account[];
  readonly message: (error: RuleFieldError | undefined) => string | undefined;
  readonly onChange: (change: Partial<RuleFields>) => void;
}

/** The conditions of a rule: label contains, label pattern, amount bounds, account, on/off. */
export function RuleConditions({
  fields,
  errors,
  currency,
  accounts,
  message,
  onChange,
}: RuleConditionsProps) {
  const t = useMessages(rulesMessages);
  return (
    <fieldset class="rule-conditions">
      <legend>{t.conditions}</legend>
      <p class="field-hint">{t.conditionsHint}</p>
      {errors.conditions && (
        <p class="field-error" role="alert">
          {message(errors.conditions)}
        </p>
      )}
      <div class="form-grid">
        <Field
          label={t.labelContains}
          hint={t.labelContainsHint}
          error={message(errors.labelContains)}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              autocomplete="off"
              value={fields.labelContains}
              onInput={(event) => onChange({ labelContains: event.currentTarget.value })}
            />
          )}
        </Field>
        <Field
          label={t.labelPattern}
          hint={t.labelPatternHint}
          error={message(errors.labelPattern)}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              autocomplete="off"
              spellcheck={false}
              class="rule-pattern"
              value={fields.labelPattern}
              onInput={(event) => onChange({ labelPattern: event.currentTarget.value })}
            />
          )}
        </Field>
        <Field
          label={t.amountMin}
          suffix={currency}
          hint={t.amountHint}
          error={message(errors.amountMin)}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="decimal"
              autocomplete="off"
              value={fields.amountMin}
              onInput={(event) => onChange({ amountMin: event.currentTarget.value })}
            />
          )}
        </Field>
        <Field label={t.amountMax} suffix={currency} error={message(errors.amountMax)}>
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="decimal"
              autocomplete="off"
              value={fields.amountMax}
              onInput={(event) => onChange({ amountMax: event.currentTarget.value })}
            />
          )}
        </Field>
        <Field label={t.account}>
          {(control) => (
            <select
              {...control}
              value={fields.accountId}
              onChange={(event) => onChange({ accountId: event.currentTarget.value })}
            >
              <option value="">{t.anyAccount}</option>
              {accounts.map((account) => (
                <option key={account.id} value={account.id}>
                  {account.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label class="rule-enabled">
          <input
            type="checkbox"
            checked={fields.enabled}
            onChange={(event) => onChange({ enabled: event.currentTarget.checked })}
          />
          <span>{t.enabled}</span>
        </label>
      </div>
    </fieldset>
  );
}
