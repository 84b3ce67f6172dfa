import { useState } from 'preact/hooks';
import type { ImportBatch } from '@tirelire/shared';
import { undoImport } from '../../app/use-cases/import.ts';
import { interpolate, localeOf, useLanguage, useMessages } from '../i18n/i18n.ts';
import { ConfirmDialog } from '../operations/ConfirmDialog.tsx';
import { useServices } from '../services-context.ts';
import { importMessages } from './messages.ts';

/** Every import, newest first, each one undoable until it has been undone. */
export function ImportHistory() {
  const t = useMessages(importMessages);
  const language = useLanguage();
  const { state, ledger } = useServices();
  const [undoing, setUndoing] = useState<ImportBatch | null>(null);
  const batches = state.importBatches.value;
  const when = new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const accountName = (batch: ImportBatch) =>
    state.accountsById.value.get(batch.accountId)?.name ?? t.deletedAccount;

  return (
    <section class="card import-history" aria-labelledby="import-history">
      <h2 id="import-history">{t.history}</h2>
      {batches.length === 0 ? (
        <p class="muted">{t.noHistory}</p>
      ) : (
        <ul>
          {batches.map((batch) => (
            <li key={batch.id} class={batch.undoneAt === null ? '' : 'is-undone'}>
              <span>
                {interpolate(t.historyLine, {
                  date: when.format(batch.createdAt),
                  file: batch.fileName,
                  account: accountName(batch),
                  added: batch.addedIds.length,
                })}
              </span>
              {batch.undoneAt === null ? (
                <button type="button" class="secondary" onClick={() => setUndoing(batch)}>
                  {t.undo}
                </button>
              ) : (
                <span class="muted">{t.undone}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {undoing && (
        <ConfirmDialog
          title={t.undoTitle}
          confirmLabel={t.undoConfirm}
          cancelLabel={t.cancel}
          busyLabel={t.undoing}
          describeError={() => t.undoFailed}
          onCancel={() => setUndoing(null)}
          onConfirm={async () => {
            await undoImport(ledger, undoing);
            setUndoing(null);
          }}
        >
          <p>
            {interpolate(t.undoBody, {
              added: undoing.addedIds.length,
              account: accountName(undoing),
            })}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
