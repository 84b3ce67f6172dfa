import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { isValidRulePattern, type Rule } from '@tirelire/shared';
import { addRule, updateRule } from '../../app/use-cases/rules.ts';
import { interpolate, localeOf, useLanguage, useMessages } from '../i18n/i18n.ts';
import { categoryOptions } from '../operations/category-options.ts';
import { describeError, focusFirstInvalid } from '../operations/errors.ts';
import { Field } from '../operations/Field.tsx';
import { FormFooter } from '../operations/FormFooter.tsx';
import { Modal } from '../operations/Modal.tsx';
import { useServices } from '../services-context.ts';
import { rulesMessages } from './messages.ts';
import { previewOf } from './preview.ts';
import {
  emptyRuleFields,
  fieldsOfRule,
  previewRuleOf,
  ruleCurrencyOf,
  ruleDraftOf,
  type RuleFieldError,
  type RuleFieldErrors,
  type RuleFields,
} from './rule-form.ts';
import { RuleConditions } from './RuleConditions.tsx';
import { RulePreviewPanel } from './RulePreviewPanel.tsx';
import { useDebounced } from './useDebounced.ts';
import './rules.css';

/** Long enough to skip most keystrokes of a word, short enough to feel live. */
const PREVIEW_DELAY_MS = 200;

interface RuleDialogProps {
  /** The rule to edit, or null to create one. */
  readonly rule: Rule | null;
  /** Fields filled in for a new rule, e.g. from a merchant in the review queue. */
  readonly prefill?: Partial<RuleFields>;
  readonly onClose: () => void;
  readonly onSaved: (rule: Rule) => void;
}

/**
 * Creating or editing a rule, with a live preview of what it matches. Nothing is saved until the
 * person presses Save: the button says how many operations the rule matches.
 */
export function RuleDialog({ rule, prefill, onClose, onSaved }: RuleDialogProps) {
  const t = useMessages(rulesMessages);
  const language = useLanguage();
  const { ledger, state } = useServices();
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const accounts = state.accounts.value;
  const categories = state.categories.value;
  const [fields, setFields] = useState<RuleFields>(() =>
    rule
      ? fieldsOfRule(rule, ruleCurrencyOf(rule.accountId ?? '', accounts), language)
      : emptyRuleFields(prefill),
  );
  const [errors, setErrors] = useState<RuleFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const currency = ruleCurrencyOf(fields.accountId, accounts);

  const settled = useDebounced(fields, PREVIEW_DELAY_MS);
  const candidate = useMemo(
    () => previewRuleOf(settled, ruleCurrencyOf(settled.accountId, accounts), language, accounts),
    [settled, accounts, language],
  );
  const operations = state.operations.value;
  const preview = useMemo(
    () => (candidate ? previewOf(candidate, operations) : null),
    [candidate, operations],
  );
  // Checked as the person types, not only on save: a regular expression is easy to get wrong.
  const livePatternError: RuleFieldError | undefined =
    fields.labelPattern.trim() !== '' && !isValidRulePattern(fields.labelPattern)
      ? 'invalid_pattern'
      : undefined;

  const message = (error: RuleFieldError | undefined): string | undefined =>
    error === undefined ? undefined : interpolate(t[`error_${error}`], { currency });
  const set = (change: Partial<RuleFields>) => {
    setFields({ ...fields, ...change });
    if (formError) setFormError(null);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const result = ruleDraftOf(fields, currency, language, accounts, categories);
    if (!result.ok) {
      setErrors(result.errors);
      setFormError(t.fixErrors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setFormError(null);
    setSaving(true);
    try {
      const saved = rule
        ? await updateRule(ledger, rule, result.draft)
        : await addRule(ledger, result.draft);
      if (saved.ok) {
        onSaved(saved.value);
        return;
      }
      setFormError(interpolate(t.saveFailed, { reason: saved.message }));
    } catch (caught) {
      setFormError(interpolate(t.saveFailed, { reason: describeError(caught) }));
    }
    setSaving(false);
  };

  const count = preview?.count;
  const saveLabel =
    count === undefined || fields !== settled
      ? t.save
      : count === 0
        ? t.saveMatchesZero
        : count === 1
          ? t.saveMatchesOne
          : interpolate(t.saveMatches, { count: count.toLocaleString(localeOf(language)) });

  return (
    <Modal titleId={titleId} onClose={onClose} class="rule-dialog">
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={titleId}>{rule ? t.editRuleTitle : t.newRuleTitle}</h2>
        <div class="form-grid">
          <Field label={t.name} error={message(errors.name)}>
            {(control) => (
              <input
                {...control}
                type="text"
                required
                maxLength={120}
                autofocus
                value={fields.name}
                onInput={(event) => set({ name: event.currentTarget.value })}
              />
            )}
          </Field>
          <Field label={t.category} error={message(errors.categoryId)}>
            {(control) => (
              <select
                {...control}
                required
                value={fields.categoryId}
                onChange={(event) => set({ categoryId: event.currentTarget.value })}
              >
                <option value="">{t.chooseCategory}</option>
                {categoryOptions(categories, language).map((option) => (
                  <option key={option.category.id} value={option.category.id}>
                    {`${'\u2003'.repeat(option.depth)}${option.category.icon} ${option.name}`}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <RuleConditions
          fields={fields}
          errors={{ ...errors, labelPattern: livePatternError ?? errors.labelPattern }}
          currency={currency}
          accounts={accounts}
          message={message}
          onChange={set}
        />
        <RulePreviewPanel
          preview={preview}
          isInvalid={candidate === null && hasAnyCondition(settled)}
          hasCategory={settled.categoryId !== ''}
          isStale={fields !== settled}
          categoriesById={state.categoriesById.value}
          accountsById={state.accountsById.value}
        />
        <FormFooter
          error={formError}
          isSaving={isSaving}
          labels={{ cancel: t.cancel, save: saveLabel, saving: t.saving }}
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}

function hasAnyCondition(fields: RuleFields): boolean {
  return [
    fields.labelContains,
    fields.labelPattern,
    fields.amountMin,
    fields.amountMax,
    fields.accountId,
  ].some((value) => value.trim() !== '');
}
