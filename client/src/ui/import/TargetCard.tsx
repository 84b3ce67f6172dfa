import { useState } from 'preact/hooks';
import { proposeAccount, type StatementEncoding } from '@tirelire/shared';
import type { ImportSession, ImportTarget } from '../../app/import-session.ts';
import { formatAmount, formatDate } from '../format.ts';
import { interpolate, useLanguage, useMessages } from '../i18n/i18n.ts';
import { useServices } from '../services-context.ts';
import { importMessages } from './messages.ts';

const ENCODINGS: readonly StatementEncoding[] = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'];
/** Rows drawn at once in the preview: enough to check a file, cheap even for 10,000-row files. */
const ROWS_SHOWN = 200;

/** One statement of one file: where it goes, what is new, what needs a decision. */
export function TargetCard({
  session,
  target,
}: {
  readonly session: ImportSession;
  readonly target: ImportTarget;
}) {
  const t = useMessages(importMessages);
  const language = useLanguage();
  const { state } = useServices();
  const [showRows, setShowRows] = useState(false);
  const { statement, choice, plan, file } = target;
  const accounts = state.accounts.value.filter((account) => !account.archived);
  const fallback = accounts[0]?.currency ?? statement.operations[0]?.currency;
  const proposed = fallback
    ? proposeAccount(statement, target.bank, fallback, t.newAccountName)
    : null;
  const encoding = file.state.kind === 'read' ? file.state.result.encoding : 'utf-8';
  const warnings =
    file.state.kind === 'read' && target.key.endsWith(':0') ? file.state.result.file.warnings : [];
  const selectValue = choice.skip ? 'skip' : (choice.account ?? '');
  const headingId = `target-${target.key}`;
  const currency =
    accounts.find((a) => a.id === choice.account)?.currency ?? statement.operations[0]?.currency;

  return (
    <section class="card import-target" aria-labelledby={headingId} data-testid="import-target">
      <header class="import-target-header">
        <h2 id={headingId}>{file.name}</h2>
        <p class="muted">
          {[
            target.bank,
            target.format.toUpperCase(),
            statement.account.id && interpolate(t.fileAccount, { id: statement.account.id }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <button type="button" class="secondary small" onClick={() => session.removeFile(file.id)}>
          {t.remove}
        </button>
      </header>
      <div class="import-target-controls">
        <label class="field">
          <span>{t.account}</span>
          <select
            value={selectValue}
            data-testid="import-account"
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (value === 'skip') session.choose(target.key, { skip: true });
              else
                session.choose(target.key, {
                  skip: false,
                  matchedBy: null,
                  account:
                    value === 'new' ? 'new' : (accounts.find((a) => a.id === value)?.id ?? null),
                });
            }}
          >
            <option value="">{t.chooseAccount}</option>
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.name} ({account.currency})
              </option>
            ))}
            {proposed && (
              <option value="new">{interpolate(t.newAccount, { name: proposed.name })}</option>
            )}
            <option value="skip">{t.skip}</option>
          </select>
        </label>
        <label class="field">
          <span>{t.encoding}</span>
          <select
            value={encoding}
            onChange={(event) =>
              void session.reread(file.id, {
                encoding: event.currentTarget.value as StatementEncoding,
              })
            }
          >
            {ENCODINGS.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {(target.format === 'csv' || target.format === 'qif') && (
          <label class="field">
            <span>{t.dateOrder}</span>
            <select
              value={file.options.dateOrder ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                void session.reread(file.id, {
                  dateOrder:
                    value === 'dmy' || value === 'mdy' || value === 'ymd' ? value : undefined,
                });
              }}
            >
              <option value="">{t.dateOrderAuto}</option>
              <option value="dmy">{t.dmy}</option>
              <option value="mdy">{t.mdy}</option>
              <option value="ymd">{t.ymd}</option>
            </select>
          </label>
        )}
      </div>
      {choice.matchedBy && !choice.skip && (
        <p class="muted import-match">
          {choice.matchedBy === 'statement_id'
            ? t.matchedById
            : choice.matchedBy === 'mapping'
              ? t.matchedMapping
              : t.matchedOnly}
        </p>
      )}
      {plan && !choice.skip && (
        <p class="import-counts" data-testid="import-counts">
          {interpolate(t.counts, {
            new: plan.counts.new,
            duplicate: plan.counts.duplicate,
            possible: plan.counts.possible_duplicate,
          })}
        </p>
      )}
      {warnings.length > 0 && (
        <details class="import-warnings">
          <summary>
            {t.warnings} ({warnings.length})
          </summary>
          <ul>
            {warnings.map((warning, index) => (
              <li key={index}>
                {warning.line !== null ? `${warning.line}: ` : ''}
                {warning.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {plan && !choice.skip && plan.counts.possible_duplicate > 0 && (
        <ul class="import-merges">
          {plan.rows.map((row, index) => {
            if (row.status !== 'possible_duplicate' || row.mergeCandidate === null) return null;
            const manual = state.operationsById.value.get(row.mergeCandidate);
            return (
              <li key={index}>
                <label>
                  <input
                    type="checkbox"
                    checked={!choice.keepSeparate.has(index)}
                    onChange={() => session.toggleMerge(target.key, index)}
                  />
                  {row.row.label} ·{' '}
                  {currency
                    ? formatAmount(row.row.amountMinor, currency, language)
                    : row.row.amountMinor}{' '}
                  ·{' '}
                  {interpolate(t.mergeWith, {
                    label: manual?.label ?? '',
                    date: manual ? formatDate(manual.date, language) : '',
                  })}
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <details class="import-rows" onToggle={(event) => setShowRows(event.currentTarget.open)}>
        <summary>{t.showRows}</summary>
        {showRows && (
          <table>
            <caption>
              {interpolate(t.rowsShown, {
                shown: Math.min(ROWS_SHOWN, statement.operations.length),
                total: statement.operations.length,
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.date}</th>
                <th scope="col">{t.label}</th>
                <th scope="col" class="amount">
                  {t.amount}
                </th>
                <th scope="col">{t.status}</th>
              </tr>
            </thead>
            <tbody>
              {statement.operations.slice(0, ROWS_SHOWN).map((op, index) => {
                const status = plan?.rows[index]?.status;
                return (
                  <tr key={index} class={status ? `is-${status}` : ''}>
                    <td>{formatDate(op.date, language, 'short')}</td>
                    <td>{op.label}</td>
                    <td class="amount">{formatAmount(op.amountMinor, op.currency, language)}</td>
                    <td>{status ? t[`status_${status}`] : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </details>
    </section>
  );
}
