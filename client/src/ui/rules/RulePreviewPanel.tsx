import type { Account, AccountId, Category, CategoryId, Language } from '@tirelire/shared';
import { useId } from 'preact/hooks';
import { formatAmount, formatDate } from '../format.ts';
import { interpolate, localeOf, useLanguage, useMessages } from '../i18n/i18n.ts';
import { renderCategoryChip } from '../operations/CategoryChip.tsx';
import { operationsMessages } from '../operations/messages.ts';
import { rulesMessages, type RulesMessages } from './messages.ts';
import type { RulePreview } from './preview.ts';

interface RulePreviewPanelProps {
  /** null while the conditions are missing or invalid. */
  readonly preview: RulePreview | null;
  readonly isInvalid: boolean;
  /** Whether a category is chosen: without one, "would change" means nothing yet. */
  readonly hasCategory: boolean;
  readonly isStale: boolean;
  readonly categoriesById: ReadonlyMap<CategoryId, Category>;
  readonly accountsById: ReadonlyMap<AccountId, Account>;
}

function countText(t: RulesMessages, count: number, language: Language): string {
  if (count === 0) return t.previewCountZero;
  if (count === 1) return t.previewCountOne;
  return interpolate(t.previewCount, { count: count.toLocaleString(localeOf(language)) });
}

function changesText(t: RulesMessages, changes: number, language: Language): string {
  if (changes === 0) return t.previewChangesZero;
  if (changes === 1) return t.previewChangesOne;
  return interpolate(t.previewChanges, { count: changes.toLocaleString(localeOf(language)) });
}

/**
 * What the rule being edited matches, updated as the person types: the count, how many would
 * change category, and a sample. A polite live region, so the figures are heard once they settle.
 */
export function RulePreviewPanel(props: RulePreviewPanelProps) {
  const t = useMessages(rulesMessages);
  const to = useMessages(operationsMessages);
  const language = useLanguage();
  const titleId = useId();
  const { preview } = props;
  return (
    <section class="rule-preview" aria-labelledby={titleId} data-testid="rule-preview">
      <h3 id={titleId}>{t.previewTitle}</h3>
      <div aria-live="polite" aria-busy={props.isStale}>
        {preview === null ? (
          <p class="muted">{props.isInvalid ? t.previewInvalid : t.previewNone}</p>
        ) : (
          <p>
            <strong data-testid="rule-preview-count">
              {countText(t, preview.count, language)}
            </strong>
            {props.hasCategory && preview.count > 0 && (
              <> {changesText(t, preview.changes, language)}</>
            )}
          </p>
        )}
      </div>
      {preview !== null && preview.sample.length > 0 && (
        <div class="rule-sample-scroll">
          <table class="rule-sample">
            <caption class="visually-hidden">{t.sampleCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.sampleDate}</th>
                <th scope="col">{t.sampleLabel}</th>
                <th scope="col" class="amount">
                  {t.sampleAmount}
                </th>
                <th scope="col">{t.sampleCategory}</th>
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((operation) => (
                <tr key={operation.id}>
                  <td class="rule-sample-date">{formatDate(operation.date, language, 'short')}</td>
                  <td class="rule-sample-label" title={operation.rawLabel || operation.label}>
                    {operation.label}
                    {props.accountsById.size > 1 && (
                      <span class="muted rule-sample-account">
                        {props.accountsById.get(operation.accountId)?.name ?? ''}
                      </span>
                    )}
                  </td>
                  <td class={`amount${operation.amountMinor < 0 ? ' negative' : ''}`}>
                    {formatAmount(operation.amountMinor, operation.currency, language, {
                      signed: true,
                    })}
                  </td>
                  <td>
                    {renderCategoryChip(
                      operation.categoryId === null
                        ? undefined
                        : props.categoriesById.get(operation.categoryId),
                      operation.categorySource,
                      language,
                      to,
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="muted rule-preview-note">{t.previewNote}</p>
    </section>
  );
}
