// The one modal of the app so far lives with categories; shared here rather than duplicated.
import { Dialog } from '../categories/Dialog.tsx';
import { interpolate, localeOf, useLanguage, useMessages } from '../i18n/i18n.ts';
import { useServices } from '../services-context.ts';
import { settingsMessages } from './messages.ts';
import type { RestorePreview } from './restore.ts';

interface RestoreDialogProps {
  readonly fileName: string;
  readonly preview: RestorePreview;
  readonly isBusy: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** The last word before a restore: what is on the device now, and what the file holds. */
export function RestoreDialog(props: RestoreDialogProps) {
  const t = useMessages(settingsMessages);
  const language = useLanguage();
  const { state } = useServices();
  const number = new Intl.NumberFormat(localeOf(language));
  const current = {
    accounts: state.accounts.value.length,
    categories: state.categories.value.length,
    operations: state.operationsById.value.size,
  };
  const rows = [
    { key: 'accounts', label: t.accounts },
    { key: 'categories', label: t.categories },
    { key: 'operations', label: t.operations },
  ] as const;
  return (
    <Dialog title={t.restoreTitle} onClose={props.onCancel} isBusy={props.isBusy}>
      <p>{t.restoreBody}</p>
      <p class="muted">{interpolate(t.restoreFile, { file: props.fileName })}</p>
      <table class="restore-compare">
        <caption class="visually-hidden">{t.compareCaption}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{t.onDevice}</th>
            <th scope="col">{t.inFile}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td class="amount">
                {state.areOperationsLoaded.value || row.key !== 'operations'
                  ? number.format(current[row.key])
                  : '…'}
              </td>
              <td class="amount">{number.format(props.preview[row.key])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="actions">
        <button type="button" class="secondary" onClick={props.onCancel} disabled={props.isBusy}>
          {t.cancel}
        </button>
        <button type="button" class="danger" onClick={props.onConfirm} disabled={props.isBusy}>
          {props.isBusy ? t.restoring : t.confirmRestore}
        </button>
      </div>
    </Dialog>
  );
}
