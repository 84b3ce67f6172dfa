import { categoryName, type Rule } from '@tirelire/shared';
import { useState } from 'preact/hooks';
import { deleteRule, draftOfRule, updateRule } from '../../app/use-cases/rules.ts';
import { interpolate, localeOf, useLanguage, useMessages } from '../i18n/i18n.ts';
import { ConfirmDialog } from '../operations/ConfirmDialog.tsx';
import { describeError } from '../operations/errors.ts';
import { navigate, routePath, type Route } from '../router.ts';
import { useServices } from '../services-context.ts';
import { rulesMessages } from './messages.ts';
import { RuleDialog } from './RuleDialog.tsx';
import { ruleCurrencyOf } from './rule-form.ts';
import { ruleConditions } from './rule-summary.ts';
import './rules.css';

type OpenDialog =
  | { readonly kind: 'add' }
  | { readonly kind: 'edit'; readonly rule: Rule }
  | { readonly kind: 'delete'; readonly rule: Rule }
  | null;

function ScreenLink({ route, label }: { readonly route: Route; readonly label: string }) {
  return (
    <a
      href={routePath(route)}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        navigate(route);
      }}
    >
      {label}
    </a>
  );
}

/** The person's rules: what each matches, its category, on/off, edit and delete. */
export function RulesScreen() {
  const t = useMessages(rulesMessages);
  const language = useLanguage();
  const { state, ledger } = useServices();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [status, setStatus] = useState('');
  const collator = new Intl.Collator(localeOf(language), { sensitivity: 'base', numeric: true });
  const rules = [...state.rules.value].sort((a, b) => collator.compare(a.name, b.name));
  const accounts = state.accounts.value;
  const categoriesById = state.categoriesById.value;
  const accountsById = state.accountsById.value;

  const toggle = async (rule: Rule, enabled: boolean) => {
    try {
      const saved = await updateRule(ledger, rule, { ...draftOfRule(rule), enabled });
      setStatus(
        saved.ok
          ? interpolate(enabled ? t.turnedOn : t.turnedOff, { name: rule.name })
          : interpolate(t.saveFailed, { reason: saved.message }),
      );
    } catch (caught) {
      setStatus(interpolate(t.saveFailed, { reason: describeError(caught) }));
    }
  };

  return (
    <section class="rules">
      <p class="rules-links">
        <ScreenLink route={{ name: 'categories' }} label={`← ${t.backToCategories}`} />
        <ScreenLink route={{ name: 'review' }} label={t.toReview} />
      </p>
      <div class="rules-header">
        <h1 tabIndex={-1}>{t.title}</h1>
        <button type="button" onClick={() => setDialog({ kind: 'add' })}>
          <span aria-hidden="true">+ </span>
          {t.add}
        </button>
      </div>
      <p class="muted rules-intro">{t.intro}</p>
      <p class="rules-status" role="status">
        {status}
      </p>
      {rules.length === 0 ? (
        <p class="card empty-state" data-testid="rules-empty">
          {t.empty}
        </p>
      ) : (
        <div class="card rules-card">
          <table class="rules-table" data-testid="rules-table">
            <caption class="visually-hidden">{t.listLabel}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columnName}</th>
                <th scope="col">{t.columnConditions}</th>
                <th scope="col">{t.columnCategory}</th>
                <th scope="col">{t.columnEnabled}</th>
                <th scope="col">
                  <span class="visually-hidden">{t.columnActions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => {
                const category = categoriesById.get(rule.categoryId);
                const conditions = ruleConditions(
                  rule,
                  accountsById,
                  ruleCurrencyOf(rule.accountId ?? '', accounts),
                  language,
                  t,
                );
                return (
                  <tr
                    key={rule.id}
                    class={rule.enabled ? undefined : 'rule-off'}
                    data-testid="rule-row"
                  >
                    <th scope="row" class="rule-name">
                      {rule.name}
                    </th>
                    <td class="rule-conditions-cell">{conditions.join(' · ')}</td>
                    <td>
                      {category ? (
                        <span class="chip" style={{ '--chip-color': category.color }}>
                          {categoryName(category, language)}
                        </span>
                      ) : (
                        <span class="chip chip-none">{t.unknownCategory}</span>
                      )}
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        role="switch"
                        class="rule-switch"
                        checked={rule.enabled}
                        aria-label={interpolate(t.enabledLabel, { name: rule.name })}
                        onChange={(event) => void toggle(rule, event.currentTarget.checked)}
                      />
                    </td>
                    <td class="rule-actions">
                      <button
                        type="button"
                        class="secondary small"
                        aria-label={interpolate(t.editRule, { name: rule.name })}
                        onClick={() => setDialog({ kind: 'edit', rule })}
                      >
                        {t.edit}
                      </button>
                      <button
                        type="button"
                        class="secondary small"
                        aria-label={interpolate(t.deleteRule, { name: rule.name })}
                        onClick={() => setDialog({ kind: 'delete', rule })}
                      >
                        {t.delete}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <RuleDialog
          rule={dialog.kind === 'edit' ? dialog.rule : null}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            setStatus(interpolate(t.saved, { name: saved.name }));
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t.deleteTitle}
          confirmLabel={t.delete}
          cancelLabel={t.cancel}
          busyLabel={t.deleting}
          describeError={(error) => interpolate(t.deleteFailed, { reason: describeError(error) })}
          onCancel={() => setDialog(null)}
          onConfirm={async () => {
            await deleteRule(ledger, dialog.rule);
            setDialog(null);
            setStatus(interpolate(t.deleted, { name: dialog.rule.name }));
            // The row that opened the dialog is gone: give focus to the screen's title.
            requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
          }}
        >
          <p>{interpolate(t.deleteBody, { name: dialog.rule.name })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
