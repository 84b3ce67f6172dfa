import type { Account } from '@tirelire/shared';
import { deleteAccount } from '../../app/use-cases/accounts.ts';
import { interpolate, localeOf, useLanguage, useMessages } from '../i18n/i18n.ts';
import { ConfirmDialog } from '../operations/ConfirmDialog.tsx';
import { describeError } from '../operations/errors.ts';
import { useServices } from '../services-context.ts';
import { accountsMessages } from './messages.ts';

interface DeleteAccountDialogProps {
  readonly account: Account;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

/** Says exactly what goes: the account, how many operations, and what happens to transfers. */
export function DeleteAccountDialog({ account, onDone, onCancel }: DeleteAccountDialogProps) {
  const t = useMessages(accountsMessages);
  const language = useLanguage();
  const { ledger, state } = useServices();
  // Until every operation is loaded the count is unknown; say "all" rather than a wrong number.
  const operations = state.areOperationsLoaded.value
    ? (state.operationsByAccount.value.get(account.id) ?? [])
    : null;
  const count = operations?.length;
  const hasTransfers = operations?.some((operation) => operation.transferPeerId !== null) ?? false;
  const body =
    count === undefined
      ? t.deleteBodyUnknown
      : count === 0
        ? t.deleteBodyNone
        : count === 1
          ? t.deleteBodyOne
          : interpolate(t.deleteBodyCount, { count: count.toLocaleString(localeOf(language)) });

  return (
    <ConfirmDialog
      title={interpolate(t.deleteTitle, { name: account.name })}
      confirmLabel={t.delete}
      cancelLabel={t.cancel}
      busyLabel={t.delete}
      onCancel={onCancel}
      onConfirm={async () => {
        await deleteAccount(ledger, account);
        onDone();
      }}
      describeError={(error) => interpolate(t.failed, { reason: describeError(error) })}
    >
      <p>{body}</p>
      {hasTransfers && <p>{t.deleteTransfers}</p>}
      <p class="muted">
        {!account.archived && `${t.deleteArchiveHint} `}
        {t.cannotUndo}
      </p>
    </ConfirmDialog>
  );
}
